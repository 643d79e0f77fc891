import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'stream',
  name: 'Stream',
  description:
    'A continuous flow of records: change data capture out of a database, a stream feeding a sink, or a processor reading a stream. `from` is where records come from.',
  synchronous: false,
  carries: 'message',
  from: ['stream', 'datastore', 'service', 'serverless'],
  to: ['stream', 'service', 'serverless', 'datastore', 'object-storage', 'search', 'vector-index'],
  config: { share: f.share },
  refine: (from, to) =>
    from.roles.includes('stream') || to.roles.includes('stream') || from.roles.includes('datastore')
      ? undefined
      : 'a stream connection needs a stream at one end, or a database as the source (change data capture)',
});
