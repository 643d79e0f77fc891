import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, addConnection, copyIdMaker, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import {
  accessOf,
  addWorker,
  changeLogShare,
  changeStreamPatch,
  connectionById,
  fedByMessages,
  fmt,
  isDatabase,
  isWorkload,
  moveConnection,
  needsMtls,
  personal,
  requireComponents,
  selfManagedType,
  storeConfig,
  storeType,
  spread,
} from './wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  readModel: z
    .enum(['key-value', 'search'])
    .default('key-value')
    .describe("Read model store: the cloud's key-value/document database (DynamoDB, Firestore, Cosmos DB) for lookups by id, or a search index (OpenSearch, Elasticsearch) for full-text and faceted queries."),
  projectorLagMs: z.number().int().min(10).max(600000).default(500).describe('Expected lag from a committed write to the read model, written on the read connections so callers know what they get.'),
});

/** Search nodes of 2 vCPU at the catalog's 50 searches/s per vCPU, kept at 70 % utilisation. */
const SEARCH_RPS_PER_NODE = 100 * 0.7;

export default definePattern({
  id: 'cqrs',
  name: 'CQRS (separate read model)',
  category: 'data',
  difficulty: 'advanced',
  problem:
    'One database schema serves both the writes, which want normalised tables, constraints and transactions, and the reads, which want denormalised shapes, joins done ahead of time and their own indexes. When reads outnumber writes, every query shape added for a screen or an API costs an index that slows every write, and read traffic competes with the write path for the same CPU, buffer cache and connection pool.',
  solution:
    'Writes keep going to the database that owns the data (the command side). A projector consumes the database change events (change data capture from the WAL, binlog or native stream) and upserts denormalised documents into a separate read model store, shaped for the queries; the services read only from it. The read model is disposable: it can be rebuilt by replaying the changes, and a second one can be built for a new query shape without touching the write schema.',
  tradeoffs: {
    consistency:
      'The read model is eventually consistent: a change shows up after the projector lag, typically 100 ms to a few seconds, and longer while the projector catches up after a deploy or an outage. A user who writes and then reads at once may not see the write; flows that need read-your-writes must read that one item from the write side or wait for the projected version.',
    latency: 'Reads become single-key or single-index lookups (a few milliseconds on DynamoDB, Firestore or Cosmos DB) instead of joins; writes are unchanged, since projection happens after the commit.',
    cost: 'A second store holding a copy of the data, plus a projector running all the time (two small containers); on-demand key-value stores bill every projected write as well as every read.',
    operations:
      'The on-call now runs a CDC pipeline: projector lag must be a metric with an alert (for example above 5 s), and a rebuild procedure (replay from a snapshot plus the change log) must exist and be rehearsed for when a projection bug corrupts the read model.',
  },
  avoidWhen:
    'Reads are simple lookups the primary and a read replica already serve within budget, the screens must show a write immediately (balances, inventory at checkout), or the team has no appetite for running a change-data-capture pipeline. A cache or read replicas solve most read-load problems with far less machinery.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const db of doc.components) {
      if (!isDatabase(ctx, db.id)) continue;
      const { reads, writes, readRps, writeRps } = accessOf(ctx, db.id);
      const writers = [...new Set(writes.map((c) => c.from))].filter((id) => isWorkload(ctx, id));
      const readConnections = reads.filter((c) => isWorkload(ctx, c.from));
      if (writers.length === 0 || readConnections.length === 0) continue;
      // a store fed only by projectors is already a read model
      if (writers.every((w) => fedByMessages(ctx, w))) continue;
      // a projector already feeds a read model from its change log
      const projects = (w: string) =>
        fedByMessages(ctx, w) && ctx.outgoing(w, ['write']).some((c) => c.to !== db.id && (isDatabase(ctx, c.to) || ctx.hasRole(c.to, 'search') || ctx.hasRole(c.to, 'cache')));
      if (ctx.outgoing(db.id, ['stream']).some((c) => projects(c.to))) continue;
      if (!(readRps > 0 && readRps > writeRps)) continue;
      const readers = [...new Set(readConnections.map((c) => c.from))];
      targets.push({
        components: [db.id, ...readers.filter((r) => r !== db.id)],
        connections: readConnections.map((c) => c.id),
        reason: `${ctx.name(db.id)} takes ~${fmt(readRps)} reads/s at peak from ${nameList(readers.map((r) => ctx.name(r)), Infinity)} against ~${fmt(writeRps)} writes/s from ${nameList(writers.map((w) => ctx.name(w)), Infinity)}: the reads outnumber the writes and share its CPU, buffer cache and indexes with the write path. A read model fed by its change events would take all of them.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const db = target.components[0]!;
    const reads = target.connections.map((id) => connectionById(doc, id));
    const { writes, readRps, writeRps } = accessOf(ctx, db);
    const writer = writes.map((c) => c.from).find((id) => isWorkload(ctx, id)) ?? reads[0]!.from;
    const make = idMaker(doc);
    const readModel = make(`${db}-read-model`);
    const projector = make(`${db}-projector`);
    const type = storeType(doc, p.readModel);
    const nodes = p.readModel === 'search' ? Math.ceil(readRps / SEARCH_RPS_PER_NODE) : 0;
    const mtls = needsMtls(doc) && selfManagedType(type) ? { mtls: true } : {};
    const lag = `eventually consistent, ~${p.projectorLagMs} ms behind ${ctx.name(db)}`;

    const ops: Op[] = [
      addComponent({
        id: readModel,
        type,
        label: `${ctx.name(db)} read model`,
        config: storeConfig(type, { personalData: personal(ctx, db), instances: nodes }),
        position: near(ctx, db, 240, 140),
        notes: `Denormalised projections of ${ctx.name(db)} shaped for the read queries; rebuilt by replaying ${ctx.name(db)}'s change log. Expected lag ${p.projectorLagMs} ms (alert above 5 s).`,
      }),
      ...addWorker(ctx, { id: projector, label: `${ctx.name(db)} projector`, like: writer, rps: writeRps, pulled: true, dx: 240, dy: 0 }),
      addConnection({ from: db, to: projector, type: 'stream', label: 'change events (CDC)', ...(changeLogShare(ctx, db, writeRps) !== undefined && { config: { share: changeLogShare(ctx, db, writeRps) } }) }),
      addConnection({ from: projector, to: readModel, type: 'write', label: 'upsert projections', config: { timeoutMs: 2000, retries: 3, ...mtls } }),
    ];
    const streams = changeStreamPatch(ctx.component(db)!.type);
    if (streams && ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: streams });
    const copyId = copyIdMaker(doc);
    for (const read of reads) {
      ops.push({ op: 'removeConnection', id: read.id });
      ops.push(moveConnection(copyId, { ...read, label: read.label ?? lag }, { to: readModel }, mtls));
    }
    return patternChangeSet(
      'cqrs',
      `CQRS on ${ctx.name(db)}: ${ctx.name(db)} projector feeds ${ctx.name(db)} read model (${type}); ${nameList([...new Set(reads.map((r) => ctx.name(r.from)))], Infinity)} read from it`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'CQRS',
    description: 'The catalog service reads its product table five times as often as it writes it; a projected read model takes the reads off the database.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 600 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Storefront', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalog', config: { replicas: 3, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'catalog-db', type: 'postgresql', label: 'Catalog DB', config: { instanceType: 'db.r6g.large', multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'catalog', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'catalog', to: 'catalog-db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'catalog', to: 'catalog-db', type: 'write', config: { timeoutMs: 2000, share: 0.2 } },
    ],
  },
});
