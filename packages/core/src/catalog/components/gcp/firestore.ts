import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.firestore',
  name: 'Google Cloud Firestore',
  description: 'Serverless document database with real-time listeners and offline sync for mobile and web clients, billed per document read, write and delete and per GB stored.',
  category: 'database',
  vendor: 'gcp',
  roles: ['datastore', 'stateful', 'ha-managed'],
  equivalence: 'document-db',
  config: {
    mode: z.enum(['native', 'datastore']).default('native').describe('Native mode adds real-time listeners and mobile/web SDKs; Datastore mode keeps the older Datastore API for server workloads.'),
    locationType: z
      .enum(['regional', 'multi-region'])
      .default('regional')
      .describe('Regional databases replicate over zones in one region (99.99 % SLA); multi-region locations such as nam5 or eur3 replicate over regions (99.999 %) at a higher price.'),
    pointInTimeRecovery: z.boolean().default(false).describe('Keep 7 days of versions to restore to any minute, billed for the extra storage.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys (CMEK). Unset means the provider default (Google-managed keys).'),
    personalData: fields.personalData,
  },
});
