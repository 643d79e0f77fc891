import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'mysql',
  name: 'MySQL',
  description: "Relational database, priced as the target cloud's managed MySQL (RDS for MySQL, Cloud SQL for MySQL, Azure Database for MySQL) by instance hour and GB stored.",
  category: 'database',
  vendor: 'neutral',
  roles: ['datastore', 'stateful'],
  equivalence: 'managed-mysql',
  capacity: { rpsPerVcpu: 500, basis: 'about 500 simple indexed queries/s per vCPU' },
  config: {
    version: z.string().regex(/^\d+\.\d+$/, { error: 'must be a MySQL version such as "8.4"' }).default('8.4').describe('MySQL major.minor version.'),
    instanceType: fields.instanceType.optional(),
    vcpus: fields.vcpus.optional(),
    storageGb: fields.storageGb.default(20),
    multiAz: fields.multiAz,
    readReplicas: fields.readReplicas,
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
    backupRetentionDays: z.number().int().min(0).max(35).default(7).describe('Days of automated backups kept.'),
  },
});
