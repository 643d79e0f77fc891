import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.service-bus',
  name: 'Azure Service Bus',
  description: 'Enterprise message broker with queues and publish-subscribe topics, sessions, transactions and dead-lettering, billed per operation (Basic, Standard) or per messaging unit-hour (Premium).',
  category: 'messaging',
  vendor: 'azure',
  roles: ['queue', 'topic', 'ha-managed'],
  equivalence: 'queue',
  config: {
    sku: z
      .enum(['Basic', 'Standard', 'Premium'])
      .default('Standard')
      .describe('Tier: Basic (queues only), Standard (adds topics, sessions, transactions; shared capacity), Premium (dedicated messaging units, zone redundancy, messages up to 100 MB).'),
    messagingUnits: z.literal([1, 2, 4, 8, 16]).default(1).describe('Messaging units on Premium (1, 2, 4, 8 or 16), each billed per hour.'),
    deadLetter: fields.deadLetter.default(true).describe('Messages past maxDeliveryCount move to the built-in dead-letter subqueue, where someone reads them.'),
    maxDeliveryCount: z.number().int().min(1).max(2000).default(10).describe('Deliveries before a message is dead-lettered.'),
    lockDurationS: z.number().int().min(5).max(300).default(60).describe('Seconds a received message stays locked to one consumer (peek-lock).'),
    sessions: z.boolean().default(false).describe('Sessions give ordered (FIFO) processing per session id (Standard and Premium).'),
    duplicateDetection: z.boolean().default(false).describe('Drop messages whose id was already seen within the detection window.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Data is encrypted at rest; set true to mean customer-managed keys (Premium). Unset means the provider default.'),
    personalData: fields.personalData,
  },
});
