import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import {
  addWorker,
  cacheRedundancyPatch,
  fedByChangeStream,
  fmt,
  hasField,
  instanceCapacity,
  isCache,
  isDatabase,
  isRelational,
  isWorkload,
  personal,
  rateOf,
  requireComponents,
  roundShare,
  shareOf,
  storeConfig,
  storeType,
  spread,
} from './wiring';

const params = z.object({
  flushIntervalMs: z.number().int().min(10).max(600000).default(1000).describe('How often the flusher writes the accumulated changes to the database: the window of acknowledged writes that exist only in the cache.'),
  batchSize: z.number().int().min(1).max(100000).default(500).describe('Most rows the flusher writes in one batched upsert.'),
});

/** Share of one instance's capacity a single writer must take before moving its writes off the request path is offered. */
export const WRITE_HEAVY = 0.25;

/** Regimes under which acknowledged writes of personal data must not be lost to a cache failure. */
const DURABLE_REGIMES = new Set(['hipaa', 'pci']);

function regulated(ctx: PatternContext, db: string): boolean {
  return personal(ctx, db) && (ctx.doc.constraints.compliance ?? []).some((c) => DURABLE_REGIMES.has(c));
}

export default definePattern({
  id: 'write-behind-cache',
  name: 'Write-behind cache',
  category: 'data',
  difficulty: 'advanced',
  problem:
    'A service writes the same rows many times a second (counters, session state, status updates, positions), and every write waits for a database commit: the request path pays a few milliseconds per write, and the primary spends its IOPS and WAL on updates that are overwritten a moment later.',
  solution:
    'The service writes to an in-memory cache and answers as soon as the cache has it; each change is also appended to a change stream in the cache (a Redis Stream of dirty keys). A flusher consumes that stream and writes the latest value of each key to the database in batched upserts every flush interval, so ten updates of one key become one row write. Reads go to the cache first, which always has the newest value.',
  tradeoffs: {
    latency: 'Writes are acknowledged after a sub-millisecond cache write instead of a 2–10 ms commit; the database sees one batched upsert per interval instead of every update.',
    consistency:
      'Acknowledged writes live only in cache memory until the next flush. At 300 writes/s and a 1 s interval, ~300 writes are exposed at any moment: a cache primary failure loses what the replica had not received (usually under a second of writes), and losing the node without a replica or persistence loses every unflushed write. Other readers of the database see changes up to one flush interval late.',
    cost: 'A replicated cache sized for the write working set plus a flusher service (two small containers); the database can often be smaller, since batching cuts its write rate.',
    operations:
      'The flusher backlog (stream length, oldest pending entry) needs an alert; a flusher outage grows the backlog in cache memory until it runs out. Recovery after a cache failure means reconciling from the stream or accepting the loss, and schema changes must handle both the cached and the stored shape.',
  },
  avoidWhen:
    'A lost acknowledged write is unacceptable (payments, orders, medical or financial records, anything an audit must find), other services read the same rows from the database and need them at once, or the write rate is one the database handles comfortably.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const service of doc.components) {
      // flushers, projectors and relays already write from a change stream
      if (!isWorkload(ctx, service.id) || fedByChangeStream(ctx, service.id)) continue;
      const cache = ctx.outgoing(service.id, ['read']).find((c) => isCache(ctx, c.to))?.to;
      const byDb = new Map<string, string[]>();
      for (const w of ctx.outgoing(service.id, ['write'])) if (isDatabase(ctx, w.to)) byDb.set(w.to, [...(byDb.get(w.to) ?? []), w.id]);
      for (const [db, writeIds] of byDb) {
        if (regulated(ctx, db)) continue;
        const rate = rateOf(ctx, writeIds.map((id) => doc.connections.find((c) => c.id === id)!));
        const capacity = isRelational(ctx, db) ? instanceCapacity(ctx, db) : undefined;
        const heavy = capacity !== undefined && rate >= WRITE_HEAVY * capacity.rps;
        if (!cache && !heavy) continue;
        const exposed = rate > 0 ? ` With a 1 s flush, ~${fmt(rate)} acknowledged writes would sit only in cache memory at any moment.` : '';
        targets.push({
          components: [service.id, db, ...(cache ? [cache] : [])],
          connections: writeIds,
          reason: heavy
            ? `${ctx.name(service.id)} writes ${ctx.name(db)} at ~${fmt(rate)} writes/s at peak, ${Math.round((rate / capacity.rps) * 100)} % of ${capacity.basis}, each one a commit on the request path.${exposed}`
            : `${ctx.name(service.id)} already reads through ${ctx.name(cache!)} but commits every write to ${ctx.name(db)}${rate > 0 ? ` (~${fmt(rate)} writes/s at peak)` : ''} on the request path.${exposed}`,
        });
      }
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const [service, db, existing] = target.components as [string, string, string | undefined];
    const writes = target.connections.map((id) => doc.connections.find((c) => c.id === id)!).filter(Boolean);
    const writeRate = rateOf(ctx, writes);
    const writeShare = writes.reduce((s, c) => s + shareOf(ctx, c), 0);
    const make = idMaker(doc);
    const ops: Op[] = [];
    let cache = existing;
    let cachePeak = existing ? ctx.peakRps(existing) : 0;
    const flushLabel = `write-behind: acknowledged after the cache write, flushed every ${p.flushIntervalMs} ms`;
    if (!cache) {
      const type = storeType(doc, 'cache');
      cache = make(`${db}-write-cache`);
      const config = { ...storeConfig(type, { personalData: personal(ctx, db) }), ...(hasField(type, 'persistence') && { persistence: 'aof' }) };
      ops.push(
        addComponent({
          id: cache,
          type,
          label: `${ctx.name(db)} write cache`,
          config,
          position: near(ctx, service, 120, 140),
          notes: `Write-behind cache for ${ctx.name(service)}: holds the newest value of each key and a stream of dirty keys the flusher drains into ${ctx.name(db)}.`,
        }),
      );
      const reads = ctx.outgoing(service, ['read']).filter((c) => c.to === db);
      const readShare = reads.reduce((s, c) => s + shareOf(ctx, c), 0);
      if (readShare > 0) ops.push(addConnection({ from: service, to: cache, type: 'read', label: 'newest value first', config: { timeoutMs: 50, ...(readShare < 1 && { share: roundShare(readShare) }) } }));
      ops.push(addConnection({ from: service, to: cache, type: 'write', label: flushLabel, config: { timeoutMs: 50, ...(writeShare < 1 && { share: roundShare(writeShare) }) } }));
      cachePeak = writeRate + rateOf(ctx, reads);
    } else {
      const cacheWrite = ctx.outgoing(service, ['write']).find((c) => c.to === cache);
      if (cacheWrite) {
        ops.push({ op: 'updateConnection', id: cacheWrite.id, label: flushLabel, config: { share: roundShare(shareOf(ctx, cacheWrite) + writeShare), timeoutMs: 50 } });
      } else {
        ops.push(addConnection({ from: service, to: cache, type: 'write', label: flushLabel, config: { timeoutMs: 50, ...(writeShare < 1 && { share: roundShare(writeShare) }) } }));
      }
      cachePeak += writeRate;
      const redundancy = cacheRedundancyPatch(ctx, cache);
      const persistence = hasField(ctx.component(cache)!.type, 'persistence') && ctx.config(cache).persistence === 'none' ? { persistence: 'aof' } : undefined;
      if (redundancy || persistence) ops.push({ op: 'updateComponent', id: cache, config: { ...redundancy, ...persistence } });
    }
    for (const w of writes) ops.push({ op: 'removeConnection', id: w.id });

    const cacheName = existing ? ctx.name(existing) : `${ctx.name(db)} write cache`;
    const flusher = make(`${db}-flusher`);
    ops.push(
      ...addWorker(ctx, {
        id: flusher,
        label: `${ctx.name(db)} flusher`,
        like: service,
        rps: writeRate,
        pulled: true,
        dx: 240,
        dy: 140,
        notes: `Drains the dirty-key stream of ${cacheName} every ${p.flushIntervalMs} ms in batches of up to ${p.batchSize} upserts; alert when the oldest pending change is older than 30 s.`,
      }),
    );
    const streamShare = cachePeak > 0 && writeRate < cachePeak ? roundShare(writeRate / cachePeak) : undefined;
    ops.push(addConnection({ from: cache, to: flusher, type: 'stream', label: 'dirty keys (Redis Stream)', ...(streamShare !== undefined && { config: { share: streamShare } }) }));
    ops.push(addConnection({ from: flusher, to: db, type: 'write', label: `batched upserts every ${p.flushIntervalMs} ms (≤ ${p.batchSize} rows)`, config: { timeoutMs: 5000, retries: 5 } }));
    return patternChangeSet(
      'write-behind-cache',
      `Write-behind: ${ctx.name(service)} writes ${cacheName}; ${ctx.name(db)} flusher persists to ${ctx.name(db)} every ${p.flushIntervalMs} ms`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Write-behind cache',
    description: 'A player-state service writes positions and scores at a high rate straight to PostgreSQL; a write-behind cache takes the commits off the request path.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 800 } },
    components: [
      { id: 'game', type: 'client.mobile', label: 'Game client', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'player-state', type: 'service', label: 'Player state', config: { replicas: 4, vcpus: 1, autoscaling: { min: 4, max: 12 } }, position: { x: 480, y: 0 } },
      { id: 'state-db', type: 'postgresql', label: 'Player DB', config: { instanceType: 'db.r6g.large', multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'game', to: 'api', type: 'http' },
      { from: 'api', to: 'player-state', type: 'http', config: { timeoutMs: 2000 } },
      { from: 'player-state', to: 'state-db', type: 'read', config: { timeoutMs: 1000, share: 0.2 } },
      { from: 'player-state', to: 'state-db', type: 'write', config: { timeoutMs: 2000, share: 0.7 } },
    ],
  },
});
