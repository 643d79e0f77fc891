import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import {
  accessOf,
  addWorker,
  changeLogShare,
  changeStreamPatch,
  fmt,
  isWorkload,
  personal,
  rateOf,
  requireComponents,
  roundShare,
  shareOf,
  storeConfig,
  spread,
  storeType,
} from '../data/wiring';
import { nameList } from '../../health/rules/helpers';
import { dualWrites } from './wiring';

const params = z.object({
  eventStore: z
    .enum(['stream', 'table'])
    .default('stream')
    .describe('"stream": an append-only log (Kafka with long retention) holds the events; "table": an append-only events table in the existing database, read by change data capture.'),
  snapshotEvery: z.number().int().min(1).max(100000).default(100).describe('Events per aggregate between snapshots, so loading an aggregate replays at most this many events.'),
  retentionYears: z.number().int().min(1).max(10).default(10).describe('How long the stream keeps events (stream store): the history that can be replayed. Use tiered storage or archive beyond it.'),
});

export default definePattern({
  id: 'event-sourcing',
  name: 'Event sourcing',
  category: 'state',
  difficulty: 'advanced',
  problem:
    'A service stores only the current state of its entities and overwrites it on every change, then publishes events about those changes separately. The history (who changed what, in which order, why) is lost or kept in a log that drifts from the state; questions such as "what did this account look like last Tuesday" cannot be answered, and the published events can disagree with the database.',
  solution:
    'The service stores every change as an immutable event appended to an event store (an append-only log per aggregate), and that log is the source of truth. The current state of an aggregate is rebuilt by replaying its events, starting from the latest snapshot. Projectors consume the log and maintain read-optimised projections (the former tables) and publish integration events; a projection can be dropped and rebuilt from the log at any time, and new ones can be built over the full history.',
  tradeoffs: {
    consistency:
      'The log is consistent per aggregate (optimistic concurrency on the aggregate version), but projections are eventually consistent: they trail the log by the projector lag, typically well under a second. Events are immutable: a schema change means versioned event types with upcasters that read every old version forever, and correcting a mistake means appending a compensating event, not editing history.',
    latency: 'Appending an event is one write; loading an aggregate reads its snapshot plus up to snapshotEvery events (a few milliseconds at 100). Without snapshots, load time grows with the aggregate’s history.',
    cost: 'The log grows forever: a Kafka cluster keeping years of events needs storage sized for the full history (or tiered storage), plus projection stores and projector services. Rebuilding a projection replays the whole log: at 10,000 events/s, a billion events take over a day. On Azure the stream is priced as Event Hubs, which keeps events at most 90 days: archive them with Capture, or keep the events table.',
    operations:
      'Replays, snapshot jobs, projection rebuilds and event-schema migrations become routine operations with runbooks. Personal data in immutable events needs crypto-shredding (per-subject keys) to honour erasure requests.',
  },
  avoidWhen:
    'The domain is CRUD where history has no business value, the team has not run an event-sourced system before and the deadline is near, queries across aggregates dominate (every one needs a projection), or regulations require deleting data that an immutable log would keep.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const { service, db, writes, publishes } of dualWrites(ctx)) {
      // the service must own the aggregate: no other service writes its database
      const others = accessOf(ctx, db).writes.filter((c) => c.from !== service && isWorkload(ctx, c.from));
      if (others.length > 0) continue;
      const brokers = [...new Set(publishes.map((c) => c.to))];
      const rate = rateOf(ctx, writes);
      targets.push({
        components: [service, db, ...brokers],
        connections: [...writes.map((c) => c.id), ...publishes.map((c) => c.id)],
        reason: `${ctx.name(service)} alone writes ${ctx.name(db)}${rate > 0 ? ` (~${fmt(rate)} writes/s at peak)` : ''}, overwriting current state, and separately publishes events to ${nameList(brokers.map((b) => ctx.name(b)), Infinity)}: the events it already produces could be the source of truth, with ${ctx.name(db)} rebuilt from them.`,
      });
    }
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
    const writeRate = rateOf(ctx, writes);
    const writeShare = Math.min(1, writes.reduce((s, c) => s + shareOf(ctx, c), 0));
    const make = idMaker(doc);
    const name = ctx.name(service);
    const projector = make(`${service}-projector`);
    const projectorName = `${name} projector`;
    const snapshotNote = `Snapshot of each aggregate every ${p.snapshotEvery} events; loading replays the snapshot plus at most ${p.snapshotEvery} events. Events are versioned (type + schema version) and upcast on read.`;
    const ops: Op[] = [];

    if (p.eventStore === 'stream') {
      // reuse a log the service already appends to, else a Kafka cluster keeping the history
      const existing = publishes.find((c) => ctx.hasRole(c.to, 'stream') && ctx.component(c.to)?.type === 'kafka');
      let store: string;
      let storeName: string;
      if (existing) {
        store = existing.to;
        storeName = ctx.name(store);
        // the events topic keeps its history (topic-level retention), whatever the cluster default
        ops.push({ op: 'updateConnection', id: existing.id, label: `append ${name} events (source of truth; topic retention ${p.retentionYears} y)` });
      } else {
        store = make(`${service}-events`);
        storeName = `${name} event store`;
        ops.push(
          addComponent({
            id: store,
            type: 'kafka',
            label: storeName,
            config: {
              ...storeConfig('kafka', { personalData: personal(ctx, db, service) }),
              brokers: 3,
              replicationFactor: 3,
              minInSyncReplicas: 2,
              retentionHours: Math.min(87600, p.retentionYears * 8760),
              storageGb: 1000,
            },
            position: near(ctx, service, 240, 140),
            notes: `Event store of ${name}: one partition key per aggregate, appends with acks=all and the expected aggregate version. ${snapshotNote}`,
          }),
          addConnection({ from: service, to: store, type: 'publish', label: `append ${name} events (source of truth)`, config: { retries: 5, ...(writeShare < 1 && { share: roundShare(writeShare) }) } }),
        );
      }
      // on a shared log the projector reads only this service's events
      const storeRate = existing ? ctx.peakRps(store) : 0;
      const consumeShare = storeRate > 0 && writeRate < storeRate ? roundShare(writeRate / storeRate) : 1;
      ops.push(
        ...addWorker(ctx, {
          id: projector,
          label: projectorName,
          like: service,
          rps: writeRate,
          pulled: true,
          dx: 480,
          dy: 140,
          notes: `Projector: consumes ${storeName} and maintains ${ctx.name(db)} as a rebuildable projection; publishes integration events. Tracks its offset per projection; a rebuild replays from offset 0 into a fresh table.`,
        }),
        addConnection({
          from: store,
          to: projector,
          type: 'consume',
          label: `${name} events, in order per aggregate`,
          config: { idempotent: true, retries: 5, retryBackoff: { baseDelayMs: 200, maxDelayMs: 10000, jitter: 'full' }, ...(consumeShare < 1 && { share: consumeShare }) },
        }),
      );
      for (const w of writes) ops.push({ op: 'removeConnection', id: w.id });
      ops.push(addConnection({ from: projector, to: db, type: 'write', label: 'projection (rebuildable from the log)', config: { timeoutMs: 2000, retries: 3 } }));
      for (const c of publishes) {
        if (c.to === store) continue;
        ops.push({ op: 'removeConnection', id: c.id });
        ops.push(addConnection({ from: projector, to: c.to, type: 'publish', ...(c.label && { label: c.label }), config: { retries: 10 } }));
      }
      return patternChangeSet(
        'event-sourcing',
        `Event sourcing for ${name}: events appended to ${storeName} are the source of truth; ${projectorName} rebuilds ${ctx.name(db)} and publishes integration events`,
        spread(ctx, ops),
      );
    }

    // events table: the database keeps an append-only events table, projected by change data capture
    const projection = make(`${service}-projection`);
    const type = storeType(doc, 'key-value');
    const share = changeLogShare(ctx, db, accessOf(ctx, db).writeRps);
    ops.push(
      addComponent({
        id: projection,
        type,
        label: `${name} projections`,
        config: storeConfig(type, { personalData: personal(ctx, db, service) }),
        position: near(ctx, db, 240, 140),
        notes: `Current-state projections of ${name}'s events, rebuilt by replaying the events table of ${ctx.name(db)}.`,
      }),
      ...addWorker(ctx, {
        id: projector,
        label: projectorName,
        like: service,
        rps: writeRate,
        pulled: true,
        dx: 480,
        dy: 140,
        notes: `Projector: reads new rows of ${ctx.name(db)}'s events table by change data capture, updates ${name} projections and publishes integration events.`,
      }),
      addConnection({ from: db, to: projector, type: 'stream', label: 'events table inserts (CDC)', ...(share !== undefined && { config: { share } }) }),
      addConnection({ from: projector, to: projection, type: 'write', label: 'upsert projections', config: { timeoutMs: 2000, retries: 3 } }),
    );
    const streams = changeStreamPatch(ctx.component(db)!.type);
    if (streams && ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: streams });
    ops.push({ op: 'updateComponent', id: db, notes: [ctx.component(db)!.notes, `Events table (append-only, unique (aggregate_id, version)) is the source of truth for ${name}. ${snapshotNote}`].filter(Boolean).join('\n').slice(0, 10000) });
    for (const w of writes) ops.push({ op: 'updateConnection', id: w.id, label: `${w.label ? `${w.label} · ` : ''}append events (+ snapshots)`.slice(0, 200) });
    for (const c of publishes) {
      ops.push({ op: 'removeConnection', id: c.id });
      ops.push(addConnection({ from: projector, to: c.to, type: 'publish', ...(c.label && { label: c.label }), config: { retries: 10 } }));
    }
    return patternChangeSet(
      'event-sourcing',
      `Event sourcing for ${name}: an append-only events table in ${ctx.name(db)} is the source of truth; ${projectorName} builds ${name} projections and publishes integration events`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Event sourcing',
    description: 'The accounts service overwrites balances in PostgreSQL and separately publishes account events; the events could be the record.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 150 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Banking app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'accounts', type: 'service', label: 'Accounts', config: { replicas: 2, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'accounts-db', type: 'postgresql', label: 'Accounts DB', config: { instanceType: 'db.r6g.large', multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 0 } },
      { id: 'account-events', type: 'aws.sns', label: 'Account events', config: { deadLetter: true, encryptedAtRest: true }, position: { x: 720, y: 140 } },
      { id: 'statements', type: 'service', label: 'Statements', config: { replicas: 2, vcpus: 0.5 }, position: { x: 960, y: 140 } },
    ],
    connections: [
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'accounts', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'accounts', to: 'accounts-db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'accounts', to: 'accounts-db', type: 'write', config: { timeoutMs: 2000, share: 0.3 } },
      { from: 'accounts', to: 'account-events', type: 'publish', label: 'AccountDebited / AccountCredited', config: { share: 0.3 } },
      { from: 'account-events', to: 'statements', type: 'consume', config: { retries: 3 } },
    ],
  },
});
