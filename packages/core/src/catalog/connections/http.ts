import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';
import { REQUEST_CALLEES, REQUEST_CALLERS } from './request-roles';

export default defineConnection({
  id: 'http',
  name: 'HTTP',
  description: 'A synchronous HTTP/REST call: `from` is the caller, `to` answers.',
  synchronous: true,
  carries: 'request',
  from: REQUEST_CALLERS,
  to: REQUEST_CALLEES,
  config: { circuitBreaker: f.circuitBreaker, timeoutMs: f.timeoutMs, retries: f.retries, retryBackoff: f.retryBackoff, circuitBreakerPolicy: f.circuitBreakerPolicy, bulkhead: f.bulkhead, mtls: f.mtls, share: f.share },
});
