import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'websocket',
  name: 'WebSocket',
  description: 'A long-lived two-way connection opened by `from` (a client or service) to `to`.',
  synchronous: false,
  carries: 'request',
  from: ['entrypoint', 'edge', 'service', 'serverless'],
  to: ['edge', 'service', 'serverless'],
  config: { mtls: f.mtls, share: f.share },
});
