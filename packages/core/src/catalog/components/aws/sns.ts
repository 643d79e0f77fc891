import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.sns',
  name: 'Amazon SNS',
  description: 'Managed publish-subscribe topics that fan messages out to queues, functions, HTTP endpoints, email, SMS and mobile push, billed per million publishes and per delivery.',
  category: 'messaging',
  vendor: 'aws',
  roles: ['topic', 'ha-managed'],
  equivalence: 'pubsub',
  config: {
    fifo: z.boolean().default(false).describe('FIFO topics keep order and deduplicate, deliver only to SQS queues, and cost more per message.'),
    deadLetter: fields.deadLetter.describe('Messages a subscription cannot deliver after its retries go to an SQS dead-letter queue.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Messages are encrypted with KMS. Unset means no server-side encryption.'),
    personalData: fields.personalData,
  },
});
