import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { DEFAULT_CLIENT_TIMEOUT_S } from '../../health/rules/circuit-breaker';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { connectionById, fmt, SERVICE_CALLS, TIMED_CALLS } from './wiring';

const params = z.object({
  latencyMs: z.number().int().min(1).max(600000).default(250).describe("The callee's p99 latency when healthy, in ms: what a call normally holds a slot for."),
  headroom: z.number().min(1).max(10).default(2).describe('Multiple of the healthy in-flight count the pool allows, for bursts and slow-but-healthy periods.'),
  minConcurrent: z.number().int().min(1).max(10000).default(10).describe('Smallest pool, for low-traffic calls where the traffic model gives little.'),
  defaultConcurrent: z.number().int().min(1).max(100000).default(20).describe('Pool size when the traffic model gives no rate for the call.'),
  queueRatio: z.number().min(0).max(10).default(0.5).describe('Calls that may wait for a slot, as a fraction of the pool; beyond that they fail at once.'),
});

/** Callers that hold a pool of threads, connections or in-flight requests: our services, not one-request-per-instance functions. */
function pooledCaller(ctx: PatternContext, id: string): boolean {
  return ctx.hasRole(id, 'service') && ctx.def(id)?.equivalence !== 'serverless-function';
}

/** The synchronous dependencies of a caller (calls, reads and writes), by callee. */
function dependencies(ctx: PatternContext, id: string): Set<string> {
  return new Set(ctx.outgoing(id, TIMED_CALLS).map((c) => c.to));
}

/** Pool size by Little's law: calls in flight = arrival rate × time each is held; times the headroom. */
export function poolSize(rps: number, p: z.output<typeof params>): { maxConcurrent: number; maxQueued: number } {
  const maxConcurrent = rps > 0 ? Math.max(p.minConcurrent, Math.ceil(rps * (p.latencyMs / 1000) * p.headroom)) : p.defaultConcurrent;
  return { maxConcurrent, maxQueued: Math.round(maxConcurrent * p.queueRatio) };
}

export default definePattern({
  id: 'bulkhead',
  name: 'Bulkhead',
  category: 'resilience',
  difficulty: 'intermediate',
  problem:
    "A service that calls several dependencies usually shares one pool of worker threads, event-loop slots or HTTP connections between them. When one dependency hangs, calls to it pile up until they hold the whole pool — by Little's law a callee answering 100 calls/s that starts taking its 5 s timeout holds 500 slots — and requests that never touch the sick dependency queue behind them. One slow callee takes the whole caller down.",
  solution:
    "Give each dependency its own bounded pool (a semaphore or a dedicated connection pool) sized from its traffic: peak calls per second × healthy latency × headroom. A call first takes a slot; when all slots are busy it waits in a short queue, and when that is full it fails at once, so the caller's fallback runs and its other dependencies keep their capacity. Like compartments in a ship's hull, a breach floods one compartment, not the ship.",
  tradeoffs: {
    latency: 'No cost when the pool has free slots (a semaphore acquire, microseconds); a queued call waits up to its timeout, and a rejected call fails in well under a millisecond instead of waiting.',
    consistency: 'Rejected calls need the same fallback as an open circuit breaker: cached data, a default, or a clear error; a pool sized too small rejects healthy traffic during a legitimate peak.',
    operations: 'Pool sizes must follow the traffic: re-derive them when peak rates or latencies change, and export pool saturation and rejections as metrics with alerts.',
    cost: 'Slots reserved per dependency are idle most of the time; with thread pools this costs memory (~1 MB stack per thread on the JVM), with async clients almost nothing.',
  },
  avoidWhen:
    'The service has one synchronous dependency (there is nothing to isolate it from), it runs one request per instance (functions: the platform already isolates), or a service mesh enforces per-destination connection limits for it.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const p = params.parse({});
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      if (!pooledCaller(ctx, id)) continue;
      const deps = dependencies(ctx, id);
      if (deps.size < 2) continue;
      const open = ctx.outgoing(id, SERVICE_CALLS).filter((c) => ctx.connectionConfig(c).bulkhead === undefined);
      if (open.length === 0) continue;
      // the most dangerous call: the one that would hold the most slots if the callee hung until its timeout
      const held = (c: (typeof open)[number]) => ctx.peakRps(c.id) * (((ctx.connectionConfig(c).timeoutMs as number | undefined) ?? DEFAULT_CLIENT_TIMEOUT_S * 1000) / 1000);
      const worst = open.reduce((a, b) => (held(b) > held(a) ? b : a));
      const worstTimeout = (ctx.connectionConfig(worst).timeoutMs as number | undefined) ?? DEFAULT_CLIENT_TIMEOUT_S * 1000;
      const pile = ctx.peakRps(worst.id) > 0 ? ` If ${ctx.name(worst.to)} hangs, ~${fmt(held(worst))} calls (${fmt(ctx.peakRps(worst.id))}/s × ${fmt(worstTimeout / 1000)} s ${worst.config?.timeoutMs === undefined ? 'default client timeout' : 'timeout'}) pile up in ${ctx.name(id)}'s shared pool` : ` If ${ctx.name(worst.to)} hangs, its calls fill ${ctx.name(id)}'s shared pool`;
      const others = [...deps].filter((d) => d !== worst.to).map((d) => ctx.name(d));
      targets.push({
        components: [id, ...new Set(open.map((c) => c.to))],
        connections: open.map((c) => c.id),
        reason: `${ctx.name(id)} shares one pool between ${deps.size} synchronous dependencies.${pile}, and calls to ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''} wait behind them. A pool of ${poolSize(ctx.peakRps(worst.id), p).maxConcurrent} for ${ctx.name(worst.to)} would cap the damage.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const sizes: string[] = [];
    const ops: Op[] = target.connections.map((id) => {
      const c = connectionById(doc, id);
      const bulkhead = poolSize(ctx.peakRps(id), p);
      sizes.push(`${ctx.name(c.to)} ${bulkhead.maxConcurrent}+${bulkhead.maxQueued}`);
      return { op: 'updateConnection' as const, id, config: { bulkhead } };
    });
    return patternChangeSet('bulkhead', `Bulkheads in ${ctx.name(target.components[0]!)} (in flight + queued): ${sizes.join(', ')}`, ops);
  },
  preview: {
    backarch: 1,
    name: 'Bulkhead',
    description: 'Checkout calls Payments (slow when the card network is) and Catalog through one pool; bulkheads keep a slow Payments from starving Catalog calls.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 140 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 140 } },
      { id: 'checkout', type: 'service', label: 'Checkout', config: { replicas: 3, vcpus: 1 }, position: { x: 480, y: 140 } },
      { id: 'payments', type: 'service', label: 'Payments', position: { x: 720, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalog', config: { replicas: 3, vcpus: 1 }, position: { x: 720, y: 140 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 280 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'gateway', to: 'checkout', type: 'http', config: { timeoutMs: 8000 } },
      { from: 'checkout', to: 'payments', type: 'http', config: { circuitBreaker: true, timeoutMs: 5000, share: 0.2 } },
      { from: 'checkout', to: 'catalog', type: 'http', config: { circuitBreaker: true, timeoutMs: 500 } },
      { from: 'checkout', to: 'db', type: 'write', config: { timeoutMs: 1000, share: 0.2 } },
    ],
  },
});
