import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt, isRedundant, twoInstances } from './wiring';

const params = z.object({
  leaseSeconds: z.number().int().min(2).max(3600).default(15).describe('How long a lease lasts without renewal: the longest the work pauses when the leader dies.'),
  renewSeconds: z.number().int().min(1).max(3600).default(5).describe('How often the leader renews its lease; a third of leaseSeconds survives one slow renewal.'),
  replicas: z.number().int().min(2).max(5).default(2).describe('Instances competing for the lease: one leader, the rest on standby.'),
});

/** Store types that can hold a lease: a conditional or atomic write with an expiry, or an advisory lock. */
const LOCK_STORES = new Set(['postgresql', 'mysql', 'redis', 'aws.elasticache', 'aws.dynamodb', 'azure.cosmosdb', 'gcp.firestore', 'mongodb']);
const HOW: Record<string, string> = {
  postgresql: 'a session advisory lock (pg_try_advisory_lock) or a lease row updated with a fencing token',
  mysql: 'GET_LOCK() or a lease row updated with a fencing token',
  redis: 'SET key owner NX PX with a fencing token, renewed by compare-and-set',
  'aws.elasticache': 'SET key owner NX PX with a fencing token, renewed by compare-and-set',
  'aws.dynamodb': 'a lease item written with a condition on its owner and expiry (the DynamoDB lock client)',
  'azure.cosmosdb': 'a lease document replaced with an ETag condition and a TTL',
  'gcp.firestore': 'a lease document updated in a transaction with its expiry',
  mongodb: 'a lease document updated with findAndModify on its owner and expiry',
};

/** A worker that must run once at a time: a single instance of our code that no request or queue feeds — a scheduler, a relay, a change-data-capture reader. */
function singleton(ctx: PatternContext, id: string): boolean {
  if (!ctx.hasRole(id, 'service') || ctx.hasRole(id, 'serverless') || isRedundant(ctx, id)) return false;
  const shape = ctx.def(id)?.config.shape as Record<string, unknown> | undefined;
  if (!shape || !('leaderElection' in shape) || ctx.config(id).leaderElection !== undefined || !twoInstances(ctx, id)) return false;
  // requests and queue messages can be spread over instances: those workers scale out instead
  if (ctx.incoming(id, ['http', 'grpc', 'graphql', 'websocket', 'consume']).length > 0) return false;
  // a stream from a log is a consumer group (the broker assigns partitions); from a database it is one CDC reader
  if (ctx.incoming(id, ['stream']).some((c) => !ctx.hasRole(c.from, 'datastore') || ctx.hasRole(c.from, 'stream'))) return false;
  return ctx.outgoing(id).some((c) => c.type !== 'telemetry');
}

/** Where the lease goes: a lock-capable store the worker writes to, then one it reads, then the design's Redis; undefined means a new one. */
function lockStore(ctx: PatternContext, id: string): { id: string; connected: boolean } | undefined {
  const capable = (s: string) => LOCK_STORES.has(ctx.component(s)!.type);
  const written = ctx.outgoing(id, ['write']).find((c) => capable(c.to));
  if (written) return { id: written.to, connected: true };
  const read = [...ctx.outgoing(id, ['read']).map((c) => c.to), ...ctx.incoming(id, ['stream']).map((c) => c.from)].find(capable);
  if (read) return { id: read, connected: false };
  const redis = ctx.doc.components.find((c) => c.type === 'redis' || c.type === 'aws.elasticache');
  return redis ? { id: redis.id, connected: false } : undefined;
}

export default definePattern({
  id: 'leader-election',
  name: 'Leader election',
  category: 'resilience',
  difficulty: 'advanced',
  problem:
    'Some work must happen exactly once at a time: a scheduler firing nightly jobs, an outbox relay publishing in commit order, a change-data-capture reader holding a replication slot, a reaper sweeping stuck jobs. Teams run it as a single instance because two copies would fire every job twice — so a crash, a node drain or a deploy stops the work until someone or something restarts it, and nothing notices the gap.',
  solution:
    'Run two or more instances and let them compete for a lease in a store that supports conditional writes with expiry. The holder is the leader and does the work; it renews the lease well before it expires. The others retry acquiring it; when the leader dies, its lease expires and a standby takes over within one lease period. Every write the leader makes carries the lease\'s fencing token (a number that grows with each new leader), so a paused old leader that wakes up cannot overwrite the new one\'s work.',
  tradeoffs: {
    latency: 'Failover takes up to leaseSeconds plus one acquire attempt (15–20 s by default); work scheduled in that window runs late, not twice.',
    consistency: 'A lease is not a guarantee: a leader paused longer than its lease (GC, a frozen VM) may still act once it resumes. Only fencing tokens checked by the store or the downstream make it safe; without them, make the work idempotent.',
    cost: 'The standby replicas are paid for and idle (for a 0.5 vCPU Fargate task, about $18 a month each); lease renewals are a few writes a second at most, negligible in any store.',
    operations: 'Leadership changes must be logged and alerted on (flapping means renewals are too slow); the lock store becomes a dependency of the worker, and the standby adds no throughput — capacity planning must count one instance.',
  },
  avoidWhen:
    'The work can be partitioned (each instance owns a shard, or a queue spreads it), the platform already guarantees one runner (Kubernetes CronJob with concurrencyPolicy Forbid, a scheduled Lambda, Kafka consumer groups), or the work is idempotent and cheap enough that two instances doing it is harmless.',
  addresses: ['spof'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      if (!singleton(ctx, id)) continue;
      const store = lockStore(ctx, id);
      const work = ctx.outgoing(id).filter((c) => c.type !== 'telemetry');
      const feed = ctx.incoming(id, ['stream']).map((c) => ctx.name(c.from));
      const rate = ctx.peakRps(id);
      targets.push({
        // only the worker: the lock store is named in the reason, its own findings are not this pattern's to fix
        components: [id],
        connections: work.map((c) => c.id),
        reason: `${ctx.name(id)} runs one instance ${feed.length ? `reading changes from ${feed.join(', ')}` : 'that no request or queue feeds'} and ${work.map((c) => `${c.type === 'publish' ? 'publishes to' : c.type === 'write' ? 'writes' : c.type === 'read' ? 'reads' : 'calls'} ${ctx.name(c.to)}`).slice(0, 3).join(', ')}${rate > 0 ? ` (~${fmt(rate)}/s at peak)` : ''}: it looks like singleton work, which a second plain replica would duplicate. A crash or deploy stops it; two replicas with a lease${store ? ` in ${ctx.name(store.id)}` : ''} keep it running once.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    if (p.renewSeconds >= p.leaseSeconds) throw new Error('renewSeconds must be less than leaseSeconds');
    const ctx = patternContext(doc);
    const id = target.components[0]!;
    const ops: Op[] = [];
    const two = twoInstances(ctx, id) ?? {};
    const scale: Record<string, unknown> = { ...two, ...('replicas' in two && { replicas: Math.max(p.replicas, two.replicas as number) }) };
    ops.push({ op: 'updateComponent', id, config: { ...scale, leaderElection: { leaseSeconds: p.leaseSeconds, renewSeconds: p.renewSeconds } } });
    // lease traffic: each replica writes once per renewal period (acquire attempts by standbys, renewals by the leader)
    const rate = ctx.peakRps(id);
    const share = rate > 0 ? Math.min(1, Number((p.replicas / p.renewSeconds / rate).toPrecision(2))) : 0;
    const found = lockStore(ctx, id);
    let storeName: string;
    let storeType: string;
    if (found) {
      storeName = ctx.name(found.id);
      storeType = ctx.component(found.id)!.type;
      if (!found.connected) ops.push(addConnection({ from: id, to: found.id, type: 'write', label: 'leader lease', config: { timeoutMs: 1000, share } }));
    } else {
      storeType = typeFor(doc, 'key-value-db', 'document-db', 'managed-redis');
      const store = idMaker(doc)(`${id}-leases`);
      storeName = `${ctx.name(id)} leases`;
      const encrypted = doc.constraints.compliance && doc.constraints.compliance.length > 0 ? { encryptedAtRest: true } : {};
      ops.push(addComponent({ id: store, type: storeType, label: storeName, config: encrypted, position: near(ctx, id, 0, 140) }));
      ops.push(addConnection({ from: id, to: store, type: 'write', label: 'leader lease', config: { timeoutMs: 1000, share } }));
    }
    return patternChangeSet(
      'leader-election',
      `Leader election for ${ctx.name(id)}: ${p.replicas} replicas, ${p.leaseSeconds} s lease renewed every ${p.renewSeconds} s in ${storeName} (${HOW[storeType] ?? 'a conditional write with expiry'})`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Leader election',
    description: 'A billing scheduler runs as one task so that invoices are not sent twice; when it restarts, nobody is billed.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Customer portal', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.ecs', label: 'Billing API', config: { vcpus: 1, replicas: 2 }, position: { x: 240, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Billing DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 480, y: 0 } },
      { id: 'scheduler', type: 'aws.ecs', label: 'Invoice scheduler', config: { vcpus: 0.5, replicas: 1 }, position: { x: 480, y: 140 } },
      { id: 'invoices', type: 'aws.sqs', label: 'Invoices to send', config: { deadLetter: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'api', to: 'db', type: 'write', config: { timeoutMs: 1000 } },
      { from: 'db', to: 'scheduler', type: 'stream' },
      { from: 'scheduler', to: 'db', type: 'write', config: { timeoutMs: 1000, share: 0.1 } },
      { from: 'scheduler', to: 'invoices', type: 'publish', config: { retries: 3 } },
    ],
  },
});
