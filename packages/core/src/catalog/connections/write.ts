import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';
import { DATA_CALLERS, DATA_STORES } from './read';

export default defineConnection({
  id: 'write',
  name: 'Write',
  description: 'A service writes to a datastore (`from` is the writer).',
  synchronous: true,
  carries: 'request',
  from: DATA_CALLERS,
  to: DATA_STORES,
  config: { timeoutMs: f.timeoutMs, retries: f.retries, mtls: f.mtls, share: f.share },
});
