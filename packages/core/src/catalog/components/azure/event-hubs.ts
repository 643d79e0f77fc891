import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.event-hubs',
  name: 'Azure Event Hubs',
  description: 'Managed partitioned event stream with a Kafka-compatible endpoint (Standard and up), billed per throughput unit (or processing/capacity unit) per hour, plus ingress events on Basic and Standard.',
  category: 'messaging',
  vendor: 'azure',
  roles: ['stream', 'ha-managed'],
  equivalence: 'stream',
  config: {
    sku: z
      .enum(['Basic', 'Standard', 'Premium', 'Dedicated'])
      .default('Standard')
      .describe('Tier: Basic (1 consumer group, 1-day retention, no Kafka), Standard (Kafka, Capture), Premium (isolated processing units, 90-day retention), Dedicated (single-tenant capacity units).'),
    throughputUnits: z.number().int().min(1).max(40).default(1).describe('Throughput units on Basic/Standard: each allows 1 MB/s or 1,000 events/s in and 2 MB/s out.'),
    autoInflate: z.boolean().default(false).describe('Standard only: throughput units grow automatically up to a set maximum.'),
    processingUnits: z.literal([1, 2, 4, 8, 16]).optional().describe('Processing units on Premium (1, 2, 4, 8 or 16).'),
    capacityUnits: z.number().int().min(1).max(20).optional().describe('Capacity units on Dedicated.'),
    partitionCount: z.number().int().min(1).max(1024).default(4).describe('Partitions per event hub: the upper bound on parallel consumers (up to 32 on Basic/Standard).'),
    retentionDays: z.number().int().min(1).max(90).default(1).describe('Days events are kept (Basic 1, Standard up to 7, Premium and Dedicated up to 90).'),
    capture: z.boolean().default(false).describe('Capture writes events to Blob Storage or Data Lake, billed per throughput unit-hour on Standard.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys (Premium and Dedicated). Unset means the provider default.'),
    personalData: fields.personalData,
  },
});
