import { z } from 'zod';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt, isRedundant } from './wiring';

const params = z.object({
  clusterSize: z.number().int().min(2).max(9).default(3).describe('Members for types that replicate as a cluster (MongoDB replica sets, RabbitMQ quorum queues, vector databases): an odd number keeps a majority when one zone is lost.'),
});

/** Roles of the components that hold the data a request path needs (observability stores are left to their own patterns). */
const DATA_ROLES = ['datastore', 'cache', 'broker', 'stream', 'queue', 'search', 'vector-index'] as const;

/** The zone-redundancy patch for a component's type, and how it works there; undefined when the type has no such setting. */
function zonePatch(ctx: PatternContext, id: string, size: number): { patch: Record<string, unknown>; how: string } | undefined {
  const shape = ctx.def(id)?.config.shape as Record<string, unknown> | undefined;
  if (!shape) return undefined;
  const c = ctx.config(id);
  if ('multiAz' in shape) {
    if (ctx.hasRole(id, 'cache') && 'readReplicas' in shape) return { patch: { multiAz: true, readReplicas: Math.max(1, (c.readReplicas as number) ?? 0) }, how: 'a replica in a second zone with automatic failover' };
    if (ctx.hasRole(id, 'search') && 'replicas' in shape) return { patch: { multiAz: true, replicas: Math.max(2, (c.replicas as number) ?? 1) }, how: 'zone awareness with data nodes in two zones' };
    return { patch: { multiAz: true }, how: 'a synchronous standby in a second zone with automatic failover' };
  }
  if ('zoneRedundant' in shape) return { patch: { zoneRedundant: true }, how: 'zone-redundant replicas' };
  if ('brokers' in shape) return { patch: { brokers: Math.max(3, (c.brokers as number) ?? 1) }, how: 'brokers spread over three zones' };
  if ('nodes' in shape) return undefined; // memcached nodes do not replicate: more nodes spread the loss, they do not prevent it
  if ('replicationFactor' in shape && 'replicas' in shape) return { patch: { replicas: Math.max(size, (c.replicas as number) ?? 1), replicationFactor: 2 }, how: `${size} nodes over zones with every shard on two of them` };
  if ('replicas' in shape) return { patch: { replicas: Math.max(size, (c.replicas as number) ?? 1) }, how: `a ${size}-member cluster over three zones` };
  return undefined;
}

export default definePattern({
  id: 'multi-az',
  name: 'Multi-AZ datastores',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'A database, cache or broker running one instance in one availability zone stops everything that needs it when that instance or zone fails — a hardware fault, a storage outage, or even the provider\'s own maintenance reboot. Recovering from a backup takes tens of minutes to hours and loses what was written since the last backup or log shipment.',
  solution:
    'Keep a copy in a second zone that takes over automatically: a synchronous standby for relational databases (every commit is on both before it is acknowledged, failover in one to two minutes through a DNS or endpoint switch), a replica with automatic failover for caches, and a cluster spread over three zones for brokers and replicated stores, so a majority survives one zone.',
  tradeoffs: {
    latency: 'Synchronous standbys add the inter-zone round trip to every commit, typically 1–2 ms; reads are unaffected. Failover interrupts connections for about 60–120 s (RDS Multi-AZ instance) or seconds (cache replica promotion).',
    consistency: 'A synchronous standby loses no acknowledged write on failover (RPO 0); cache and broker replicas are asynchronous and can lose the last moments of writes.',
    cost: 'About 2× the instance cost: the standby or replica is billed like the primary (an RDS Multi-AZ db.m6g.large costs twice the single-AZ one), plus inter-zone data transfer for replicated brokers.',
    operations: 'Clients must reconnect after failover (short DNS TTLs, connection-pool validation); test failover regularly, since an untested standby is a hope, not a plan.',
  },
  avoidWhen:
    'The data is disposable and can be rebuilt quickly (a cache warming from its source in seconds, a dev environment), or the service is already highly available by design (DynamoDB, Firestore, Cosmos DB, S3).',
  addresses: ['spof'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const p = params.parse({});
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const id = component.id;
      if (!ctx.hasRole(id, 'stateful') || !DATA_ROLES.some((r) => ctx.hasRole(id, r)) || isRedundant(ctx, id)) continue;
      const zone = zonePatch(ctx, id, p.clusterSize);
      if (!zone) continue;
      const users = [...new Set([...ctx.incoming(id), ...ctx.outgoing(id, ['consume'])].map((c) => (c.to === id ? c.from : c.to)))].filter((u) => !ctx.hasRole(u, 'observability.metrics'));
      const rps = ctx.peakRps(id);
      targets.push({
        components: [id],
        connections: [],
        reason: `${ctx.name(id)} runs one instance in one zone${rps > 0 ? ` and serves ~${fmt(rps)} requests/s at peak` : ''}${users.length ? ` for ${users.slice(0, 3).map((u) => ctx.name(u)).join(', ')}${users.length > 3 ? ` and ${users.length - 3} more` : ''}` : ''}: an instance or zone failure stops them until it is restored from backup. ${zone.how[0]!.toUpperCase()}${zone.how.slice(1)} would take over instead.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const id = target.components[0]!;
    const zone = zonePatch(ctx, id, p.clusterSize);
    if (!zone) throw new Error(`${id} has no zone-redundancy setting`);
    return patternChangeSet(
      'multi-az',
      `Make ${ctx.name(id)} zone-redundant: ${zone.how} (${Object.entries(zone.patch).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}), about 2× its instance cost`,
      [{ op: 'updateComponent', id, config: zone.patch }],
    );
  },
  preview: {
    backarch: 1,
    name: 'Multi-AZ datastores',
    description: 'The Orders database runs a single instance in one zone: a zone outage stops ordering until a restore.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 120 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', config: { healthCheck: { path: '/healthz', intervalSeconds: 10, unhealthyThreshold: 3 } }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'aws.ecs', label: 'Orders', config: { vcpus: 1, replicas: 2 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.m6g.large', storageGb: 100 }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'alb', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'orders', to: 'db', type: 'write', config: { timeoutMs: 1000, share: 0.3 } },
    ],
  },
});
