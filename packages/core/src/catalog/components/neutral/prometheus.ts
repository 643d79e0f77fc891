import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'prometheus',
  name: 'Prometheus',
  description: 'Metrics collection and storage with PromQL, self-hosted or as a managed service (Amazon/Google/Azure Managed Prometheus).',
  category: 'observability',
  vendor: 'neutral',
  roles: ['observability.metrics', 'stateful'],
  equivalence: 'metrics',
  config: {
    managed: z.boolean().default(true).describe("Use the cloud's managed Prometheus instead of running servers yourself."),
    retentionDays: z.number().int().min(1).max(3650).default(15).describe('Days of metrics kept.'),
    replicas: fields.replicas,
  },
});
