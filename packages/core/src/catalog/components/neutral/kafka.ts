import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'kafka',
  name: 'Apache Kafka',
  description:
    "Distributed, replayable event log for high-throughput streaming, priced as the target cloud's managed Kafka (Amazon MSK, Google Cloud Managed Service for Apache Kafka; Event Hubs' Kafka endpoint on Azure) by broker hour and GB stored.",
  category: 'messaging',
  vendor: 'neutral',
  roles: ['stream', 'broker', 'stateful'],
  equivalence: 'managed-kafka',
  capacity: { rpsPerInstance: 20000, basis: 'about 20,000 messages/s of 1 KB per broker with replication factor 3' },
  config: {
    managed: z.boolean().default(true).describe("Use the cloud's managed Kafka instead of running brokers on your own VMs or Kubernetes."),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, { error: 'must be a Kafka version such as "3.7"' }).default('3.7').describe('Apache Kafka version.'),
    brokers: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe('Broker nodes, spread evenly over zones; 3 brokers in 3 zones allow a replication factor of 3.'),
    instanceType: fields.instanceType.optional().describe('Broker size, e.g. "kafka.t3.small" or "kafka.m7g.large" (MSK).'),
    vcpus: fields.vcpus.optional().describe('vCPUs per broker, for sizing when no instance type is given.'),
    storageGb: fields.storageGb.default(100).describe('Disk per broker, in GB.'),
    partitions: z.number().int().min(1).max(200000).default(12).describe('Partitions across all topics; caps consumer parallelism and drives broker load.'),
    replicationFactor: z.number().int().min(1).max(5).default(3).describe('Copies of each partition kept on different brokers.'),
    minInSyncReplicas: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(2)
      .describe('Replicas that must acknowledge a write sent with acks=all; below replicationFactor so one broker can fail.'),
    retentionHours: z.number().int().min(1).max(87600).default(168).describe('Hours records are kept before deletion (Kafka default 168 = 7 days).'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
