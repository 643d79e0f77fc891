import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { byPair, connectionById, fmt, SERVICE_CALLS } from './wiring';

const params = z.object({
  maxAttempts: z.number().int().min(2).max(10).default(3).describe('Attempts in all, the first call included (retries = maxAttempts − 1).'),
  baseDelayMs: z.number().int().min(1).max(60000).default(100).describe('Backoff before the first retry of a synchronous call, in ms; doubled on each retry.'),
  maxDelayMs: z.number().int().min(1).max(600000).default(2000).describe('Longest backoff between two retries of a synchronous call, in ms.'),
  consumerBaseDelayMs: z.number().int().min(1).max(60000).default(1000).describe('Backoff before the first redelivery to a queue consumer, in ms.'),
  consumerMaxDelayMs: z.number().int().min(1).max(600000).default(60000).describe('Longest backoff between two redeliveries to a queue consumer, in ms.'),
  jitter: z.enum(['full', 'equal', 'none']).default('full').describe('"full": a random wait up to the backoff; "equal": half fixed, half random; "none": the exact backoff.'),
});

/**
 * How many calls one request at the clients can become by the time it reaches `id`: the product of attempts
 * (retries + 1) along the most retrying chain of synchronous calls into it. Memoised, cycle-safe (a cycle counts once).
 */
function upstreamAttempts(ctx: PatternContext, id: string, memo = new Map<string, number>(), visiting = new Set<string>()): number {
  const known = memo.get(id);
  if (known !== undefined) return known;
  if (visiting.has(id)) return 1;
  visiting.add(id);
  let most = 1;
  for (const c of ctx.incoming(id, SERVICE_CALLS)) {
    const retries = (ctx.connectionConfig(c).retries as number | undefined) ?? 0;
    most = Math.max(most, (retries + 1) * upstreamAttempts(ctx, c.from, memo, visiting));
  }
  visiting.delete(id);
  memo.set(id, most);
  return most;
}

/** A call or consumer this pattern would change: no backoff yet, and retries either unset or already on (an explicit 0 is a decision). */
function candidate(ctx: PatternContext, c: Connection): boolean {
  const consume = c.type === 'consume';
  if (!consume && !(SERVICE_CALLS as readonly string[]).includes(c.type)) return false;
  if (!consume && !ctx.hasRole(c.from, 'service') && !ctx.hasRole(c.from, 'serverless')) return false;
  if (c.config?.retryBackoff !== undefined) return false;
  const written = c.config?.retries;
  return written === undefined || (typeof written === 'number' && written > 0);
}

export default definePattern({
  id: 'retry-with-backoff',
  name: 'Retry with exponential backoff and jitter',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'Most failures between services are transient: a pod restarting, a connection reset, a brief throttle. A call that gives up on the first error turns each blip into a user-facing failure, while a call that retries at once, in a tight loop, hits the struggling callee again at the same moment as every other caller — and when each layer of a call chain retries, the attempts multiply: three layers with three attempts each send 27 calls to the bottom service for one user request, right when it is least able to take them.',
  solution:
    'Retry a bounded number of times, waiting an exponentially growing delay between attempts (base × 2^n, capped) with random jitter so callers that failed together do not retry together. Retry only errors that can succeed on a second try (timeouts, 503, 429 with Retry-After, connection resets), never 4xx validation errors, and only operations that are idempotent — reads, PUTs, or writes carrying an idempotency key the callee deduplicates on. Queue consumers get the same treatment through redelivery with a growing delay. Retry at one layer of a chain, not at every layer.',
  tradeoffs: {
    latency: 'A call that fails and then succeeds takes its timeout plus the backoff: with 100 ms base and 3 attempts, up to ~300 ms of waiting on top of the failed attempts. The caller\'s own deadline must cover all attempts.',
    consistency: 'A timed-out write may have succeeded; the retry repeats it. Non-idempotent operations (charging a card, sending an e-mail) need an idempotency key stored by the callee, or must not be retried.',
    cost: 'During an outage each retrying layer multiplies load on the failing dependency by its attempt count (×3 by default); per-request billed callees (Lambda, LLM APIs, API Gateway) bill every attempt.',
    operations: 'Retry counts must be visible in metrics (a rising retry rate is an early outage signal), and a retry budget (e.g. retries ≤ 10 % of calls) or a circuit breaker should cap retries during a long outage.',
  },
  avoidWhen:
    'The operation is not idempotent and the callee cannot deduplicate; an outer layer (the client, the gateway or a service mesh) already retries the same call; the caller has a hard real-time deadline shorter than one backoff; or the error is permanent (validation, authorisation).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const memo = new Map<string, number>();
    const targets: PatternTarget[] = [];
    for (const group of byPair(doc.connections.filter((c) => candidate(ctx, c)))) {
      const first = group[0]!;
      const consume = first.type === 'consume';
      const rps = group.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
      const retries = Math.max(...group.map((c) => (ctx.connectionConfig(c).retries as number | undefined) ?? 0));
      const from = ctx.name(first.from);
      const to = ctx.name(first.to);
      const rate = rps > 0 ? ` at ~${fmt(rps)} ${consume ? 'messages' : 'requests'}/s peak` : '';
      let reason: string;
      if (consume) {
        reason =
          retries > 0
            ? `${to} consumes ${from}${rate} and retries failed messages ${retries} times with no backoff: a message that fails because a dependency is down is redelivered at once, ${retries} times in a row, before the dependency can recover.`
            : `${to} consumes ${from}${rate} with no retry policy: a message that fails on a transient error is not retried with a delay, so a brief outage of anything ${to} depends on turns into failed or dead-lettered messages.`;
      } else {
        const upstream = upstreamAttempts(ctx, first.from, memo);
        const chain = upstream > 1 ? ` Calls into ${from} are already retried (up to ×${upstream} per client request), so attempts here multiply: ×${upstream * (retries + 1)} on ${to} today.` : '';
        reason =
          retries > 0
            ? `${from} calls ${to}${rate} with ${retries} ${retries === 1 ? 'retry' : 'retries'} and no backoff: when ${to} fails, the retries arrive immediately and in step with every other caller, ${retries + 1}× its load at the worst moment.${chain}`
            : `${from} calls ${to}${rate} without retries: a pod restart or connection reset in ${to} fails the request outright.${chain}`;
      }
      targets.push({ components: [first.from, first.to], connections: group.map((c) => c.id), reason });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const retries = p.maxAttempts - 1;
    const ops: Op[] = target.connections.map((id) => {
      const c = connectionById(doc, id);
      const consume = c.type === 'consume';
      const base = consume ? p.consumerBaseDelayMs : p.baseDelayMs;
      const max = Math.max(base, consume ? p.consumerMaxDelayMs : p.maxDelayMs);
      return {
        op: 'updateConnection' as const,
        id,
        config: {
          retries,
          retryBackoff: { baseDelayMs: base, maxDelayMs: max, jitter: p.jitter },
          ...(consume && { idempotent: true }),
        },
      };
    });
    const first = connectionById(doc, target.connections[0]!);
    const consume = first.type === 'consume';
    const base = consume ? p.consumerBaseDelayMs : p.baseDelayMs;
    const upstream = consume ? 1 : upstreamAttempts(ctx, first.from);
    const delays = Array.from({ length: retries }, (_, n) => Math.min(base * 2 ** n, Math.max(base, consume ? p.consumerMaxDelayMs : p.maxDelayMs)));
    const what = consume ? `${ctx.name(first.to)} consuming ${ctx.name(first.from)}` : `${ctx.name(first.from)} → ${ctx.name(first.to)}`;
    return patternChangeSet(
      'retry-with-backoff',
      `Retry ${what}: ${p.maxAttempts} attempts, backoff ${delays.map((d) => (d >= 1000 ? `${fmt(d / 1000)} s` : `${d} ms`)).join(', ')} (${p.jitter} jitter)${consume ? ', idempotent consumer' : ''}${upstream > 1 ? `; ×${upstream * p.maxAttempts} attempts with upstream retries` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Retry with backoff',
    description: 'Orders calls Inventory and retries at once on failure; the gateway in front retries too, so a sick Inventory sees its load multiplied.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'inventory', type: 'service', label: 'Inventory', position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'mobile', to: 'gateway', type: 'http', config: { timeoutMs: 10000, retries: 2 } },
      { from: 'gateway', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'inventory', type: 'http', config: { circuitBreaker: true, timeoutMs: 500, retries: 3 } },
    ],
  },
});
