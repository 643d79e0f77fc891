import { z } from 'zod';
import { defineConnection } from '../define';
import { connectionFields as f } from '../fields';

export default defineConnection({
  id: 'telemetry',
  name: 'Telemetry',
  description: 'A component sends metrics, traces or logs to an observability store or collector (`from` is the emitter).',
  synchronous: false,
  carries: 'none',
  from: [
    'service', 'serverless', 'edge', 'gateway', 'load-balancer', 'cdn', 'auth-provider', 'datastore', 'cache',
    'object-storage', 'search', 'vector-index', 'queue', 'topic', 'stream', 'event-bus', 'llm', 'embedding', 'mesh',
    'telemetry-collector', 'entrypoint', 'observability.metrics', 'observability.traces', 'observability.logs',
  ],
  to: ['observability.metrics', 'observability.traces', 'observability.logs', 'observability.dashboards', 'telemetry-collector'],
  config: {
    signals: z
      .array(z.enum(['metrics', 'traces', 'logs']))
      .min(1)
      .describe('Which signals travel over this connection. Unset means every signal the receiving end stores.')
      .optional(),
    share: f.share,
  },
});
