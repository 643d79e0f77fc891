import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.s3',
  name: 'Amazon S3',
  description: 'Object storage for files, backups, data lakes and static web assets; billed per GB-month and per request.',
  category: 'storage',
  vendor: 'aws',
  roles: ['datastore', 'object-storage', 'static-content', 'ha-managed'],
  equivalence: 'object-storage',
  config: {
    storageClass: z
      .enum(['standard', 'intelligent-tiering', 'standard-ia', 'one-zone-ia', 'glacier-instant', 'glacier-flexible', 'glacier-deep-archive'])
      .default('standard')
      .describe('Storage class: cheaper classes charge for retrieval and have minimum storage durations.'),
    versioning: z.boolean().default(false).describe('Keep every version of every object.'),
    public: fields.public,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
