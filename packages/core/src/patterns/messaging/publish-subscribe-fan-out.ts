import { z } from 'zod';
import { getComponentDef } from '../../catalog/catalog';
import type { Op } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { connect, connectionById, isDeadLetterQueue, names, num, queueConfig, SERVICE_CALLS } from '../scalability/wiring';

const params = z.object({
  idempotent: z.boolean().default(true).describe('Subscribers skip messages they have already processed (topics deliver at least once).'),
  retries: z.number().int().min(0).max(20).default(3).describe('Deliveries retried by each subscriber before a message goes to its dead-letter queue.'),
});

/** Whether a service changes state (writes a datastore that is not a cache): calls to it are commands, not queries. */
function doesWork(ctx: PatternContext, id: string): boolean {
  return ctx.outgoing(id, ['write']).some((c) => !ctx.hasRole(c.to, 'cache'));
}

/** The topic type for the document's cloud, and whether each subscriber needs its own queue (SNS delivers to SQS queues). */
function topicFor(doc: ArchDocument): { type: string; queueType?: string } {
  const type = typeFor(doc, 'pubsub', 'queue');
  const def = getComponentDef(type)!;
  return def.roles.includes('queue') || type === 'gcp.pubsub' ? { type } : { type, queueType: typeFor(doc, 'queue') };
}

export default definePattern({
  id: 'publish-subscribe-fan-out',
  name: 'Publish-subscribe fan-out',
  category: 'messaging',
  difficulty: 'intermediate',
  problem:
    'A producer needs several other services to react to the same event. Either it calls each of them in turn, so its latency is the sum of theirs and one slow or failing subscriber fails the whole request, or it writes to one queue that several services read, where each message goes to only one of them and every service silently sees a fraction of the events.',
  solution:
    'The producer publishes each event once to a topic; every subscriber gets its own subscription (on AWS an SQS queue subscribed to the SNS topic, on GCP a Pub/Sub subscription, on Azure a Service Bus topic subscription) with its own dead-letter queue, and processes the events at its own pace. Adding a subscriber is a new subscription, not a change to the producer.',
  tradeoffs: {
    latency: 'The producer returns after one publish (~10–30 ms) instead of waiting for every call in turn; subscribers see the event tens of milliseconds to seconds later.',
    consistency:
      'Subscribers are updated eventually and independently: for a moment one has processed the event and another has not, and the producer no longer learns whether they succeeded. Delivery is at least once, and ordering holds only with FIFO topics, ordering keys or sessions.',
    cost: 'SNS: $0.50 per million publishes, deliveries to SQS are free, plus each SQS queue’s requests; Pub/Sub bills the bytes delivered to every subscription, so n subscribers cost n times the throughput.',
    operations: 'One dead-letter queue per subscription to watch and redrive; event schemas become a contract between teams, so version them and keep old fields until every subscriber has moved.',
  },
  avoidWhen:
    'The producer needs the subscribers’ answers to reply (prices, stock, a payment authorisation), there is only one consumer, or the consumers must share the work of one queue (that is competing consumers, not fan-out).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    // a point-to-point queue read by several different services: each sees only part of the messages
    for (const queue of ctx.withRole('queue')) {
      if (ctx.hasRole(queue, 'topic') || isDeadLetterQueue(ctx, queue)) continue;
      const reads = ctx.outgoing(queue, ['consume']);
      const readers = [...new Set(reads.map((c) => c.to))];
      const producers = ctx.incoming(queue, ['publish']);
      if (readers.length < 2 || producers.length === 0) continue;
      const rate = ctx.peakRps(queue);
      targets.push({
        components: [queue, ...new Set(producers.map((c) => c.from)), ...readers],
        connections: [...producers.map((c) => c.id), ...reads.map((c) => c.id)],
        reason: `${names(readers.map((r) => ctx.name(r)))} all read the queue ${ctx.name(queue)}${rate > 0 ? ` (~${num(rate)} messages/s at peak)` : ''}, but a queue hands each message to one reader: each of them sees about 1/${readers.length} of the messages. A topic gives each its own copy.`,
      });
    }
    // a service that calls several services in turn on every request to have each of them do work
    for (const caller of ctx.withRole('service')) {
      const calls = ctx
        .outgoing(caller, SERVICE_CALLS)
        .filter((c) => c.to !== caller && ctx.hasRole(c.to, 'service') && (ctx.connectionConfig(c).share as number) === 1 && doesWork(ctx, c.to));
      const callees = [...new Set(calls.map((c) => c.to))];
      if (callees.length < 2 || calls.length !== callees.length) continue;
      const rate = ctx.peakRps(caller);
      const waits = calls.map((c) => ctx.connectionConfig(c).timeoutMs as number | undefined);
      const worst = waits.every((w) => w !== undefined) ? (waits as number[]).reduce((a, b) => a + b, 0) : undefined;
      targets.push({
        components: [caller, ...callees],
        connections: calls.map((c) => c.id),
        reason: `${ctx.name(caller)} calls ${names(callees.map((c) => ctx.name(c)))} one after another on every request${rate > 0 ? ` (~${num(rate)}/s at peak)` : ''}, and each of them writes its own data${worst !== undefined ? `: up to ${num(worst / 1000)} s of waiting in the worst case` : ''}, and any one failing fails the request. If ${ctx.name(caller)} only tells them something happened, one published event reaches all of them.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const anchor = target.components[0]!;
    const id = idMaker(doc);
    const { type, queueType } = topicFor(doc);
    const topic = id(`${anchor}-events`);
    const ops: Op[] = [];
    const queue = ctx.hasRole(anchor, 'queue') && !ctx.hasRole(anchor, 'service');
    const label = queue ? `${ctx.name(anchor)} topic` : `${ctx.name(anchor)} events`;
    ops.push(addComponent({ id: topic, type, label, config: queueConfig(type), position: near(ctx, anchor, 120, 140) }));
    const consume = { retries: p.retries, ...(p.idempotent && { idempotent: true }) };
    const subscribers: string[] = [];
    const subscribe = (subscriber: string, config?: Record<string, unknown>, k = 0) => {
      subscribers.push(subscriber);
      if (!queueType) {
        ops.push(connect(topic, subscriber, 'consume', { ...consume, ...config }));
        return;
      }
      const q = id(`${subscriber}-inbox`);
      ops.push(
        addComponent({ id: q, type: queueType, label: `${ctx.name(subscriber)} subscription`, config: queueConfig(queueType), position: near(ctx, subscriber, -120, 140 + 70 * k) }),
        connect(topic, q, 'publish'),
        connect(q, subscriber, 'consume', { ...consume, ...config }),
      );
    };
    if (queue) {
      for (const c of ctx.incoming(anchor, ['publish'])) {
        ops.push({ op: 'removeConnection', id: c.id }, connect(c.from, topic, 'publish', c.config));
      }
      // on AWS the queue stays as its first reader's subscription; elsewhere the topic's subscriptions replace it
      const keep = queueType !== undefined;
      if (keep) ops.push(connect(topic, anchor, 'publish'));
      ctx.outgoing(anchor, ['consume']).forEach((c, k) => {
        if (keep && k === 0) {
          subscribers.push(c.to);
          if (c.config?.share !== undefined) ops.push({ op: 'updateConnection', id: c.id, config: { share: null } });
          return;
        }
        ops.push({ op: 'removeConnection', id: c.id });
        const { share: _share, ...config } = c.config ?? {};
        subscribe(c.to, config, k);
      });
      if (!keep) ops.push({ op: 'removeComponent', id: anchor }); // its remaining connections go with it
    } else {
      ops.push(connect(anchor, topic, 'publish', { retries: 3 }));
      target.connections.forEach((cid, k) => {
        const c = connectionById(doc, cid);
        ops.push({ op: 'removeConnection', id: c.id });
        subscribe(c.to, undefined, k);
      });
    }
    return patternChangeSet(
      'publish-subscribe-fan-out',
      `Publish-subscribe: ${queue ? `producers of ${ctx.name(anchor)} publish` : `${ctx.name(anchor)} publishes`} to ${label} (${type}${queueType ? ` with one ${queueType} queue per subscriber` : ''}), delivered to ${names(subscribers.map((s) => ctx.name(s)))}`,
      reorder(ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Publish-subscribe fan-out',
    description: 'Billing and Analytics both read the same SQS queue of order events, so each gets about half of them; an SNS topic with one queue per subscriber gives each every event.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'events', type: 'aws.sqs', label: 'Order events', config: { deadLetter: true }, position: { x: 720, y: 0 } },
      { id: 'billing', type: 'service', label: 'Billing', position: { x: 960, y: 0 } },
      { id: 'analytics', type: 'service', label: 'Analytics', position: { x: 960, y: 140 } },
      { id: 'ledger', type: 'postgresql', label: 'Ledger', config: { multiAz: true }, position: { x: 1200, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http' },
      { from: 'orders', to: 'events', type: 'publish' },
      { from: 'events', to: 'billing', type: 'consume' },
      { from: 'events', to: 'analytics', type: 'consume' },
      { from: 'billing', to: 'ledger', type: 'write' },
    ],
  },
});

/** Removals first (connections, then components), then additions: the order applyChangeSet needs. */
function reorder(ops: Op[]): Op[] {
  const rank = (op: Op) => (op.op === 'removeConnection' ? 0 : op.op === 'removeComponent' ? 1 : 2);
  return [...ops].sort((a, b) => rank(a) - rank(b));
}
