import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'memcached',
  name: 'Memcached',
  description:
    'Simple multi-threaded in-memory key-value cache with no persistence or replication, priced as ElastiCache for Memcached or Memorystore for Memcached by node hour (as VMs on Azure, which has no managed Memcached).',
  category: 'cache',
  vendor: 'neutral',
  roles: ['datastore', 'cache', 'stateful'],
  equivalence: 'managed-memcached',
  capacity: { rpsPerInstance: 50000, basis: 'about 50,000 gets/s per node' },
  config: {
    managed: z.boolean().default(true).describe("Use the cloud's managed Memcached instead of running memcached on your own VMs."),
    instanceType: fields.instanceType.optional().describe('Node type, e.g. "cache.t4g.micro" or "cache.r7g.large" (ElastiCache).'),
    memoryGb: z.number().min(0.5).max(256).default(1).describe('Memory per node in GB, for sizing when no instance type is given.'),
    nodes: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(1)
      .describe('Cache nodes; keys are spread over them by the client, so losing one node loses only its share of the cache.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest
      .optional()
      .describe('Data is encrypted at rest. Unset means the provider default; node-based ElastiCache for Memcached does not support it.'),
    personalData: fields.personalData,
  },
});
