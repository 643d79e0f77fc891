import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { SECONDS_PER_MONTH } from '../../traffic/traffic';
import { definePattern } from '../define';
import { addConnection, idMaker, inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { addWorker, changeStreamPatch, fmt, rateOf, requireComponents, roundShare, shareOf, spread } from '../data/wiring';
import { nameList } from '../../health/rules/helpers';
import { dualWrites } from './wiring';

const params = z.object({
  relay: z
    .enum(['cdc', 'poller'])
    .default('cdc')
    .describe('"cdc": a connector tails the database log for new outbox rows (Debezium outbox router, DynamoDB Streams); "poller": a relay queries the outbox table on an interval and marks rows sent.'),
  pollIntervalMs: z.number().int().min(10).max(60000).default(500).describe('Poll interval of the polling relay: adds up to this much delay before a message is published.'),
});

export default definePattern({
  id: 'transactional-outbox',
  name: 'Transactional outbox',
  category: 'state',
  difficulty: 'intermediate',
  problem:
    'A service commits a change to its database and then publishes a message about it (OrderPlaced) to a queue or topic. The two are separate systems with no shared transaction: if the process dies, the broker is unreachable or the publish times out after the commit, the change happened but nobody hears about it; publish first and the message can announce a change that was then rolled back.',
  solution:
    'The service writes the message as a row in an outbox table in the same database, in the same local transaction as the business change, so both commit or neither does. A relay reads new outbox rows, by tailing the database log (CDC) or by polling the table, publishes them to the broker in commit order, and marks them sent (or lets the log position advance). The service never talks to the broker on the request path.',
  tradeoffs: {
    consistency:
      'Delivery becomes at least once: a relay that crashes after publishing but before recording its progress publishes the same rows again on restart. Consumers must be idempotent (dedupe by the outbox row id, or make the effect naturally repeatable). Order holds per aggregate when the relay publishes one aggregate’s rows in sequence to one partition or message group.',
    latency: 'The publish moves off the request path (one extra row insert in the same transaction, well under a millisecond); messages reach the broker after the relay delay, typically 10–500 ms with CDC, up to the poll interval with a poller.',
    operations:
      'One more component to run and watch: relay lag (oldest unpublished row) needs an alert, and the outbox table needs cleanup (delete or partition old rows), or it grows without bound. With CDC, a stuck replication slot holds WAL on the database until its disk fills.',
    cost: 'A relay (two small containers) plus, with CDC, the log retention for the slot; the outbox rows add write volume roughly equal to the message volume.',
  },
  avoidWhen:
    'The message is not tied to a database change (a notification with no state), losing or delaying an occasional message is acceptable, the database cannot join the transaction (no transactions across the row and the outbox, as in some key-value stores without multi-item transactions), or the system already publishes changes by change data capture of the business tables themselves.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = dualWrites(ctx).map(({ service, db, writes, publishes }) => {
      const brokers = [...new Set(publishes.map((c) => c.to))];
      const rate = rateOf(ctx, publishes);
      return {
        components: [service, db, ...brokers],
        connections: [...writes.map((c) => c.id), ...publishes.map((c) => c.id)],
        reason: `${ctx.name(service)} commits to ${ctx.name(db)} and publishes to ${nameList(brokers.map((b) => ctx.name(b)), Infinity)}${rate > 0 ? ` (~${fmt(rate)} messages/s at peak)` : ''} as two separate steps: a crash or a broker timeout between them loses the message for a committed change, or announces one that rolled back.`,
      };
    });
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const [service, db] = target.components as [string, string];
    const connections = target.connections.map((id) => doc.connections.find((c) => c.id === id)).filter((c): c is Connection => c !== undefined);
    const writes = connections.filter((c) => c.type === 'write');
    const publishes = connections.filter((c) => c.type === 'publish');
    if (publishes.length === 0) throw new Error(`no publish of ${service} in the target`);
    const rate = rateOf(ctx, publishes);
    const total = publishes.reduce((s, c) => s + shareOf(ctx, c), 0);
    const relay = idMaker(doc)(`${service}-outbox-relay`);
    const relayName = `${ctx.name(service)} outbox relay`;
    const cdc = p.relay === 'cdc';
    const ops: Op[] = [
      ...addWorker(ctx, {
        id: relay,
        label: relayName,
        like: service,
        rps: rate,
        // a CDC relay pulls from the log at its own pace; a poller's override makes the model send it the peak
        pulled: cdc,
        dx: 240,
        dy: 140,
        notes: `Outbox relay for ${ctx.name(service)}: ${cdc ? `tails ${ctx.name(db)}'s log for inserts into the outbox table` : `polls ${ctx.name(db)}'s outbox table every ${p.pollIntervalMs} ms (SELECT … FOR UPDATE SKIP LOCKED)`} and publishes each row in commit order; at least once, so consumers dedupe by the outbox row id. Alert when the oldest unpublished row is older than 30 s.`,
        // a poller pulls on a timer: the traffic model gets its message rate from a usage override
        ...(!cdc && { config: { usage: { monthlyMessages: Math.round((rate / ctx.traffic.peakToAverage) * SECONDS_PER_MONTH) } } }),
      }),
    ];
    if (cdc) {
      const dbRate = ctx.peakRps(db);
      ops.push(addConnection({ from: db, to: relay, type: 'stream', label: 'outbox inserts (CDC)', ...(dbRate > 0 && rate < dbRate && { config: { share: roundShare(rate / dbRate) } }) }));
      const streams = changeStreamPatch(ctx.component(db)!.type);
      if (streams && ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: streams });
    } else {
      ops.push(
        addConnection({ from: relay, to: db, type: 'read', label: `poll outbox every ${p.pollIntervalMs} ms`, config: { timeoutMs: 2000 } }),
        addConnection({ from: relay, to: db, type: 'write', label: 'mark rows sent', config: { timeoutMs: 2000 } }),
      );
    }
    for (const w of writes) ops.push({ op: 'updateConnection', id: w.id, label: `${w.label ? `${w.label} ` : ''}+ outbox row, same transaction`.slice(0, 200) });
    for (const c of publishes) {
      ops.push({ op: 'removeConnection', id: c.id });
      const share = total > 0 ? roundShare(shareOf(ctx, c) / total) : 1;
      ops.push(addConnection({ from: relay, to: c.to, type: 'publish', ...(c.label && { label: c.label }), config: { retries: 10, ...(share < 1 && { share }) } }));
    }
    return patternChangeSet(
      'transactional-outbox',
      `Transactional outbox for ${ctx.name(service)}: messages become outbox rows in ${ctx.name(db)}; ${relayName} (${cdc ? 'CDC' : `polling every ${p.pollIntervalMs} ms`}) publishes them to ${nameList([...new Set(publishes.map((c) => ctx.name(c.to)))], Infinity)}`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Transactional outbox',
    description: 'The orders service commits an order and then publishes OrderPlaced to a queue: a crash between the two loses the event.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', config: { replicas: 2, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'orders-db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 0 } },
      { id: 'order-events', type: 'aws.sqs', label: 'Order events', config: { deadLetter: true }, position: { x: 720, y: 140 } },
      { id: 'fulfilment', type: 'service', label: 'Fulfilment', config: { replicas: 2, vcpus: 0.5 }, position: { x: 960, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'orders-db', type: 'write', config: { timeoutMs: 2000, share: 0.4 } },
      { from: 'orders', to: 'order-events', type: 'publish', label: 'OrderPlaced', config: { share: 0.4 } },
      { from: 'order-events', to: 'fulfilment', type: 'consume', config: { retries: 3 } },
    ],
  },
});
