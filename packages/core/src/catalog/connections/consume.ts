import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'consume',
  name: 'Consume',
  description:
    'Messages flow from a queue, subscription or stream to the consumer that processes them (`from` is the queue); also object-storage event notifications delivered to a function.',
  synchronous: false,
  carries: 'message',
  from: ['queue', 'topic', 'stream', 'event-bus', 'object-storage'],
  to: ['service', 'serverless', 'telemetry-collector'],
  config: { retries: f.retries, retryBackoff: f.retryBackoff, idempotent: f.idempotent, share: f.share },
});
