import { z } from 'zod';
import { capacityOf, type Capacity } from '../../capacity/capacity';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt, SERVICE_CALLS } from './wiring';

const params = z.object({
  thresholdPercent: z
    .number()
    .min(10)
    .max(200)
    .default(70)
    .describe("Peak load, as a share of what the service carries at its running instance count (the autoscaling minimum) by the catalog's planning figure, from which it counts as near capacity."),
  latencyMs: z.number().int().min(1).max(600000).default(100).describe('Typical time one request takes when the service is healthy, in ms; with the per-instance throughput it sizes maxInFlight (Little\'s law).'),
  priority: z.enum(['critical', 'high', 'normal']).default('high').describe('Lowest request priority still admitted once an instance is at maxInFlight.'),
});

interface Load {
  /** What must be served at once: synchronous requests at their peak, queued messages at their average. */
  demand: number;
  /** What it runs before autoscaling reacts (the autoscaling minimum, or its fixed count). */
  capacity: Capacity;
  /** What it can reach (the autoscaling maximum); the same as `capacity` without autoscaling. */
  ceiling: Capacity;
  callers: string[];
  /** Part of the demand comes from queues. */
  queued: boolean;
}

/** The service's load against its capacity, as the `capacity` rule counts them; undefined when the capacity cannot be told. */
function loadOf(ctx: PatternContext, id: string): Load | undefined {
  const component = ctx.component(id)!;
  const capacity = capacityOf(component, undefined, false);
  const ceiling = capacityOf(component, undefined, true);
  if (!capacity || !ceiling || !(capacity.totalRps > 0)) return undefined;
  const sync = ctx.incoming(id, SERVICE_CALLS);
  if (sync.length === 0) return undefined; // a pure queue consumer lags instead of overloading: nothing to shed
  let demand = 0;
  for (const c of sync) demand += ctx.peakRps(c.id);
  for (const c of ctx.incoming(id, ['consume'])) demand += ctx.peakRps(c.id) / ctx.traffic.peakToAverage;
  return { demand, capacity, ceiling, callers: [...new Set(sync.map((c) => ctx.name(c.from)))], queued: ctx.incoming(id, ['consume']).length > 0 };
}

export default definePattern({
  id: 'load-shedding',
  name: 'Load shedding',
  category: 'resilience',
  difficulty: 'intermediate',
  problem:
    'A service pushed past its capacity does not serve its capacity and fail the rest: queues grow inside it, every request waits longer, callers time out and retry, and goodput collapses towards zero while the CPU stays at 100 %. Requests that matter (checkout, login) wait behind ones that could have been dropped (recommendations, prefetch, analytics beacons), and autoscaling takes minutes to help.',
  solution:
    "Each instance caps the requests it works on at once (maxInFlight, from Little's law: its throughput × its normal latency). Past the cap it rejects at once — a cheap 503 with Retry-After — the requests below a priority threshold, which callers mark with a header (critical, high, normal, low). The requests it admits still finish in normal time, so goodput stays at capacity instead of collapsing. Load shedding does not add capacity: it chooses which requests fail, so the ones that matter keep working while autoscaling catches up.",
  tradeoffs: {
    latency: 'Admitted requests keep their normal latency under overload; shed requests fail in about a millisecond instead of timing out after seconds.',
    consistency: 'Shed requests fail: callers must treat 503 with Retry-After as retryable with backoff, and low-priority features must degrade visibly (no recommendations) rather than break pages.',
    operations: 'Every caller has to tag requests with a priority, and the cap must follow the instance size and code changes; shed counts per priority need metrics and an alert, since steady shedding means the service needs more capacity.',
    cost: 'No infrastructure cost; it is not a substitute for capacity: sustained shedding of normal traffic is lost business, and the fix for that is more instances.',
  },
  avoidWhen:
    'The service consumes from a queue (the backlog already absorbs overload; scale consumers instead), every request is equally critical (shedding then only chooses which customer fails), or the platform scales in seconds per request (functions), where concurrency limits do the same job.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const p = params.parse({});
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      const shape = ctx.def(id)?.config.shape as Record<string, unknown> | undefined;
      if (!shape || !('loadShedding' in shape) || ctx.config(id).loadShedding !== undefined) continue;
      const load = loadOf(ctx, id);
      if (!load) continue;
      const ratio = load.demand / load.capacity.totalRps;
      if (ratio * 100 < p.thresholdPercent) continue;
      const scales = load.ceiling.totalRps > load.capacity.totalRps;
      const state =
        ratio > 1
          ? scales
            ? `${fmt(ratio * 100)} % of it until autoscaling adds instances (minutes; up to ~${fmt(load.ceiling.totalRps)}/s at its maximum), and meanwhile every request slows down and callers time out together`
            : `${fmt(ratio * 100)} % of it: it is over capacity, so every request slows down and callers time out together`
          : `${fmt(ratio * 100)} % of it, with little room for a spike or a lost instance`;
      targets.push({
        components: [id],
        connections: ctx.incoming(id, SERVICE_CALLS).map((c) => c.id),
        reason: `${ctx.name(id)} must serve ~${fmt(load.demand)} requests/s at peak (called by ${load.callers.slice(0, 3).join(', ')}${load.queued ? ', plus queued messages at their average rate' : ''}) against ~${fmt(load.capacity.totalRps)}/s it carries as it runs, by ${load.capacity.basis}: ${state}. Shedding low-priority requests keeps the important ones working; it does not add capacity.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const id = target.components[0]!;
    const load = loadOf(ctx, id);
    if (!load) throw new Error(`${id} has no capacity this pattern can size a limit from`);
    const maxInFlight = Math.max(2, Math.ceil(load.capacity.perInstanceRps * (p.latencyMs / 1000)));
    return patternChangeSet(
      'load-shedding',
      `Load shedding in ${ctx.name(id)}: at ${maxInFlight} requests in flight per instance (${fmt(load.capacity.perInstanceRps)}/s × ${p.latencyMs} ms), admit only ${p.priority} priority and above`,
      [{ op: 'updateComponent', id, config: { loadShedding: { maxInFlight, priority: p.priority } } }],
    );
  },
  preview: {
    backarch: 1,
    name: 'Load shedding',
    description: 'Search runs at its capacity at peak; shedding prefetch and suggestion requests keeps real searches answering while it scales.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 900 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', position: { x: 240, y: 0 } },
      { id: 'search', type: 'aws.ecs', label: 'Search API', config: { vcpus: 1, memoryMb: 2048, replicas: 4, autoscaling: { min: 4, max: 10 } }, position: { x: 480, y: 0 } },
      { id: 'index', type: 'aws.opensearch', label: 'Search index', config: { instanceType: 'r6g.large.search', replicas: 3, multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'alb', to: 'search', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'search', to: 'index', type: 'read', config: { timeoutMs: 1000 } },
    ],
  },
});
