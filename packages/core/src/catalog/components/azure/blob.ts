import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.blob',
  name: 'Azure Blob Storage',
  description: 'Object storage for files, backups, data lakes and static web assets, billed per GB-month by access tier and redundancy, plus per operation and per GB of egress.',
  category: 'storage',
  vendor: 'azure',
  roles: ['datastore', 'object-storage', 'static-content', 'ha-managed'],
  equivalence: 'object-storage',
  config: {
    accessTier: z
      .enum(['hot', 'cool', 'cold', 'archive'])
      .default('hot')
      .describe('Access tier: Cool, Cold and Archive are cheaper to store but charge for reads and have 30/90/180-day minimum storage durations; Archive needs hours to rehydrate.'),
    redundancy: z
      .enum(['LRS', 'ZRS', 'GRS', 'RA-GRS', 'GZRS', 'RA-GZRS'])
      .default('ZRS')
      .describe('Replication: LRS keeps three copies in one datacenter, ZRS across availability zones, GRS/GZRS also copy to the paired region (RA- allows reading there).'),
    versioning: z.boolean().default(false).describe('Keep previous versions of overwritten and deleted blobs.'),
    public: fields.public.describe('Containers allow anonymous public read access.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys. Unset means the provider default (Microsoft-managed keys).'),
    personalData: fields.personalData,
  },
});
