import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'grafana.loki',
  name: 'Grafana Loki',
  description:
    'Open-source log store that indexes only labels and keeps compressed log chunks in object storage; self-hosted, priced as its compute plus bucket storage, much cheaper than full-text log indexing.',
  category: 'observability',
  vendor: 'neutral',
  roles: ['observability.logs', 'stateful', 'self-managed'],
  equivalence: 'logging',
  config: {
    deploymentMode: z
      .enum(['monolithic', 'simple-scalable', 'microservices'])
      .default('monolithic')
      .describe('Monolithic runs one binary; simple scalable splits read, write and backend paths; microservices scales each component.'),
    replicas: fields.replicas.describe('Loki instances (write-path instances in scalable modes); ingesters hold recent logs until flushed.'),
    vcpus: fields.vcpus.default(1).describe('vCPUs per instance.'),
    memoryMb: fields.memoryMb.default(2048).describe('Memory per instance in MB.'),
    retentionDays: z.number().int().min(1).max(3650).default(30).describe('Days logs are kept before the compactor deletes them.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
