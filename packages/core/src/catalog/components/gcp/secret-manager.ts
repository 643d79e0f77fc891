import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'gcp.secret-manager',
  name: 'Google Secret Manager',
  description:
    'Managed store for credentials and API keys on Google Cloud, with versioned secrets, IAM per secret and rotation notifications through Pub/Sub; billed per active secret version per month and per 10,000 access operations.',
  category: 'security',
  vendor: 'gcp',
  roles: ['secrets', 'ha-managed'],
  equivalence: 'secrets-manager',
  config: {
    activeVersions: z.number().int().min(0).max(500000).default(10).describe('Enabled secret versions kept; each is billed per month, so destroy superseded versions.'),
    replication: z
      .enum(['automatic', 'user-managed'])
      .default('automatic')
      .describe('Automatic replication lets Google place copies anywhere; user-managed pins them to chosen regions (data residency).'),
    rotationDays: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(30)
      .describe('Days between rotation notifications that trigger your rotation job; 0 means no rotation schedule.'),
  },
});
