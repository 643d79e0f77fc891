import { z } from 'zod';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';

const SERVICE_CALLS = ['http', 'grpc', 'graphql'];

const params = z.object({
  failureRatePercent: z.number().min(1).max(100).default(50).describe('Failure rate over the window that opens the breaker.'),
  minimumRequests: z.number().int().min(1).default(20).describe('Calls in the window before the failure rate counts.'),
  windowSeconds: z.number().int().min(1).max(3600).default(10).describe('Sliding window for the failure rate.'),
  openMs: z.number().int().min(100).default(30000).describe('How long the breaker stays open before probing.'),
  halfOpenRequests: z.number().int().min(1).default(3).describe('Trial calls when half-open.'),
  timeoutMs: z.number().int().min(1).max(900000).default(2000).describe('Call timeout set where the connection has none.'),
});

export default definePattern({
  id: 'circuit-breaker',
  name: 'Circuit breaker',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'When a downstream service slows down or fails, callers keep sending it requests and waiting for each one to time out. Their threads, connections and memory fill up with calls that will fail anyway, so one sick service takes down every service that calls it, and the retries keep it from recovering.',
  solution:
    'The caller wraps each call in a breaker that counts failures over a sliding window. Past a failure-rate threshold the breaker opens: calls fail at once (or fall back) without touching the callee. After a pause it lets a few trial calls through (half-open); if they succeed it closes, if not it opens again. A timeout on the call turns hangs into countable failures.',
  tradeoffs: {
    latency: 'Adds microseconds per call when closed; when open, callers get an error in under a millisecond instead of waiting out a timeout.',
    consistency: 'While open, the caller must degrade: serve cached or default data, queue the work, or fail the request. Each call site needs a decided fallback.',
    operations: 'Thresholds need tuning per dependency (too low flaps on noise, too high opens late); breaker state must be exported as a metric and alerted on.',
  },
  avoidWhen:
    'The callee is a datastore with its own connection pool and failover, the call is asynchronous (a queue absorbs the failure instead), or a service mesh already breaks circuits for both ends.',
  addresses: ['circuit-breaker'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const c of doc.connections) {
      if (!SERVICE_CALLS.includes(c.type) || !ctx.hasRole(c.from, 'service') || !ctx.hasRole(c.to, 'service')) continue;
      if (ctx.connectionConfig(c).circuitBreaker === true) continue;
      const rps = ctx.peakRps(c.id);
      targets.push({
        components: [c.from, c.to],
        connections: [c.id],
        reason: `${ctx.name(c.from)} calls ${ctx.name(c.to)} synchronously${rps > 0 ? ` at ~${Math.round(rps)} requests/s peak` : ''} with no circuit breaker: a slow ${ctx.name(c.to)} would hold ${ctx.name(c.from)}'s requests until they time out.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const ops = target.connections.map((id) => {
      const connection = doc.connections.find((c) => c.id === id);
      if (!connection) throw new Error(`connection ${id} is not in the document`);
      return {
        op: 'updateConnection' as const,
        id,
        config: {
          circuitBreaker: true,
          circuitBreakerPolicy: {
            failureRatePercent: p.failureRatePercent,
            minimumRequests: p.minimumRequests,
            windowSeconds: p.windowSeconds,
            openMs: p.openMs,
            halfOpenRequests: p.halfOpenRequests,
          },
          ...(connection.config?.timeoutMs === undefined && { timeoutMs: p.timeoutMs }),
        },
      };
    });
    const [from, to] = target.components as [string, string];
    return patternChangeSet(
      'circuit-breaker',
      `Circuit breaker on ${ctx.name(from)} → ${ctx.name(to)}: opens at ${p.failureRatePercent} % failures over ${p.windowSeconds} s, probes after ${p.openMs / 1000} s`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Circuit breaker',
    description: 'Checkout calls Payments synchronously; a breaker on that call keeps Checkout answering when Payments is down.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', position: { x: 480, y: 0 } },
      { id: 'payments', type: 'service', label: 'Payments', position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'checkout', type: 'http', config: { circuitBreaker: true, timeoutMs: 3000 } },
      { from: 'checkout', to: 'payments', type: 'http', config: { timeoutMs: 2000 } },
    ],
  },
});
