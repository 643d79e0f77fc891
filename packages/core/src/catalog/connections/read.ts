import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export const DATA_CALLERS = ['service', 'serverless', 'edge', 'auth-provider', 'observability.dashboards'] as const;
export const DATA_STORES = ['datastore', 'cache', 'object-storage', 'search', 'vector-index', 'observability.metrics', 'observability.logs', 'observability.traces', 'secrets'] as const;

export default defineConnection({
  id: 'read',
  name: 'Read',
  description: 'A service reads from a datastore (`from` is the reader). A CDN reading its origin bucket, a dashboard querying a metrics store, or a service fetching its credentials from a secrets store, is a read too.',
  synchronous: true,
  carries: 'request',
  from: DATA_CALLERS,
  to: DATA_STORES,
  config: { timeoutMs: f.timeoutMs, retries: f.retries, mtls: f.mtls, share: f.share },
});
