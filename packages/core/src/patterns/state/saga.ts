import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import {
  addWorker,
  fmt,
  isDatabase,
  isWorkload,
  needsMtls,
  personal,
  requireComponents,
  roundShare,
  SERVICE_CALLS,
  shareOf,
  storeConfig,
  storeType,
  spread,
} from '../data/wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  variant: z
    .enum(['orchestration', 'choreography'])
    .default('orchestration')
    .describe('"orchestration": a saga orchestrator calls each participant and its compensation in order; "choreography": participants react to each other’s events on a topic.'),
  stepTimeoutMs: z.number().int().min(100).max(900000).default(5000).describe('Timeout of one saga step (orchestration): past it the step is retried, then compensated.'),
  stepRetries: z.number().int().min(0).max(20).default(3).describe('Retries of a failed step before the saga compensates the steps already done.'),
});

/** Notes written on an orchestrator this pattern adds, to recognise it. */
const ORCHESTRATOR_NOTE = 'Saga orchestrator';

/** Databases a component writes (not caches, buckets or search). */
const databasesWritten = (ctx: PatternContext, id: string) => new Set(ctx.outgoing(id, ['write']).filter((c) => isDatabase(ctx, c.to)).map((c) => c.to));

/** Share of a participant's requests that write a database, from 0 to 1 (1 when the traffic model gives nothing). */
function writeFraction(ctx: PatternContext, id: string): number {
  const total = ctx.peakRps(id);
  if (!(total > 0)) return 1;
  const writes = ctx.outgoing(id, ['write']).filter((c) => isDatabase(ctx, c.to));
  return Math.min(1, writes.reduce((s, c) => s + ctx.peakRps(c.id), 0) / total);
}

/** A participant is part of the transaction when at least this share of its requests writes its database (else the call is mostly a lookup). */
export const MOSTLY_WRITES = 0.5;

/** The topic or stream the initiator already publishes to or consumes from, to carry the saga events; undefined when none. */
function existingChannel(ctx: PatternContext, initiator: string): string | undefined {
  const topics = [...ctx.outgoing(initiator, ['publish']).map((c) => c.to), ...ctx.incoming(initiator, ['consume']).map((c) => c.from)];
  return topics.find((id) => ctx.hasRole(id, 'topic') || ctx.hasRole(id, 'stream'));
}

export default definePattern({
  id: 'saga',
  name: 'Saga',
  category: 'state',
  difficulty: 'advanced',
  problem:
    'One business transaction (place an order: reserve stock, charge the card, create the shipment) writes to several services, each with its own database. There is no atomic commit across them: when a later step fails after earlier ones committed, the system is left half-done (stock reserved for an order that was never paid), and holding locks across services with two-phase commit couples their availability and throughput.',
  solution:
    'The transaction becomes a sequence of local transactions, one per service, each committed on its own; every step has a compensating action that semantically undoes it (release the stock, refund the charge). With orchestration, a saga orchestrator persists the saga state, calls each participant in turn and, when a step fails after its retries, runs the compensations of the completed steps in reverse order. With choreography, each participant listens for the previous step’s event on a topic, does its local transaction and publishes its outcome; a failure event makes the earlier participants compensate.',
  tradeoffs: {
    consistency:
      'No isolation: other transactions see the intermediate states (stock reserved but order not yet paid), so anomalies such as lost updates and dirty reads must be designed out with semantic locks (a PENDING status others respect), commutative updates or re-reading values before acting. Compensations must be idempotent and cannot always undo (an e-mail already sent); the system is eventually consistent once the saga ends.',
    latency: 'Orchestration adds a hop and a state write per step (a few milliseconds each); choreography makes the whole flow asynchronous, so the caller gets an accepted response and learns the outcome later, typically within a second.',
    operations:
      'Orchestration keeps the flow in one place: the saga log shows where each transaction stands, which makes stuck sagas easy to find and retry, at the cost of one more service that knows every participant. Choreography couples nothing centrally and adds no service, but the flow exists only as the sum of subscriptions: tracing a failed order means correlating events across services, and adding a step means changing several of them. Either way, stuck and compensating sagas need dashboards and alerts.',
    cost: 'Orchestration: an orchestrator service (two containers) and a saga-log table; choreography: a topic and its messages. Both are small next to the services involved.',
  },
  avoidWhen:
    'The steps can live in one database and one local transaction (merge the services or the tables), the caller needs a synchronous all-or-nothing answer with isolation (keep it in one service), or a step cannot be compensated and must not happen before the others succeed (do it last, as a pivot step, or do not split it).',
  addresses: ['circuit-breaker'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const initiator of doc.components) {
      if (!isWorkload(ctx, initiator.id)) continue;
      if ((initiator.notes ?? '').includes(ORCHESTRATOR_NOTE)) continue;
      const own = databasesWritten(ctx, initiator.id);
      if (own.size === 0) continue;
      const calls: Connection[] = [];
      for (const call of ctx.outgoing(initiator.id, SERVICE_CALLS)) {
        if (call.to === initiator.id || !ctx.hasRole(call.to, 'service')) continue;
        // a participant with state of its own (a database the initiator does not write) that most calls change
        if (![...databasesWritten(ctx, call.to)].some((db) => !own.has(db))) continue;
        if (writeFraction(ctx, call.to) >= MOSTLY_WRITES) calls.push(call);
      }
      if (calls.length === 0) continue;
      const participants = [...new Set(calls.map((c) => c.to))];
      const stores = [...new Set(participants.flatMap((p) => [...databasesWritten(ctx, p)].filter((db) => !own.has(db))))];
      const rate = Math.max(...calls.map((c) => ctx.peakRps(c.id)));
      targets.push({
        components: [initiator.id, ...participants],
        connections: calls.map((c) => c.id),
        reason: `${ctx.name(initiator.id)} writes ${nameList([...own].map((d) => ctx.name(d)), Infinity)} and, in the same request, calls ${nameList(participants.map((p) => ctx.name(p)), Infinity)}${rate > 0 ? ` (~${fmt(rate)} calls/s at peak)` : ''}, which write${participants.length === 1 ? 's' : ''} ${nameList(stores.map((d) => ctx.name(d)), Infinity)}: one business transaction across ${own.size + stores.length} databases with no atomic commit, so a failure between the writes leaves them inconsistent.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const initiator = target.components[0]!;
    const calls = target.connections.map((id) => doc.connections.find((c) => c.id === id)).filter((c): c is Connection => c !== undefined);
    if (calls.length === 0) throw new Error('the target names no call to a participant');
    const participants = [...new Set(calls.map((c) => c.to))];
    const startShare = Math.max(...calls.map((c) => shareOf(ctx, c)));
    const sagaRate = ctx.peakRps(initiator) * startShare;
    const make = idMaker(doc);
    const mtls = needsMtls(doc) ? { mtls: true } : {};
    const ops: Op[] = calls.map((c) => ({ op: 'removeConnection' as const, id: c.id }));
    const name = ctx.name(initiator);

    if (p.variant === 'orchestration') {
      const orchestrator = make(`${initiator}-saga`);
      const log = make(`${initiator}-saga-log`);
      const logType = storeType(doc, 'key-value');
      const steps = participants.map((pt) => ctx.name(pt));
      ops.push(
        ...addWorker(ctx, {
          id: orchestrator,
          label: `${name} saga orchestrator`,
          like: initiator,
          rps: sagaRate,
          pulled: false,
          dx: 240,
          dy: 140,
          ...(needsMtls(doc) && { auth: 'mtls' }),
          notes: `${ORCHESTRATOR_NOTE} for ${name}: runs ${nameList(steps, Infinity)} as local transactions in order; a step failing after ${p.stepRetries} retries triggers the compensations of the completed steps in reverse order. State per saga in ${name} saga log.`,
        }),
        addComponent({
          id: log,
          type: logType,
          label: `${name} saga log`,
          config: storeConfig(logType, { personalData: personal(ctx, initiator) }),
          position: near(ctx, initiator, 480, 280),
          notes: 'One record per saga: current step, step results, compensation status; sagas stuck in a step for more than a minute are alerted on and resumed.',
        }),
        addConnection({
          from: initiator,
          to: orchestrator,
          type: 'http',
          label: 'start saga (202 Accepted)',
          config: { circuitBreaker: true, timeoutMs: 2000, ...(startShare < 1 && { share: roundShare(startShare) }), ...mtls },
        }),
        addConnection({ from: orchestrator, to: log, type: 'write', label: 'saga state per step', config: { timeoutMs: 1000, retries: 2 } }),
      );
      for (const c of calls) {
        const share = roundShare(shareOf(ctx, c) / startShare);
        ops.push(
          addConnection({
            from: orchestrator,
            to: c.to,
            type: c.type,
            label: `${c.label ? `${c.label}: ` : ''}step + compensation`.slice(0, 200),
            config: {
              circuitBreaker: true,
              timeoutMs: p.stepTimeoutMs,
              retries: p.stepRetries,
              retryBackoff: { baseDelayMs: 200, maxDelayMs: 5000, jitter: 'full' },
              ...(share < 1 && { share }),
              ...mtls,
            },
          }),
        );
      }
      return patternChangeSet('saga', `Saga (orchestration) for ${name}: ${name} saga orchestrator runs ${nameList(steps, Infinity)} with compensations, state in ${name} saga log`, spread(ctx, ops));
    }

    // choreography: participants react to each other's events on a topic
    let channel = existingChannel(ctx, initiator);
    const newChannel = channel === undefined;
    if (!channel) {
      channel = make(`${initiator}-saga-events`);
      const type = typeFor(doc, 'pubsub');
      ops.push(
        addComponent({
          id: channel,
          type,
          label: `${name} saga events`,
          config: { ...storeConfig(type, { personalData: personal(ctx, initiator, ...participants) }), deadLetter: true },
          position: near(ctx, initiator, 240, 140),
          notes: `Events of the ${name} saga: each participant consumes the previous step's event and publishes its outcome (succeeded or failed); a failure event makes the earlier participants compensate.`,
        }),
      );
    }
    const existingRate = newChannel ? 0 : ctx.peakRps(channel);
    const startsPublished = ctx.outgoing(initiator, ['publish']).some((c) => c.to === channel);
    // What the traffic model feeds into the channel: what it carried plus the saga starts a new publish brings. The
    // participants' outcome events go back to the channel from components it feeds, over back edges that carry their
    // share but feed nothing back ([TR3]), so counting them would thin out each participant's share of the starts.
    const channelRate = existingRate + (startsPublished ? 0 : sagaRate);
    const fraction = (rate: number) => (channelRate > 0 ? roundShare(rate / channelRate) : 1);
    const consumeConfig = (share: number) => ({ idempotent: true, retries: 3, retryBackoff: { baseDelayMs: 500, maxDelayMs: 30000, jitter: 'full' }, ...(share < 1 && { share }) });
    if (!startsPublished) {
      ops.push(addConnection({ from: initiator, to: channel, type: 'publish', label: 'saga started (after local commit)', config: { retries: 5, ...(startShare < 1 && { share: roundShare(startShare) }) } }));
    }
    if (!ctx.incoming(initiator, ['consume']).some((c) => c.from === channel)) {
      ops.push(addConnection({ from: channel, to: initiator, type: 'consume', label: 'step outcomes: complete or compensate', config: consumeConfig(fraction(sagaRate * participants.length)) }));
    }
    for (const pt of participants) {
      if (!ctx.incoming(pt, ['consume']).some((c) => c.from === channel)) {
        ops.push(addConnection({ from: channel, to: pt, type: 'consume', label: 'previous step / compensate', config: consumeConfig(fraction(sagaRate)) }));
      }
      if (!ctx.outgoing(pt, ['publish']).some((c) => c.to === channel)) {
        ops.push(addConnection({ from: pt, to: channel, type: 'publish', label: 'step succeeded / failed', config: { retries: 5 } }));
      }
    }
    return patternChangeSet(
      'saga',
      `Saga (choreography) for ${name}: ${name} and ${nameList(participants.map((pt) => ctx.name(pt)), Infinity)} exchange step events on ${newChannel ? `${name} saga events` : ctx.name(channel)} instead of synchronous calls`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Saga',
    description: 'Checkout writes the order and then calls Payments, which writes its own database: one business transaction across two databases.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', config: { replicas: 2, vcpus: 2 }, position: { x: 480, y: 0 } },
      { id: 'orders-db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 480, y: 140 } },
      { id: 'payments', type: 'service', label: 'Payments', config: { replicas: 2, vcpus: 2 }, position: { x: 720, y: 0 } },
      { id: 'payments-db', type: 'postgresql', label: 'Payments DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'checkout', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'checkout', to: 'orders-db', type: 'write', config: { timeoutMs: 2000 } },
      { from: 'checkout', to: 'payments', type: 'http', config: { timeoutMs: 3000 }, label: 'Charge card' },
      { from: 'payments', to: 'payments-db', type: 'write', config: { timeoutMs: 2000 } },
    ],
  },
});
