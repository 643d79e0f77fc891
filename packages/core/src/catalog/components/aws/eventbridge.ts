import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.eventbridge',
  name: 'Amazon EventBridge',
  description: 'Serverless event bus that routes events to targets by content-matching rules, billed per million custom events published; use it to decouple producers from many consumers.',
  category: 'messaging',
  vendor: 'aws',
  roles: ['event-bus', 'ha-managed'],
  equivalence: 'event-bus',
  config: {
    busType: z
      .enum(['default', 'custom', 'partner'])
      .default('custom')
      .describe('The default bus receives AWS service events (free); custom buses take your own events; partner buses take SaaS events.'),
    deadLetter: fields.deadLetter.describe('Events that cannot be delivered to a target after its retries go to an SQS dead-letter queue.'),
    maxRetryAttempts: z.number().int().min(0).max(185).default(185).describe('Delivery retries per target before an event is dropped or dead-lettered.'),
    maxEventAgeS: z.number().int().min(60).max(86400).default(86400).describe('Seconds an undelivered event keeps being retried.'),
    archive: z.boolean().default(false).describe('Keep an archive of events for replay, billed per GB archived and stored.'),
    archiveRetentionDays: z.number().int().min(0).max(3650).default(0).describe('Days archived events are kept; 0 keeps them indefinitely. Used only with an archive.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Events are encrypted with a customer-managed KMS key. Unset means the AWS-owned default key.'),
    personalData: fields.personalData,
  },
});
