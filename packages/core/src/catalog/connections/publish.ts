import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'publish',
  name: 'Publish',
  description: 'A producer sends messages or events into a queue, topic, stream or event bus (`from` is the producer).',
  synchronous: false,
  carries: 'message',
  from: ['service', 'serverless', 'edge', 'datastore', 'object-storage', 'queue', 'topic', 'stream', 'event-bus'],
  to: ['queue', 'topic', 'stream', 'event-bus'],
  config: { retries: f.retries, share: f.share },
});
