import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.elasticache',
  name: 'Amazon ElastiCache',
  description: 'Managed in-memory Valkey or Redis OSS cache, billed per node-hour by instance type (or per GB-hour and request for serverless caches); use it in front of a slower database.',
  category: 'cache',
  vendor: 'aws',
  roles: ['datastore', 'cache', 'stateful'],
  equivalence: 'managed-redis',
  capacity: { rpsPerInstance: 50000, basis: 'about 50,000 simple commands/s per node' },
  config: {
    engine: z.enum(['valkey', 'redis']).default('valkey').describe('Valkey nodes cost about 20 % less than Redis OSS nodes (serverless about 33 % less).'),
    serverless: z
      .boolean()
      .default(false)
      .describe('Serverless cache billed per GB-hour stored and per processing unit, replicated across zones by AWS; the node fields below are then ignored.'),
    instanceType: fields.instanceType.default('cache.t4g.small').describe('Node type, e.g. "cache.t4g.small" or "cache.r7g.large".'),
    shardCount: z.number().int().min(1).max(500).default(1).describe('Shards (node groups); more than one means cluster mode.'),
    readReplicas: fields.readReplicas.describe('Replica nodes per shard (ElastiCache allows 0–5).'),
    multiAz: fields.multiAz.describe('Promote a replica in another availability zone automatically when the primary fails; needs at least one replica per shard.'),
    snapshotRetentionDays: z.number().int().min(0).max(35).default(1).describe('Days of automatic daily snapshots kept; 0 turns backups off.'),
    term: fields.term.describe('Purchase term (reserved nodes); spot is not offered for ElastiCache.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
