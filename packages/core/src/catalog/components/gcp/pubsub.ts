import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.pubsub',
  name: 'Google Cloud Pub/Sub',
  description: 'Global publish-subscribe messaging: topics fan out to pull, push, BigQuery or Cloud Storage subscriptions, billed per TiB of message throughput plus retained-message storage.',
  category: 'messaging',
  vendor: 'gcp',
  roles: ['topic', 'ha-managed'],
  equivalence: 'pubsub',
  config: {
    deadLetter: fields.deadLetter.describe('Subscriptions forward messages to a dead-letter topic after maxDeliveryAttempts.'),
    maxDeliveryAttempts: z.number().int().min(5).max(100).default(5).describe('Delivery attempts before a message moves to the dead-letter topic (5–100).'),
    ackDeadlineS: z.number().int().min(10).max(600).default(10).describe('Seconds a subscriber has to acknowledge a message before it is redelivered.'),
    messageOrdering: z.boolean().default(false).describe('Messages with the same ordering key are delivered in publish order.'),
    exactlyOnceDelivery: z.boolean().default(false).describe('Pull subscriptions do not redeliver acknowledged messages, at lower throughput.'),
    messageRetentionDays: z.number().int().min(1).max(31).default(7).describe('Days unacknowledged messages are kept (subscriptions up to 7, topic retention up to 31); retention beyond the default is billed as storage.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Messages are encrypted at rest; set true to mean customer-managed keys (CMEK). Unset means the provider default (Google-managed keys).'),
    personalData: fields.personalData,
  },
});
