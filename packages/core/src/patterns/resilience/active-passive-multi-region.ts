import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { addComponent, addConnection, copyIdMaker, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { copyConnection, copyInRegion, fmt, isRedundant, regionOf, secondaryRegion, writtenConfig } from './wiring';

const params = z.object({
  region: z
    .string()
    .regex(/^([a-z0-9-]+)?$/)
    .max(40)
    .default('')
    .describe("Standby region; empty picks the provider's paired or usual disaster-recovery region in the same geography."),
  standbyReplicas: z.number().int().min(1).max(100).default(1).describe('Instances each standby service runs while idle; scaled up on failover.'),
});

/** Databases whose managed offering has a cross-region replica that can be promoted (RDS, Cloud SQL, Azure flexible servers, Atlas). */
const REPLICABLE = new Set(['postgresql', 'mysql', 'mongodb']);

/** Whether the datastore already copies itself to another region. */
function replicatedAway(ctx: PatternContext, id: string): boolean {
  const home = regionOf(ctx, id);
  return ctx.outgoing(id, ['replication']).some((c) => regionOf(ctx, c.to) !== home);
}

/** Services that write the datastore: what must run in the standby region for it to be useful. */
function writers(ctx: PatternContext, id: string): string[] {
  return [...new Set(ctx.incoming(id, ['write']).map((c) => c.from))].filter((w) => ctx.hasRole(w, 'service') && regionOf(ctx, w) === regionOf(ctx, id));
}

export default definePattern({
  id: 'active-passive-multi-region',
  name: 'Active-passive multi-region (warm standby)',
  category: 'resilience',
  difficulty: 'advanced',
  problem:
    'Multi-AZ survives the loss of a zone, not of a region: a regional control-plane failure, a bad deploy of a provider service, or a networking event can take every zone of a region down for hours. With everything in one region, recovery means restoring backups into another region and rebuilding the stack under pressure — RTO in hours to days, and an RPO of the last cross-region backup copy.',
  solution:
    'Keep a warm standby in a second region: the database streams asynchronously to a cross-region replica, and the services that use it run there scaled down (one instance each), deployed with every release. On a regional failure the replica is promoted to primary, the standby services scale up, and DNS (Route 53, Cloud DNS, Traffic Manager failover records with health checks) sends traffic to the second region. Only one region serves at a time, so there are no write conflicts.',
  tradeoffs: {
    latency: 'None in normal operation: writes stay in the primary region and replication is asynchronous. After failover, users far from the standby region see its distance (e.g. ~60–70 ms more between US coasts).',
    consistency: 'RPO is the replication lag at the moment of failure — typically under a second to a few seconds, minutes under heavy write bursts; those writes are lost or must be reconciled when the old primary returns. RTO is 15–60 minutes: promote the replica (a few minutes), scale the services, switch DNS (its TTL).',
    cost: 'Roughly doubles the database cost (the replica is the same size to take over) plus the idle standby compute and cross-region transfer (about $0.02 per GB replicated on AWS); the standby services are small until failover.',
    operations: 'Runbooks and regular failover drills are essential: promotion is one-way, the old primary must be rebuilt as a replica afterwards, and every config, secret and deploy must reach both regions or the standby rots.',
  },
  avoidWhen:
    'The business can tolerate hours of downtime in a regional outage (restore from cross-region backups is far cheaper), data must not leave one region, or the team cannot run failover drills — an untested standby gives false confidence.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const id = component.id;
      if (!REPLICABLE.has(component.type) || ctx.incoming(id, ['replication']).length > 0 || replicatedAway(ctx, id)) continue;
      // zone redundancy first: a standby region in front of a single-instance primary is the wrong order
      if (!isRedundant(ctx, id)) continue;
      const ws = writers(ctx, id);
      if (ws.length === 0) continue;
      const home = regionOf(ctx, id);
      const rps = ctx.peakRps(id);
      targets.push({
        components: [id, ...ws],
        connections: ctx.incoming(id, ['read', 'write']).filter((c) => ws.includes(c.from)).map((c) => c.id),
        reason: `${ctx.name(id)} survives a zone failure, but everything that writes it (${ws.map((w) => ctx.name(w)).join(', ')}) lives in ${home} alone${rps > 0 ? `, serving ~${fmt(rps)} requests/s at peak` : ''}: a regional outage stops them until backups are restored elsewhere. A warm standby in ${secondaryRegion(home)} brings RTO to under an hour and RPO to seconds.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [db, ...ws] = target.components as [string, ...string[]];
    const primary = ctx.component(db);
    if (!primary) throw new Error(`${db} is not in the document`);
    const home = regionOf(ctx, db);
    const region = p.region || secondaryRegion(home);
    if (region === home) throw new Error(`the standby region must differ from ${home}`);
    const makeId = idMaker(doc);
    const ops: Op[] = [];
    const standbyDb = makeId(`${db}-${region}`);
    const dbConfig = { ...writtenConfig(ctx, db), region, multiAz: undefined, readReplicas: undefined } as Record<string, unknown>;
    for (const k of Object.keys(dbConfig)) if (dbConfig[k] === undefined) delete dbConfig[k];
    ops.push(
      addComponent({
        id: standbyDb,
        type: primary.type,
        label: `${ctx.name(db)} (standby, ${region})`,
        config: dbConfig,
        position: near(ctx, db, 240, 140),
        notes: `Cross-region replica of ${ctx.name(db)}. On regional failover: promote it, then turn on multiAz before taking traffic.`,
      }),
    );
    ops.push(addConnection({ from: db, to: standbyDb, type: 'replication', config: { mode: 'async' } }));
    const copies: string[] = [];
    const copyId = copyIdMaker(doc);
    for (const w of ws) {
      const copy = copyInRegion(
        ctx,
        w,
        makeId(`${w}-${region}`),
        region,
        `${ctx.name(w)} (standby, ${region})`,
        { replicas: ctx.def(w)?.config.shape && 'replicas' in ctx.def(w)!.config.shape ? p.standbyReplicas : undefined, autoscaling: undefined },
        `Warm standby of ${ctx.name(w)}, deployed with every release and scaled to ${p.standbyReplicas}. On failover: scale to the primary's size and switch DNS to ${region}.`,
        280,
        copyId,
      );
      ops.push(...copy.ops);
      for (const c of ctx.outgoing(w, ['read', 'write']).filter((c) => c.to === db)) ops.push(copyConnection(copyId, c, { from: copy.id, to: standbyDb }));
      copies.push(ctx.name(w));
    }
    return patternChangeSet(
      'active-passive-multi-region',
      `Warm standby in ${region}: async replica of ${ctx.name(db)} (RPO seconds) and ${copies.join(', ')} at ${p.standbyReplicas} instance${p.standbyReplicas === 1 ? '' : 's'} (RTO 15–60 min)`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Active-passive multi-region',
    description: 'An orders API and its Multi-AZ database in us-east-1 only: a regional outage stops ordering.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 150 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', config: { healthCheck: { path: '/healthz', intervalSeconds: 10, unhealthyThreshold: 3 } }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'aws.ecs', label: 'Orders', config: { vcpus: 1, replicas: 3 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.r6g.large', storageGb: 200, multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'alb', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'orders', to: 'db', type: 'write', config: { timeoutMs: 1000, share: 0.3 } },
    ],
  },
});
