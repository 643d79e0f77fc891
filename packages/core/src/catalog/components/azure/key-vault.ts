import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'azure.key-vault',
  name: 'Azure Key Vault',
  description:
    'Managed store for secrets, keys and certificates on Azure, accessed with managed identities and Entra ID RBAC; billed per 10,000 operations, plus per key for HSM-protected keys on the Premium tier.',
  category: 'security',
  vendor: 'azure',
  roles: ['secrets', 'ha-managed'],
  equivalence: 'secrets-manager',
  config: {
    tier: z.enum(['standard', 'premium']).default('standard').describe('Standard protects keys in software; Premium adds HSM-protected keys (FIPS 140-3 Level 3).'),
    softDeleteRetentionDays: z.number().int().min(7).max(90).default(90).describe('Days deleted secrets and keys can be recovered.'),
    purgeProtection: z.boolean().default(true).describe('Deleted items cannot be purged before the retention period ends, even by an administrator.'),
    rotationDays: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(30)
      .describe('Days between rotations (automatic for keys; an Event Grid near-expiry event triggers your rotation function for secrets); 0 means no rotation.'),
  },
});
