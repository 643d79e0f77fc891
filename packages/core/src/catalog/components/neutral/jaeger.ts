import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'jaeger',
  name: 'Jaeger',
  description:
    'Open-source distributed tracing platform (collector, query service and UI) that you run yourself on a storage backend, priced as its compute; use it to follow requests across services.',
  category: 'observability',
  vendor: 'neutral',
  roles: ['observability.traces', 'stateful', 'self-managed'],
  equivalence: 'tracing',
  config: {
    storage: z
      .enum(['elasticsearch', 'opensearch', 'cassandra', 'badger', 'memory'])
      .default('elasticsearch')
      .describe('Span storage backend; badger is a local disk on one node and memory loses every trace on restart.'),
    replicas: fields.replicas.describe('Jaeger collector instances.'),
    vcpus: fields.vcpus.default(1).describe('vCPUs per instance.'),
    memoryMb: fields.memoryMb.default(2048).describe('Memory per instance in MB.'),
    retentionDays: z.number().int().min(1).max(365).default(7).describe('Days spans are kept in storage.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
