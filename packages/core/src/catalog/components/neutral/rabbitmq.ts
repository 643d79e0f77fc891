import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'rabbitmq',
  name: 'RabbitMQ',
  description:
    'Message broker with queues and routing exchanges (direct, topic, fanout) that you run on VMs or Kubernetes, priced by node; use it for work queues and flexible routing at moderate throughput.',
  category: 'messaging',
  vendor: 'neutral',
  roles: ['queue', 'topic', 'broker', 'stateful', 'self-managed'],
  equivalence: 'message-broker',
  capacity: { rpsPerInstance: 10000, basis: 'about 10,000 persistent messages/s per node' },
  config: {
    replicas: fields.replicas.describe('Cluster nodes; 3 nodes with quorum queues survive losing one, while a single node is a single point of failure.'),
    instanceType: fields.instanceType.optional().describe('VM size per node, e.g. "m7g.large", "e2-standard-2", "Standard_D2s_v5".'),
    vcpus: fields.vcpus.default(2).describe('vCPUs per node, for sizing when no instance type is given.'),
    memoryMb: fields.memoryMb.default(4096).describe('Memory per node in MB, for sizing when no instance type is given.'),
    storageGb: fields.storageGb.default(50).describe('Disk per node, in GB.'),
    queueType: z
      .enum(['classic', 'quorum', 'stream'])
      .default('quorum')
      .describe('Quorum queues replicate messages over nodes with Raft; classic queues live on one node; streams are replayable logs.'),
    deadLetter: fields.deadLetter.describe('Rejected or expired messages are routed to a dead-letter exchange.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
