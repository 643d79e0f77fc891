import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.cosmosdb',
  name: 'Azure Cosmos DB',
  description: 'Globally distributed NoSQL database (NoSQL, MongoDB, Cassandra, Gremlin and Table APIs), billed per request unit (provisioned RU/s or serverless RUs consumed) and per GB stored.',
  category: 'database',
  vendor: 'azure',
  roles: ['datastore', 'stateful', 'ha-managed'],
  equivalence: 'document-db',
  config: {
    api: z.enum(['nosql', 'mongodb', 'cassandra', 'gremlin', 'table']).default('nosql').describe('Wire API the account exposes.'),
    capacityMode: z
      .enum(['provisioned', 'serverless'])
      .default('provisioned')
      .describe('Provisioned reserves RU/s billed per hour; serverless bills the RUs each operation consumes (single region, for spiky or light traffic).'),
    requestUnitsPerSecond: z.number().int().min(400).max(1000000).default(400).describe('Provisioned throughput in RU/s (the maximum when autoscale is on); minimum 400 manual, 1000 autoscale.'),
    autoscale: z.boolean().default(false).describe('Throughput scales between 10 % and 100 % of requestUnitsPerSecond, billed for the highest RU/s each hour at 1.5× the manual rate.'),
    consistency: z
      .enum(['strong', 'bounded-staleness', 'session', 'consistent-prefix', 'eventual'])
      .default('session')
      .describe('Default consistency level; strong and bounded staleness cost more RUs per read.'),
    zoneRedundant: z.boolean().default(false).describe('Replicas spread over availability zones in each region (adds about 25 % to provisioned throughput).'),
    additionalRegions: z.number().int().min(0).max(10).default(0).describe('Extra regions the data is replicated to; each multiplies throughput and storage cost.'),
    multiRegionWrites: z.boolean().default(false).describe('Every region accepts writes (needs additionalRegions ≥ 1).'),
    backupMode: z
      .enum(['periodic', 'continuous-7d', 'continuous-30d'])
      .default('periodic')
      .describe('Periodic backups (two free copies) or continuous backup with point-in-time restore for 7 or 30 days.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys. Unset means the provider default (service-managed keys).'),
    personalData: fields.personalData,
  },
});
