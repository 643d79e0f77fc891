import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.sqs',
  name: 'Amazon SQS',
  description: 'Fully managed message queue, billed per request; standard (at-least-once) or FIFO (ordered, exactly-once processing).',
  category: 'messaging',
  vendor: 'aws',
  roles: ['queue', 'ha-managed'],
  equivalence: 'queue',
  config: {
    fifo: z.boolean().default(false).describe('FIFO queues keep order and deduplicate, at a higher price and lower throughput.'),
    deadLetter: fields.deadLetter,
    maxReceiveCount: z.number().int().min(1).max(1000).default(5).describe('Deliveries before a message moves to the dead-letter queue.'),
    visibilityTimeoutS: z.number().int().min(0).max(43200).default(30).describe('Seconds a received message stays hidden from other consumers.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
