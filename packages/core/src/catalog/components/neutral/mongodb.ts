import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'mongodb',
  name: 'MongoDB',
  description:
    'Document database, priced as MongoDB Atlas on the target cloud (or Amazon DocumentDB) by cluster tier hour and GB stored; use it for flexible JSON documents.',
  category: 'database',
  vendor: 'neutral',
  roles: ['datastore', 'stateful'],
  equivalence: 'document-db',
  capacity: { rpsPerVcpu: 1000, basis: 'about 1,000 single-document operations/s per vCPU' },
  config: {
    managed: z
      .boolean()
      .default(true)
      .describe('Use a managed MongoDB (Atlas, or Amazon DocumentDB on AWS) instead of running mongod on your own VMs.'),
    version: z.string().regex(/^\d+\.\d+$/, { error: 'must be a MongoDB version such as "8.0"' }).default('8.0').describe('MongoDB major.minor version.'),
    instanceType: fields.instanceType
      .optional()
      .describe('Atlas cluster tier such as "M10" or "M30", or an instance class such as "db.r6g.large" for DocumentDB.'),
    vcpus: fields.vcpus.optional(),
    replicas: fields.replicas.default(3).describe('Data-bearing replica set members, spread across zones; 3 is the minimum for automatic failover.'),
    shardCount: z.number().int().min(1).max(100).default(1).describe('Shards of a sharded cluster; 1 means an unsharded replica set.'),
    storageGb: fields.storageGb.default(10).describe('Storage per replica set member, in GB.'),
    backupRetentionDays: z.number().int().min(0).max(35).default(7).describe('Days of continuous or snapshot backups kept.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
