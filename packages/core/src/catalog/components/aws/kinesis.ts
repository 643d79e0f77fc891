import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.kinesis',
  name: 'Amazon Kinesis Data Streams',
  description: 'Managed, ordered and replayable stream of records for real-time pipelines, billed per stream-hour and GB in on-demand mode or per shard-hour and PUT payload unit in provisioned mode.',
  category: 'messaging',
  vendor: 'aws',
  roles: ['stream', 'ha-managed'],
  equivalence: 'stream',
  config: {
    capacityMode: z
      .enum(['on-demand', 'provisioned'])
      .default('on-demand')
      .describe('On-demand scales automatically and bills per GB written and read; provisioned bills per shard-hour.'),
    shardCount: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(1)
      .describe('Shards in provisioned mode; each takes 1 MB/s or 1,000 records/s in and serves 2 MB/s out.'),
    retentionHours: z.number().int().min(24).max(8760).default(24).describe('Hours records stay readable; beyond 24 hours retention is billed extra.'),
    enhancedFanOutConsumers: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(0)
      .describe('Consumers with dedicated 2 MB/s read throughput per shard (up to 20 per stream, 50 with On-demand Advantage), billed per consumer-shard-hour and GB read.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Server-side encryption with KMS. Unset means the provider default.'),
    personalData: fields.personalData,
  },
});
