import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.gcs',
  name: 'Google Cloud Storage',
  description: 'Object storage for files, backups, data lakes and static web assets, billed per GB-month by storage class and location, per operation and per GB of egress.',
  category: 'storage',
  vendor: 'gcp',
  roles: ['datastore', 'object-storage', 'static-content', 'ha-managed'],
  equivalence: 'object-storage',
  config: {
    storageClass: z
      .enum(['standard', 'nearline', 'coldline', 'archive'])
      .default('standard')
      .describe('Storage class: Nearline, Coldline and Archive are cheaper to store but charge for retrieval and have 30/90/365-day minimum storage durations.'),
    autoclass: z.boolean().default(false).describe('Autoclass moves each object between storage classes by its access pattern.'),
    locationType: z
      .enum(['region', 'dual-region', 'multi-region'])
      .default('region')
      .describe('Region stores data in one region across zones; dual- and multi-region buckets also survive a regional outage at a higher price.'),
    versioning: z.boolean().default(false).describe('Keep noncurrent versions of overwritten and deleted objects.'),
    public: fields.public.describe('Objects are readable by anyone on the internet (allUsers reader).'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys (CMEK). Unset means the provider default (Google-managed keys).'),
    personalData: fields.personalData,
  },
});
