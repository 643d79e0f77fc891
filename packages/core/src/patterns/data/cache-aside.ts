import { z } from 'zod';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { connectionById, fmt, isCache, isDatabase, isWorkload, personal, rateOf, requireComponents, roundShare, shareOf, storeConfig, storeType, spread } from './wiring';

const params = z.object({
  ttlSeconds: z.number().int().min(1).max(604800).default(300).describe('Time to live of a cached entry: the longest a reader can see a value that has since changed in the database.'),
  hitRatio: z.number().min(0).max(0.99).default(0.8).describe('Expected share of reads answered by the cache; the rest miss and go to the database.'),
});

/** Reads per second from one caller below which a cache is not worth its cost and staleness. */
export const MIN_READS_PER_SECOND = 10;
/** Reads per write from one caller from which its reads are worth caching (below, entries are invalidated about as often as read). */
export const READ_HEAVY = 3;

export default definePattern({
  id: 'cache-aside',
  name: 'Cache-aside',
  category: 'data',
  difficulty: 'beginner',
  problem:
    'A service reads the same rows from its database over and over: product pages, profiles, settings, permissions. Every read costs a network round trip and a query on the primary, read load grows with traffic rather than with data, and the database is sized (and paid for) for reads that return identical results thousands of times a minute.',
  solution:
    'The service looks the key up in an in-memory cache first. On a hit it returns the cached value; on a miss it reads the database, stores the result in the cache with a time to live, and returns it. Writes go to the database and delete (or overwrite) the cached key, so the next read reloads it. The cache holds only what is read, and losing it costs only a burst of misses.',
  tradeoffs: {
    latency: 'A hit is a sub-millisecond to 1 ms lookup in Redis instead of a 2–10 ms query; a miss costs the cache round trip plus the query plus the cache write, about 1 ms more than before.',
    consistency:
      'Readers can see a value up to the TTL old when a write skips the invalidation (another writer, a failed delete, a race between a slow miss and a write). Keep the TTL as short as the data tolerates and delete on write; never cache what must be exact (stock at checkout, balances).',
    cost: 'A replicated cache node pair (two cache.r7g.large on ElastiCache, about $0.44 an hour together) against the database capacity it saves; at an 80 % hit ratio the database sees a fifth of the reads.',
    operations:
      'Watch the hit ratio and evictions. When a hot key expires, hundreds of concurrent misses hit the database at once (a stampede): use request coalescing (one loader per key), early probabilistic refresh or a jittered TTL. A cold cache after a failover sends every read to the database until it refills.',
  },
  avoidWhen:
    'Reads are rarely repeated (each key read once, as in scans or exports), the data changes faster than it is read, every read must see the latest write, or the database already answers in a millisecond from memory (DynamoDB with DAX, a small table fully in the buffer cache) at a cost the cache would not beat.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const read of doc.connections) {
      if (read.type !== 'read' || !isWorkload(ctx, read.from) || !isDatabase(ctx, read.to)) continue;
      const reader = read.from;
      // a reader that already keeps a cache is taken to use it
      if (ctx.outgoing(reader, ['read']).some((c) => isCache(ctx, c.to))) continue;
      const reads = ctx.peakRps(read.id);
      const writes = rateOf(ctx, ctx.outgoing(reader, ['write']).filter((c) => c.to === read.to));
      if (reads < MIN_READS_PER_SECOND || writes * READ_HEAVY > reads) continue;
      targets.push({
        components: [reader, read.to],
        connections: [read.id],
        reason: `${ctx.name(reader)} reads ${ctx.name(read.to)} at ~${fmt(reads)} reads/s at peak${writes > 0 ? ` and writes it at only ~${fmt(writes)}/s, ${fmt(reads / writes)} reads per write` : ' and never writes it'}: repeated reads of the same keys could be answered from memory, taking most of them off ${ctx.name(read.to)}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const [reader, store] = target.components as [string, string];
    const read = connectionById(doc, target.connections[0]!);
    const share = shareOf(ctx, read);
    const missShare = roundShare(share * (1 - p.hitRatio));
    const type = storeType(doc, 'cache');
    const cache = idMaker(doc)(`${store}-cache`);
    const label = `${ctx.name(store)} cache`;
    const timeout = { timeoutMs: 50 };
    return patternChangeSet(
      'cache-aside',
      `Cache-aside for ${ctx.name(reader)} → ${ctx.name(store)}: ${label} (${type}, TTL ${p.ttlSeconds} s, ${Math.round(p.hitRatio * 100)} % expected hits)`,
      spread(ctx, [
        addComponent({
          id: cache,
          type,
          label,
          config: storeConfig(type, { personalData: personal(ctx, store) }),
          position: near(ctx, reader, 120, 140),
          notes: `Cache-aside in front of ${ctx.name(store)}: keys expire after ${p.ttlSeconds} s (jittered ±10 %); writers delete the key after committing. Expected hit ratio ${Math.round(p.hitRatio * 100)} %.`,
        }),
        addConnection({ from: reader, to: cache, type: 'read', label: `lookup first (TTL ${p.ttlSeconds} s)`, config: { ...timeout, ...(share !== 1 && { share }) } }),
        addConnection({ from: reader, to: cache, type: 'write', label: 'fill on miss, delete on write', config: { ...timeout, share: missShare } }),
        {
          op: 'updateConnection',
          id: read.id,
          label: read.label ? `${read.label} · on cache miss` : `on cache miss (~${Math.round((1 - p.hitRatio) * 100)} %)`,
          config: { share: missShare },
        },
      ]),
    );
  },
  preview: {
    backarch: 1,
    name: 'Cache-aside',
    description: 'The profile service reads every profile from PostgreSQL on every request; a cache in front answers most of them from memory.',
    constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', config: { auth: 'oidc' }, position: { x: 240, y: 0 } },
      { id: 'profiles', type: 'service', label: 'Profiles', config: { replicas: 3, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'profiles-db', type: 'postgresql', label: 'Profiles DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http' },
      { from: 'alb', to: 'profiles', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'profiles', to: 'profiles-db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'profiles', to: 'profiles-db', type: 'write', config: { timeoutMs: 2000, share: 0.05 } },
    ],
  },
});
