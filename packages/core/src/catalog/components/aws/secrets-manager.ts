import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'aws.secrets-manager',
  name: 'AWS Secrets Manager',
  description:
    'Managed store for database passwords, API keys and other credentials, encrypted with KMS, fetched by workloads with their IAM role and rotated on a schedule; billed per secret per month and per 10,000 API calls.',
  category: 'security',
  vendor: 'aws',
  roles: ['secrets', 'ha-managed'],
  equivalence: 'secrets-manager',
  config: {
    secretCount: z.number().int().min(0).max(500000).default(10).describe('Secrets stored; each is billed per month (a replica in another region counts as one more).'),
    rotationDays: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(30)
      .describe('Days between automatic rotations by a rotation function (RDS, Redshift and DocumentDB have managed rotation); 0 means no rotation.'),
    replicaRegions: z.number().int().min(0).max(30).default(0).describe('Other regions each secret is replicated to, for multi-region failover.'),
  },
});
