import { defineConnection } from '../define';

export default defineConnection({
  id: 'dead-letter',
  name: 'Dead letter',
  description: 'Messages that fail processing after their retries move from a queue or subscription (`from`) to its dead-letter queue or topic (`to`).',
  synchronous: false,
  carries: 'none',
  from: ['queue', 'topic', 'stream', 'event-bus'],
  to: ['queue', 'topic', 'stream', 'object-storage'],
  config: {},
});
