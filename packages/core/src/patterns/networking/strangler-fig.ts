import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, round3, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { connect, copyOutgoing, fits, keepConfig, names, newServiceConfig, num } from '../scalability/wiring';

const params = z.object({
  shareMigrated: z.number().min(0.01).max(0.99).default(0.2).describe('Share of the monolith’s requests (its migrated routes) the new service takes over.'),
  serviceName: z.string().min(1).max(60).default('New service').describe('Label of the service that takes over the migrated routes.'),
});

const REQUESTS = ['http', 'grpc', 'graphql', 'websocket'];

/** A routing facade: an API gateway, or a layer-7 load balancer that routes by path. */
const facade = (ctx: PatternContext, id: string) => ctx.hasRole(id, 'gateway') || ['aws.alb', 'gcp.load-balancer', 'azure.front-door'].includes(ctx.component(id)!.type);

/** A monolith: named so, or one VM-based service that owns several datastores. */
function isMonolith(ctx: PatternContext, id: string): boolean {
  if (!ctx.hasRole(id, 'service') || ctx.hasRole(id, 'serverless')) return false;
  if (/monolith|legacy/i.test(`${id} ${ctx.component(id)!.label ?? ''}`)) return true;
  const def = ctx.def(id)!;
  const stores = new Set(ctx.outgoing(id, ['read', 'write']).filter((c) => ctx.hasRole(c.to, 'datastore') && !ctx.hasRole(c.to, 'cache')).map((c) => c.to));
  return def.equivalence === 'vm' && stores.size >= 2;
}

/** Routes a facade in front of the monolith already sends to other services (earlier migration steps). */
function carvedOut(ctx: PatternContext, id: string, router: string): string[] {
  return [...new Set(ctx.outgoing(router, REQUESTS).map((c) => c.to))].filter((t) => t !== id && ctx.hasRole(t, 'service'));
}

/** Below this share of the facade's requests, the monolith is nearly gone: the last routes are moved by hand. */
const DONE_BELOW = 0.1;

export default definePattern({
  id: 'strangler-fig',
  name: 'Strangler fig',
  category: 'networking',
  difficulty: 'advanced',
  problem:
    'A monolith has to be replaced, but a big-bang rewrite means years without shipping, a risky cut-over day, and a new system that has never seen production traffic. Meanwhile the monolith keeps changing, so the rewrite chases a moving target.',
  solution:
    'Put a routing facade (an API gateway or a path-routing load balancer) in front of the monolith, then move one route or feature at a time into a new service and point that route at it. The rest keeps going to the monolith. Each step is small, shippable and reversible by changing a route; over time the monolith serves less until it can be switched off. The new service starts on the monolith’s data and gets its own store once the boundary is stable.',
  tradeoffs: {
    latency: 'One more hop through the facade, about 1–30 ms depending on the gateway; a migrated route that still calls back into the monolith pays two.',
    consistency:
      'While both write the same tables, the monolith and the new service must agree on the schema and on who owns which rows; splitting the data later needs change data capture or dual writes with reconciliation.',
    cost: 'Both systems run for the whole migration, often a year or more: the new service’s instances and the facade come on top of the monolith’s full cost until it can be scaled down.',
    operations: 'Two deployment pipelines, two sets of dashboards, and a route table that becomes the migration plan: keep it in version control and track the share of traffic still on the monolith.',
  },
  avoidWhen:
    'The system is small enough to rewrite in a few weeks, requests cannot be intercepted and routed (batch jobs, shared-database integrations), or the monolith is being retired rather than replaced.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      if (!isMonolith(ctx, id)) continue;
      const into = ctx.incoming(id, REQUESTS);
      if (into.length === 0) continue;
      const stores = new Set(ctx.outgoing(id, ['read', 'write']).filter((c) => ctx.hasRole(c.to, 'datastore') && !ctx.hasRole(c.to, 'cache')).map((c) => c.to));
      const rate = ctx.peakRps(id);
      const front = into.find((c) => facade(ctx, c.from))?.from;
      const carved = front ? carvedOut(ctx, id, front) : [];
      let reason: string;
      if (carved.length === 0) {
        reason = `${ctx.name(id)} serves every route itself${rate > 0 ? ` (~${num(rate)} requests/s at peak)` : ''} and owns ${stores.size} datastore${stores.size === 1 ? '' : 's'}: ${front ? `${ctx.name(front)} can route part of its paths` : 'a facade in front can route part of its paths'} to a new service and move the rest one route at a time.`;
      } else {
        const routed = ctx.outgoing(front!, REQUESTS).reduce((s, c) => s + ctx.peakRps(c.id), 0);
        const left = routed > 0 ? into.filter((c) => c.from === front).reduce((s, c) => s + ctx.peakRps(c.id), 0) / routed : 1;
        if (left < DONE_BELOW) continue;
        reason = `${ctx.name(front!)} already routes part of the paths to ${names(carved.map((c) => ctx.name(c)))}, but ${ctx.name(id)} still takes ${Math.round(left * 100)} % of its requests${rate > 0 ? ` (~${num(rate)}/s at peak)` : ''}: the next slice of routes can move to another service.`;
      }
      targets.push({
        components: [id, ...new Set(into.map((c) => c.from)), ...carved],
        connections: into.map((c) => c.id),
        reason,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const monolith = target.components[0]!;
    if (!ctx.component(monolith)) throw new Error(`component ${monolith} is not in the document`);
    const id = idMaker(doc);
    const ops: Op[] = [];
    const into = ctx.incoming(monolith, REQUESTS);
    // the facade: an existing gateway or path-routing load balancer in front, else a new API gateway taking every caller
    let router = into.find((c) => facade(ctx, c.from))?.from;
    let added: string | undefined;
    if (!router) {
      const type = typeFor(doc, 'api-gateway');
      router = added = id(`${monolith}-facade`);
      ops.push(addComponent({ id: router, type, label: 'Routing facade', config: { auth: 'jwt' }, position: near(ctx, monolith, -240, 0) }));
      for (const c of into) {
        ops.push({ op: 'removeConnection', id: c.id });
        const t = fits(c.type, ctx.component(c.from)!.type, type) ? c.type : 'http';
        ops.push(connect(c.from, router, t, keepConfig(t, c.config)));
      }
      ops.push(connect(router, monolith, 'http', { timeoutMs: 30000, share: round3(1 - p.shareMigrated) }));
    } else {
      for (const c of into.filter((c) => c.from === router)) {
        ops.push({ op: 'updateConnection', id: c.id, config: { share: round3((ctx.connectionConfig(c).share as number) * (1 - p.shareMigrated)) } });
      }
    }
    const routed = added ? 1 : into.filter((c) => c.from === router).reduce((s, c) => s + (ctx.connectionConfig(c).share as number), 0);
    const peak = (added ? ctx.peakRps(monolith) : into.filter((c) => c.from === router).reduce((s, c) => s + ctx.peakRps(c.id), 0)) * p.shareMigrated;
    const type = typeFor(doc, 'container-service');
    const service = id(p.serviceName);
    ops.push(
      addComponent({
        id: service,
        type,
        label: p.serviceName,
        notes: `Takes over the migrated routes of ${ctx.name(monolith)} (${Math.round(p.shareMigrated * 100)} % of its requests); starts on its datastores.`,
        config: newServiceConfig(type, peak, peak / ctx.traffic.peakToAverage),
        position: near(ctx, monolith, 0, 140),
      }),
      connect(router, service, 'http', { timeoutMs: 10000, share: round3(routed * p.shareMigrated) }),
      // the new service starts on the monolith's data and reports where it reports
      ...copyOutgoing(ctx, monolith, service, { only: ['read', 'write', 'telemetry'] }).filter((op) => op.op === 'addConnection' && fits(op.connection.type, type, ctx.component(op.connection.to)!.type)),
    );
    return patternChangeSet(
      'strangler-fig',
      `Strangler fig: ${ctx.name(added ?? router)} routes ${Math.round(p.shareMigrated * 100)} % of ${ctx.name(monolith)}'s requests to ${p.serviceName}${added ? ' (new routing facade)' : ''}, the rest to the monolith`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Strangler fig',
    description: 'A Rails monolith on EC2 behind an ALB owns the orders and billing databases; the ALB starts routing one share of its paths to a new service.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 150 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'ALB', config: { auth: 'oidc' }, position: { x: 240, y: 0 } },
      { id: 'monolith', type: 'aws.ec2', label: 'Rails monolith', config: { instanceType: 'm6i.xlarge', replicas: 2 }, position: { x: 480, y: 0 } },
      { id: 'orders-db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true }, position: { x: 720, y: 0 } },
      { id: 'billing-db', type: 'postgresql', label: 'Billing DB', config: { multiAz: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http' },
      { from: 'alb', to: 'monolith', type: 'http', config: { timeoutMs: 30000 } },
      { from: 'monolith', to: 'orders-db', type: 'write' },
      { from: 'monolith', to: 'billing-db', type: 'write' },
    ],
  },
});
