import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'postgresql',
  name: 'PostgreSQL',
  description: "Relational database, priced as the target cloud's managed PostgreSQL (RDS, Cloud SQL, Azure Database for PostgreSQL).",
  category: 'database',
  vendor: 'neutral',
  roles: ['datastore', 'stateful'],
  equivalence: 'managed-postgres',
  capacity: { rpsPerVcpu: 500, basis: 'about 500 simple indexed queries/s per vCPU' },
  config: {
    version: z.string().regex(/^\d+(\.\d+)?$/, { error: 'must be a PostgreSQL version such as "16"' }).default('16').describe('Major PostgreSQL version.'),
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
