import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'grafana.tempo',
  name: 'Grafana Tempo',
  description:
    'Open-source distributed tracing backend that stores traces in object storage and is queried from Grafana; self-hosted, priced as its compute plus bucket storage.',
  category: 'observability',
  vendor: 'neutral',
  roles: ['observability.traces', 'stateful', 'self-managed'],
  equivalence: 'tracing',
  config: {
    deploymentMode: z
      .enum(['monolithic', 'microservices'])
      .default('monolithic')
      .describe('Monolithic runs every component in one binary; microservices scales distributors, ingesters and queriers separately.'),
    replicas: fields.replicas.describe('Tempo instances (ingesters in microservices mode); ingesters hold recent traces until flushed.'),
    vcpus: fields.vcpus.default(1).describe('vCPUs per instance.'),
    memoryMb: fields.memoryMb.default(2048).describe('Memory per instance in MB.'),
    retentionDays: z.number().int().min(1).max(3650).default(14).describe('Days traces are kept in object storage (Tempo default 14).'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
