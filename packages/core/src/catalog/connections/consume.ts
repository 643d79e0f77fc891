import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'consume',
  name: 'Consume',
  description: 'Messages flow from a queue, subscription or stream to the consumer that processes them (`from` is the queue).',
  synchronous: false,
  from: ['queue', 'topic', 'stream', 'event-bus'],
  to: ['service', 'serverless', 'telemetry-collector'],
  config: { retries: f.retries, share: f.share },
});
