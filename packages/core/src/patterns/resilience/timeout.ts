import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { DEFAULT_CLIENT_TIMEOUT_S } from '../../health/rules/circuit-breaker';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { byPair, connectionById, deadlineOf, fmt, TIMED_CALLS, worstCase } from './wiring';

const params = z.object({
  defaultTimeoutMs: z.number().int().min(1).max(900000).default(2000).describe('Timeout for calls to our own services, in ms.'),
  datastoreTimeoutMs: z.number().int().min(1).max(900000).default(1000).describe('Timeout for reads and writes to databases, caches and indexes, in ms.'),
  externalTimeoutMs: z.number().int().min(1).max(900000).default(5000).describe('Timeout for third-party APIs and object storage, in ms.'),
  llmTimeoutMs: z.number().int().min(1).max(900000).default(60000).describe('Timeout for model calls (LLM, embeddings), which stream for seconds, in ms.'),
  latencyBudgetMs: z
    .number()
    .int()
    .min(1)
    .max(900000)
    .default(29000)
    .describe("End-to-end budget assumed for a caller whose own deadline is unknown, in ms (API Gateway's integration limit is 29–30 s)."),
  marginPercent: z.number().min(0).max(90).default(10).describe("Share of the caller's budget kept for its own work after its calls (all attempts and backoffs) are done."),
});
type Params = z.output<typeof params>;

/** Milliseconds for messages: "800 ms", "2 s", "1.5 s". */
const ms = (n: number) => (n >= 1000 ? `${fmt(n / 1000)} s` : `${fmt(n)} ms`);

/** The caller's own deadline (`deadlineOf`), with where it comes from for messages. */
function budgetOf(ctx: PatternContext, id: string): { ms: number; from: string; caller?: string } | undefined {
  const deadline = deadlineOf(ctx, id);
  if (!deadline) return undefined;
  if (!deadline.caller) return { ms: deadline.ms, from: `its own run-time limit is ${ms(deadline.ms)}` };
  const caller = ctx.name(deadline.caller.from);
  return { ms: deadline.ms, from: `${caller} waits at most ${ms(deadline.ms)} for it`, caller };
}

function defaultFor(ctx: PatternContext, c: Connection, p: Params): number {
  if (ctx.hasRole(c.to, 'llm') || ctx.hasRole(c.to, 'embedding')) return p.llmTimeoutMs;
  if (ctx.hasRole(c.to, 'external-api') || ctx.hasRole(c.to, 'object-storage')) return p.externalTimeoutMs;
  if (c.type === 'read' || c.type === 'write') return p.datastoreTimeoutMs;
  return p.defaultTimeoutMs;
}

/** The timeout the pattern sets: the default for the callee, cut so that all attempts fit in the caller's budget minus the margin. */
function fittedTimeout(ctx: PatternContext, c: Connection, p: Params): number {
  const config = ctx.connectionConfig(c);
  const budget = budgetOf(ctx, c.from)?.ms ?? p.latencyBudgetMs;
  const usable = budget * (1 - p.marginPercent / 100);
  const attempts = ((config.retries as number | undefined) ?? 0) + 1;
  const backoffs = worstCase(config, 0);
  const fit = Math.floor((usable - backoffs) / attempts / 50) * 50;
  const current = config.timeoutMs as number | undefined;
  return Math.max(50, Math.min(current ?? defaultFor(ctx, c, p), fit));
}

/** Why this call needs a (shorter) timeout, or undefined when it is fine. */
function problem(ctx: PatternContext, c: Connection): string | undefined {
  const config = ctx.connectionConfig(c);
  const timeout = config.timeoutMs as number | undefined;
  if (timeout === undefined) return 'none';
  const budget = budgetOf(ctx, c.from);
  if (budget && worstCase(config, timeout) >= budget.ms) return 'over';
  return undefined;
}

export default definePattern({
  id: 'timeout',
  name: 'Timeouts and deadline budgets',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    "A call without a timeout waits as long as the client library's default — often 30 s or forever — so a callee that hangs holds the caller's threads, connections and memory until they run out. Timeouts set without looking at the chain fail differently: when a caller gives up after 2 s but its callee waits 5 s on the database, the callee keeps working on answers nobody will read, and with retries the inner layer can be asked the same thing several times for one request that has already failed.",
  solution:
    "Give every synchronous call a timeout derived from the callee's normal latency (p99.9 plus a little), and nest them: the time a caller allows a call, across all its attempts and backoffs, must be shorter than the time its own caller allows it, with room left for its own work. Propagate the remaining deadline with the request (gRPC deadlines, a header) so inner services stop work whose caller has given up.",
  tradeoffs: {
    latency: 'Bounds the worst case: a hung callee costs its caller at most the timeout instead of 30 s or more. Too tight a timeout fails requests that would have succeeded a little late (a GC pause, a cold start).',
    consistency: 'A timed-out write may still commit on the callee; the caller cannot tell failure from slowness, so writes need idempotency keys or a status lookup before a retry.',
    operations: "Timeouts must be revisited when latencies change (a new index, a bigger payload); alert on the timeout rate per call, and keep the nesting (caller > callee × attempts) in review when anyone edits one.",
  },
  avoidWhen:
    'The call is asynchronous (a queue, a webhook with its own retry policy), the operation is a long-running job better modelled as start-then-poll, or a service mesh or gateway already enforces per-route deadlines that you keep nested.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const p = params.parse({});
    const candidates = doc.connections.filter(
      (c) => (TIMED_CALLS as readonly string[]).includes(c.type) && !ctx.hasRole(c.from, 'entrypoint') && problem(ctx, c) !== undefined,
    );
    const targets: PatternTarget[] = [];
    for (const group of byPair(candidates)) {
      const first = group[0]!;
      const from = ctx.name(first.from);
      const to = ctx.name(first.to);
      const budget = budgetOf(ctx, first.from);
      const over = group.find((c) => problem(ctx, c) === 'over');
      let reason: string;
      if (over) {
        const config = ctx.connectionConfig(over);
        const timeout = config.timeoutMs as number;
        const retries = (config.retries as number | undefined) ?? 0;
        const total = worstCase(config, timeout);
        const cut = budget!.caller ? `${budget!.caller}, its longest-waiting caller, gives up after ${ms(budget!.ms)}: every caller has left` : `its own run-time limit is ${ms(budget!.ms)}: it is stopped`;
        reason = `${from} waits up to ${ms(total)} for ${to} (${ms(timeout)}${retries > 0 ? ` × ${retries + 1} attempts` : ''}), but ${cut} by then, so ${to}'s late answers are wasted work. ${ms(fittedTimeout(ctx, over, p))} per attempt fits.`;
      } else {
        const rps = group.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
        const rate = rps > 0 ? ` at ~${fmt(rps)} requests/s peak` : '';
        const pile = rps > 0 ? `; if ${to} hangs, ~${fmt(rps * DEFAULT_CLIENT_TIMEOUT_S)} calls pile up in ${from} over a ${DEFAULT_CLIENT_TIMEOUT_S} s client default` : '';
        reason = `${from} calls ${to}${rate} with no timeout${pile}. ${budget ? `Budget: ${budget.from}; ` : 'No deadline is known for it; '}${ms(fittedTimeout(ctx, first, p))} fits.`;
      }
      targets.push({ components: [first.from, first.to], connections: group.map((c) => c.id), reason });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const set: string[] = [];
    const ops: Op[] = target.connections.map((id) => {
      const c = connectionById(doc, id);
      const timeoutMs = fittedTimeout(ctx, c, p);
      set.push(`${c.type} ${ms(timeoutMs)}`);
      return { op: 'updateConnection' as const, id, config: { timeoutMs } };
    });
    const [from, to] = target.components as [string, string];
    const budget = budgetOf(ctx, from);
    return patternChangeSet(
      'timeout',
      `Timeouts on ${ctx.name(from)} → ${ctx.name(to)}: ${set.join(', ')} (within ${budget ? `${ctx.name(from)}'s ${ms(budget.ms)} budget` : `a ${ms(p.latencyBudgetMs)} budget`} less ${p.marginPercent} %)`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Timeouts',
    description: 'The load balancer gives Orders 3 s; Orders waits 2 s for Pricing with two retries, and reads its database with no timeout at all.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 250 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', config: { replicas: 3, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'pricing', type: 'service', label: 'Pricing', config: { replicas: 2, vcpus: 1 }, position: { x: 720, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'alb', to: 'orders', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'orders', to: 'pricing', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000, retries: 2 } },
      { from: 'orders', to: 'db', type: 'read' },
      { from: 'orders', to: 'db', type: 'write', config: { share: 0.3 } },
    ],
  },
});
