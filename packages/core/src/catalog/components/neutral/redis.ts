import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'redis',
  name: 'Redis',
  description:
    "In-memory cache and data structure store, priced as the target cloud's managed Redis (ElastiCache, Memorystore, Azure Cache for Redis) by node hour.",
  category: 'cache',
  vendor: 'neutral',
  roles: ['datastore', 'cache', 'stateful'],
  equivalence: 'managed-redis',
  capacity: { rpsPerInstance: 50000, basis: 'about 50,000 simple commands/s per node' },
  config: {
    managed: z.boolean().default(true).describe("Use the cloud's managed Redis instead of running redis-server on your own VMs."),
    engine: z
      .enum(['redis', 'valkey'])
      .default('redis')
      .describe('Valkey is the open-source Redis fork; ElastiCache and Memorystore price Valkey nodes lower.'),
    instanceType: fields.instanceType
      .optional()
      .describe('Node type or size, e.g. "cache.t4g.micro", "cache.r7g.large" (ElastiCache) or "C1", "P1" (Azure Cache for Redis).'),
    memoryGb: z.number().min(0.25).max(1000).default(1).describe('Memory per node in GB, for sizing when no instance type is given.'),
    shardCount: z.number().int().min(1).max(500).default(1).describe('Shards (node groups) in cluster mode; 1 means cluster mode disabled.'),
    readReplicas: z.number().int().min(0).max(5).default(0).describe('Asynchronous replicas per shard; at least 1 is needed for automatic failover.'),
    multiAz: fields.multiAz.describe('Place replicas in other zones with automatic failover (ElastiCache Multi-AZ, Memorystore Standard tier, Azure zone redundancy).'),
    persistence: z
      .enum(['none', 'rdb', 'aof'])
      .default('none')
      .describe('Write data to disk: RDB snapshots or an append-only file; "none" loses the data when a node restarts without a replica.'),
    snapshotRetentionDays: z.number().int().min(0).max(35).default(1).describe('Days of automatic daily snapshots kept; 0 turns backups off.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
