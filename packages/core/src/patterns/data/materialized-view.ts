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
  fmt,
  isRelational,
  isWorkload,
  moveConnection,
  personal,
  requireComponents,
  storeConfig,
  storeType,
  spread,
} from './wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  refresh: z
    .enum(['schedule', 'on-change'])
    .default('schedule')
    .describe('"schedule": recompute the view every interval from a query on the source; "on-change": update it from the source’s change stream as rows change.'),
  intervalSeconds: z.number().int().min(10).max(86400).default(300).describe('Refresh interval for the scheduled refresh: the most the view can lag the source.'),
});

/** Reads per second below which precomputing the query is not worth a second store. */
export const MIN_READS_PER_SECOND = 10;

export default definePattern({
  id: 'materialized-view',
  name: 'Materialized view',
  category: 'data',
  difficulty: 'intermediate',
  problem:
    "A service reads another service's tables to answer its own queries: joins and aggregates (totals per customer, availability per event, top sellers) computed on every request against the owner's primary. Each request repeats the same expensive query, the reader is coupled to the owner's schema, and its load lands on a database it does not own.",
  solution:
    'The query result is computed ahead of time into a read-optimised table, one row per key the reader looks up, and refreshed from the source: on a schedule (re-run the query every few minutes and swap the result in) or on change (a refresher consumes the source’s change stream and updates the affected rows). The reader does single-key lookups on the view instead of running the query, and the source sees one refresh instead of thousands of identical queries.',
  tradeoffs: {
    consistency: 'The view lags the source: up to the refresh interval on a schedule (300 s by default), a second or less on change. Readers must tolerate that, or read the source for the rare query that cannot.',
    latency: 'Reads become key lookups (single-digit milliseconds) instead of joins and aggregates; a scheduled refresh runs the full query once per interval, which can take seconds and load the source while it runs.',
    cost: 'A second copy of the derived data plus a small refresher service; a scheduled refresh recomputes everything each time, an on-change refresh processes every write to the source tables.',
    operations:
      'Someone owns the view definition and its backfill: a change to the source schema or to the query needs a rebuild. Refresh failures and view staleness need an alert, or the reader silently serves old data.',
  },
  avoidWhen:
    'The query is a cheap indexed lookup already, the reader needs the exact current state (stock at checkout), the source changes so fast that the view is always being rebuilt, or one materialized view inside the same database (REFRESH MATERIALIZED VIEW CONCURRENTLY) meets the need without another store.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const read of doc.connections) {
      if (read.type !== 'read' || !isWorkload(ctx, read.from) || !isRelational(ctx, read.to)) continue;
      const reader = read.from;
      const db = read.to;
      if (ctx.outgoing(reader, ['write']).some((c) => c.to === db)) continue;
      // a job nothing calls (a scheduled copier, a refresher) has no requests to speed up
      if (!ctx.incoming(reader).some((c) => c.type !== 'telemetry')) continue;
      const owners = [...new Set(accessOf(ctx, db).writes.map((c) => c.from))].filter((id) => id !== reader && isWorkload(ctx, id));
      if (owners.length === 0) continue;
      const rate = ctx.peakRps(read.id);
      if (rate < MIN_READS_PER_SECOND) continue;
      targets.push({
        components: [reader, db],
        connections: [read.id],
        reason: `${ctx.name(reader)} only reads ${ctx.name(db)}${rate > 0 ? ` (~${fmt(rate)} reads/s at peak)` : ''}, whose data ${nameList(owners.map((o) => ctx.name(o)), Infinity)} write${owners.length === 1 ? 's' : ''}: every request re-runs its query on a primary it does not own, coupled to that schema.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const [reader, db] = target.components as [string, string];
    const read = connectionById(doc, target.connections[0]!);
    const make = idMaker(doc);
    const type = storeType(doc, 'key-value');
    const view = make(`${reader}-view`);
    const refresher = make(`${reader}-view-refresher`);
    const viewLabel = `${ctx.name(reader)} view`;
    const { writeRps } = accessOf(ctx, db);
    const lag = p.refresh === 'schedule' ? `refreshed every ${p.intervalSeconds} s` : 'updated on change (~1 s behind)';
    const ops: Op[] = [
      addComponent({
        id: view,
        type,
        label: viewLabel,
        config: storeConfig(type, { personalData: personal(ctx, db) }),
        position: near(ctx, reader, 240, 140),
        notes: `Materialized view of ${ctx.name(db)} for ${ctx.name(reader)}: precomputed rows keyed by what ${ctx.name(reader)} looks up, ${lag}.`,
      }),
      ...addWorker(ctx, {
        id: refresher,
        label: `${viewLabel} refresher`,
        like: reader,
        rps: p.refresh === 'on-change' ? writeRps : 1,
        pulled: true,
        dx: 240,
        dy: 280,
      }),
    ];
    if (p.refresh === 'on-change') {
      const share = changeLogShare(ctx, db, writeRps);
      ops.push(addConnection({ from: db, to: refresher, type: 'stream', label: 'row changes (CDC)', ...(share !== undefined && { config: { share } }) }));
      const streams = changeStreamPatch(ctx.component(db)!.type);
      if (streams && ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: streams });
    } else {
      ops.push(addConnection({ from: refresher, to: db, type: 'read', label: `view query every ${p.intervalSeconds} s`, config: { timeoutMs: 60000 } }));
    }
    ops.push(addConnection({ from: refresher, to: view, type: 'write', label: p.refresh === 'schedule' ? 'replace view rows' : 'upsert changed rows', config: { timeoutMs: 5000, retries: 3 } }));
    ops.push({ op: 'removeConnection', id: read.id });
    ops.push(moveConnection(copyIdMaker(doc), { ...read, label: read.label ?? `view, ${lag}` }, { to: view }));
    return patternChangeSet(
      'materialized-view',
      `Materialized view for ${ctx.name(reader)}: ${viewLabel} (${type}) ${lag} from ${ctx.name(db)}; ${ctx.name(reader)} reads it instead`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Materialized view',
    description: "The recommendations service runs an aggregate over the orders service's database on every page view; a view refreshed every five minutes answers it by key.",
    constraints: { cloud: 'gcp', region: 'europe-west1', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Shop', position: { x: 0, y: 0 } },
      { id: 'lb', type: 'gcp.load-balancer', label: 'HTTPS LB', position: { x: 240, y: 0 } },
      { id: 'orders', type: 'gcp.cloud-run', label: 'Orders', config: { auth: 'jwt', minInstances: 2 }, position: { x: 480, y: 0 } },
      { id: 'recommendations', type: 'gcp.cloud-run', label: 'Recommendations', config: { auth: 'jwt', minInstances: 2 }, position: { x: 480, y: 140 } },
      { id: 'orders-db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db-custom-4-16384', multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'orders', type: 'http', config: { timeoutMs: 5000, share: 0.3 } },
      { from: 'lb', to: 'recommendations', type: 'http', config: { timeoutMs: 2000, share: 0.7 } },
      { from: 'orders', to: 'orders-db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'orders', to: 'orders-db', type: 'write', config: { timeoutMs: 2000 } },
      { from: 'recommendations', to: 'orders-db', type: 'read', config: { timeoutMs: 2000 } },
    ],
  },
});
