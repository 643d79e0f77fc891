import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { addConnection, inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { cacheRedundancyPatch, fmt, isCache, isDatabase, isWorkload, rateOf, requireComponents, roundShare, shareOf } from './wiring';

const params = z.object({
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(2592000)
    .default(3600)
    .describe('Time to live of cached entries: bounds how long a value changed behind the service’s back (another writer, a manual fix) can be served.'),
  cacheTimeoutMs: z.number().int().min(1).max(10000).default(50).describe('Timeout of the cache write on the request path; past it the key is deleted instead so readers reload it.'),
});

/** Labels this pattern writes on the cache write, to recognise where it is in place. */
const MARK = /write-through/i;

/** The (service, cache, database) triples where a service reads a cache and reads and writes the database behind it. */
export function cacheFronts(ctx: PatternContext, doc: ArchDocument): Array<{ service: string; cache: string; db: string }> {
  const found: Array<{ service: string; cache: string; db: string }> = [];
  for (const service of doc.components) {
    if (!isWorkload(ctx, service.id)) continue;
    const cache = ctx.outgoing(service.id, ['read']).find((c) => isCache(ctx, c.to))?.to;
    if (!cache) continue;
    for (const write of ctx.outgoing(service.id, ['write'])) {
      if (!isDatabase(ctx, write.to)) continue;
      found.push({ service: service.id, cache, db: write.to });
    }
  }
  return found;
}

export default definePattern({
  id: 'write-through-cache',
  name: 'Write-through cache',
  category: 'data',
  difficulty: 'intermediate',
  problem:
    'With a cache that is only filled on misses, every write leaves the cached copy stale until it expires or is deleted, and the first reads after a write all miss and hit the database. Data that is written and then read back at once (a profile just edited, a cart just changed) is either served stale or never benefits from the cache.',
  solution:
    'Every write goes to the database and then, in the same request, to the cache: the service commits the row, sets the cache key to the new value, and only then answers. The cache always holds the latest value of every key the service writes, so reads after a write hit. A TTL still bounds how long a value changed by another path (a batch job, a manual fix) can be served; if the cache write fails the service deletes the key so readers reload it.',
  tradeoffs: {
    latency: 'Each write waits for a second round trip: about 0.5–1 ms to Redis in the same zone, on top of the database commit. Reads of recently written keys become hits (sub-millisecond) instead of misses.',
    consistency:
      'Cache and database are updated one after the other, not atomically: a crash between the two leaves the old value cached until the TTL, and two concurrent writers can leave the cache holding the older value (set versions or delete-then-set to narrow it). The database stays the source of truth.',
    cost: 'Writes to the cache for keys that may never be read (write-once data fills memory); size the cache for the written working set, not only the read one.',
    operations:
      'The cache is now on the write path: a cache outage must degrade to delete-on-write or skip, not fail the writes. It should run with a replica and automatic failover, and the cache-write timeout and error rate need alerts.',
  },
  avoidWhen:
    'Most written data is never read back soon (logs, events, audit rows), writes come from several services or batch jobs the cache cannot see, or write latency is the bottleneck (write-behind, or plain cache-aside with delete on write, costs less on the write path).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const { service, cache, db } of cacheFronts(ctx, doc)) {
      if (!ctx.outgoing(service, ['read']).some((c) => c.to === db)) continue;
      const cacheWrite = ctx.outgoing(service, ['write']).find((c) => c.to === cache);
      if (cacheWrite && MARK.test(cacheWrite.label ?? '')) continue;
      const dbWrites = ctx.outgoing(service, ['write']).filter((c) => c.to === db);
      const rate = rateOf(ctx, dbWrites);
      targets.push({
        components: [service, cache, db],
        connections: [...dbWrites.map((c) => c.id), ...(cacheWrite ? [cacheWrite.id] : [])],
        reason: `${ctx.name(service)} reads through ${ctx.name(cache)} but writes ${ctx.name(db)}${rate > 0 ? ` (~${fmt(rate)} writes/s at peak)` : ''} without updating the cache: each write leaves the cached value stale until it expires, and the next read of that key misses.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const [service, cache, db] = target.components as [string, string, string];
    const dbWrites = ctx.outgoing(service, ['write']).filter((c) => c.to === db);
    const dbShare = dbWrites.reduce((s, c) => s + shareOf(ctx, c), 0);
    const cacheWrite = ctx.outgoing(service, ['write']).find((c) => c.to === cache);
    const label = `write-through: set after each ${ctx.name(db)} commit (TTL ${p.ttlSeconds} s)`.slice(0, 200);
    const ops: Op[] = [];
    if (cacheWrite) {
      ops.push({
        op: 'updateConnection',
        id: cacheWrite.id,
        label: `${label} + fill on miss`.slice(0, 200),
        config: { share: roundShare(shareOf(ctx, cacheWrite) + dbShare), timeoutMs: p.cacheTimeoutMs },
      });
    } else {
      ops.push(addConnection({ from: service, to: cache, type: 'write', label, config: { timeoutMs: p.cacheTimeoutMs, ...(dbShare < 1 && { share: roundShare(dbShare) }) } }));
    }
    // the cache is now on the write path: it fails over instead of failing writes
    const redundancy = cacheRedundancyPatch(ctx, cache);
    const notes = `Write-through from ${ctx.name(service)}: every commit to ${ctx.name(db)} is followed by SET with a ${p.ttlSeconds} s TTL; on a cache error the key is deleted instead.`;
    ops.push({ op: 'updateComponent', id: cache, ...(redundancy && { config: redundancy }), notes: [ctx.component(cache)!.notes, notes].filter(Boolean).join('\n').slice(0, 10000) });
    return patternChangeSet(
      'write-through-cache',
      `Write-through: ${ctx.name(service)} sets ${ctx.name(cache)} after each write to ${ctx.name(db)} (TTL ${p.ttlSeconds} s)${redundancy ? `; ${ctx.name(cache)} gets a replica with failover` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Write-through cache',
    description: 'The cart service reads carts through Redis but writes them only to PostgreSQL, so every change leaves a stale cart in the cache.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 500 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Storefront', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'cart', type: 'service', label: 'Cart', config: { replicas: 3, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'cart-cache', type: 'aws.elasticache', label: 'Cart cache', config: { instanceType: 'cache.r7g.large', readReplicas: 1, multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 140 } },
      { id: 'cart-db', type: 'postgresql', label: 'Cart DB', config: { instanceType: 'db.r6g.large', multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'cart', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'cart', to: 'cart-cache', type: 'read', config: { timeoutMs: 50 } },
      { from: 'cart', to: 'cart-cache', type: 'write', label: 'fill on miss', config: { timeoutMs: 50, share: 0.1 } },
      { from: 'cart', to: 'cart-db', type: 'read', config: { timeoutMs: 1000, share: 0.1 } },
      { from: 'cart', to: 'cart-db', type: 'write', config: { timeoutMs: 2000, share: 0.3 } },
    ],
  },
});
