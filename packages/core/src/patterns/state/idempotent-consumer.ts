import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { cacheRedundancyPatch, fmt, isCache, isDatabase, isWorkload, personal, rateOf, requireComponents, roundShare, storeConfig, storeType, spread } from '../data/wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  store: z
    .enum(['auto', 'key-value', 'cache'])
    .default('auto')
    .describe('Where processed message ids are kept: "auto" uses the database the consumer already writes (same transaction as the effect), else a cache it uses, else a new key-value table; "key-value" or "cache" add or use that kind.'),
  dedupeWindowHours: z
    .number()
    .min(0.01)
    .max(8760)
    .default(24)
    .describe('How long a processed id is remembered (TTL): a duplicate arriving later is processed again, so it must exceed the longest redelivery or replay gap.'),
});

/** How long after the first delivery a source may deliver the same message again, in words, from its config. */
function redeliverySpan(ctx: PatternContext, source: string): string | undefined {
  const c = ctx.config(source);
  const type = ctx.component(source)?.type;
  if (type === 'aws.sqs' && typeof c.visibilityTimeoutS === 'number' && typeof c.maxReceiveCount === 'number') {
    return `${ctx.name(source)} redelivers for up to ${c.maxReceiveCount} × ${c.visibilityTimeoutS} s visibility = ${fmt((c.maxReceiveCount * c.visibilityTimeoutS) / 60)} min`;
  }
  if (typeof c.retentionHours === 'number') return `${ctx.name(source)} keeps messages ${fmt(c.retentionHours)} h, so a consumer rewind replays up to that`;
  if (typeof c.retentionDays === 'number') return `${ctx.name(source)} keeps messages ${c.retentionDays} days for replays`;
  if (typeof c.messageRetentionDays === 'number') return `${ctx.name(source)} retains unacknowledged messages ${c.messageRetentionDays} days`;
  if (typeof c.maxDeliveryCount === 'number' && typeof c.lockDurationS === 'number') {
    return `${ctx.name(source)} redelivers up to ${c.maxDeliveryCount} × ${c.lockDurationS} s lock = ${fmt((c.maxDeliveryCount * c.lockDurationS) / 60)} min`;
  }
  return undefined;
}

export default definePattern({
  id: 'idempotent-consumer',
  name: 'Idempotent consumer',
  category: 'state',
  difficulty: 'beginner',
  problem:
    'Queues, topics and logs deliver at least once: a consumer that crashes or times out before acknowledging gets the message again, producers retry publishes that actually succeeded, and a rewind replays hours of messages. A consumer that applies every delivery charges a card twice, sends the e-mail twice or double-counts stock.',
  solution:
    'Each message carries a stable id (set by the producer or the outbox row). Before applying a message the consumer records its id in a dedupe store with a conditional insert (INSERT … ON CONFLICT DO NOTHING, SET NX, a conditional put); if the id is already there, it acknowledges and skips. When the dedupe record is written in the same database transaction as the effect, a crash between the two cannot split them; with a separate store, the record is written after the effect succeeds, or the effect is made naturally repeatable (upserts, absolute values).',
  tradeoffs: {
    latency: 'One conditional write per message: well under a millisecond in Redis, a few milliseconds in a database or DynamoDB, and nothing extra on the producer side.',
    consistency:
      'Duplicates are suppressed only within the dedupe window: an id expired from the store is processed again. The window must exceed the longest gap between two deliveries of one message (redelivery timeouts, retries, replays from a log); with a store separate from the effect, a crash after the effect but before the record still lets one duplicate through.',
    cost: 'The dedupe store holds one small record per message for the window: at 100 messages/s and 24 h that is 8.6 million keys (about 1 GB with Redis overhead, or the same number of rows to write and expire in a table).',
    operations: 'Expired ids must be purged (TTL in Redis and DynamoDB, a scheduled delete or partition drop in SQL); a producer that does not set stable ids defeats the scheme, so the id contract must be tested.',
  },
  avoidWhen:
    'The handler is already naturally idempotent (it sets absolute values, upserts by a business key, or its effect is harmless to repeat), or the broker deduplicates end to end for the whole path (Kafka transactions from a Kafka input to a Kafka output, SQS FIFO within its 5-minute window when nothing else retries).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const byConsumer = new Map<string, Connection[]>();
    for (const c of doc.connections) {
      if (c.type !== 'consume' || !isWorkload(ctx, c.to) || ctx.connectionConfig(c).idempotent === true) continue;
      byConsumer.set(c.to, [...(byConsumer.get(c.to) ?? []), c]);
    }
    const targets: PatternTarget[] = [];
    for (const [consumer, consumes] of byConsumer) {
      const sources = [...new Set(consumes.map((c) => c.from))];
      const rate = rateOf(ctx, consumes);
      const spans = sources.map((s) => redeliverySpan(ctx, s)).filter((s): s is string => s !== undefined);
      targets.push({
        components: [consumer, ...sources],
        connections: consumes.map((c) => c.id),
        reason: `${ctx.name(consumer)} consumes ${nameList(sources.map((s) => ctx.name(s)), Infinity)}${rate > 0 ? ` (~${fmt(rate)} messages/s at peak)` : ''} without deduplicating: at-least-once delivery means some messages arrive twice and are applied twice${spans.length > 0 ? `; ${spans.join('; ')}` : ''}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const consumer = target.components[0]!;
    const consumes = target.connections.map((id) => doc.connections.find((c) => c.id === id)).filter((c): c is Connection => c !== undefined);
    const window = `${fmt(p.dedupeWindowHours)} h`;
    const ops: Op[] = [];
    const writtenDb = ctx.outgoing(consumer, ['write']).find((c) => isDatabase(ctx, c.to))?.to;
    const usedCache = [...ctx.outgoing(consumer, ['read', 'write'])].find((c) => isCache(ctx, c.to))?.to;
    const writtenKv = ctx.outgoing(consumer, ['write']).find((c) => isDatabase(ctx, c.to) && ctx.component(c.to)?.type === storeType(doc, 'key-value'))?.to;

    let store: string;
    let storeName: string;
    let how: string;
    if (p.store === 'auto' && writtenDb) {
      store = writtenDb;
      storeName = ctx.name(store);
      how = `processed-messages table in ${storeName}, written in the same transaction as the effect`;
    } else if ((p.store === 'auto' || p.store === 'cache') && usedCache) {
      store = usedCache;
      storeName = ctx.name(store);
      how = `SET NX on the message id in ${storeName}`;
      if (!ctx.outgoing(consumer, ['write']).some((c) => c.to === store)) {
        ops.push(addConnection({ from: consumer, to: store, type: 'write', label: `dedupe: SET NX message id, TTL ${window}`, config: { timeoutMs: 50 } }));
      }
      const redundancy = cacheRedundancyPatch(ctx, store);
      if (redundancy) ops.push({ op: 'updateComponent', id: store, config: redundancy });
    } else if (p.store === 'key-value' && writtenKv) {
      store = writtenKv;
      storeName = ctx.name(store);
      how = `conditional put of the message id in ${storeName}`;
    } else {
      const kind = p.store === 'cache' ? 'cache' : 'key-value';
      const type = storeType(doc, kind);
      store = idMaker(doc)(`${consumer}-dedupe`);
      storeName = `${ctx.name(consumer)} dedupe store`;
      how = kind === 'cache' ? `SET NX on the message id in ${storeName}` : `conditional put of the message id in ${storeName}`;
      ops.push(
        addComponent({
          id: store,
          type,
          label: storeName,
          config: storeConfig(type, { personalData: personal(ctx, consumer) }),
          position: near(ctx, consumer, 240, 140),
          notes: `Processed message ids of ${ctx.name(consumer)}, kept ${window} (${kind === 'cache' ? 'key TTL' : 'TTL attribute; reads also check the expiry, since TTL deletion can lag'}).`,
        }),
      );
      const consumerRate = ctx.peakRps(consumer);
      const rate = rateOf(ctx, consumes);
      const share = consumerRate > 0 && rate < consumerRate ? roundShare(rate / consumerRate) : 1;
      ops.push(
        addConnection({
          from: consumer,
          to: store,
          type: 'write',
          label: `dedupe: record message id if absent (TTL ${window})`,
          config: { timeoutMs: kind === 'cache' ? 50 : 500, retries: 2, ...(share < 1 && { share }) },
        }),
      );
    }
    for (const c of consumes) {
      ops.push({ op: 'updateConnection', id: c.id, config: { idempotent: true }, notes: `Idempotent: ${how}; ids remembered ${window}.` });
    }
    return patternChangeSet('idempotent-consumer', `Idempotent consumer ${ctx.name(consumer)}: dedupe by message id in ${storeName} for ${window}`, spread(ctx, ops));
  },
  preview: {
    backarch: 1,
    name: 'Idempotent consumer',
    description: 'The billing worker charges customers from an SQS queue; redelivered messages would charge twice.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'aws.lambda', label: 'Checkout', position: { x: 480, y: 0 } },
      { id: 'charges', type: 'aws.sqs', label: 'Charges', config: { deadLetter: true, visibilityTimeoutS: 60, maxReceiveCount: 5 }, position: { x: 720, y: 0 } },
      { id: 'billing', type: 'aws.lambda', label: 'Billing worker', position: { x: 960, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'checkout', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'checkout', to: 'charges', type: 'publish', config: { retries: 3 } },
      { from: 'charges', to: 'billing', type: 'consume', config: { retries: 2 } },
    ],
  },
});
