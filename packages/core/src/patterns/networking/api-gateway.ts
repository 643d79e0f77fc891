import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, round3, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, connect, fits, keepConfig, names, num } from '../scalability/wiring';

const params = z.object({
  auth: z.enum(['jwt', 'oauth2', 'oidc', 'api-key', 'iam', 'mtls']).default('jwt').describe('How the gateway authenticates callers.'),
  rateLimitRps: z.number().int().min(0).default(0).describe('Steady-state throttle set on the gateway where the type has one, in requests per second; 0 sizes it at twice the traffic model’s peak.'),
});

const REQUESTS = ['http', 'grpc', 'graphql', 'websocket'];

/** Layer-7 load balancers and CDNs that pass client requests on without being an API gateway. */
const passThrough = (ctx: PatternContext, id: string) => !ctx.hasRole(id, 'gateway') && (ctx.hasRole(id, 'load-balancer') || ctx.hasRole(id, 'cdn'));

/**
 * Where client requests reach our services with no API gateway on the way: services called by clients, and load
 * balancers (reached from clients, possibly through a CDN) forwarding to services. With the connections that bring
 * the requests in.
 */
function entries(ctx: PatternContext): Array<{ id: string; via: Connection[]; behind: string[] }> {
  const found: Array<{ id: string; via: Connection[]; behind: string[] }> = [];
  const fromOutside = (c: Connection) => ctx.hasRole(c.from, 'entrypoint') || (ctx.hasRole(c.from, 'cdn') && !ctx.hasRole(c.from, 'gateway'));
  for (const id of ctx.doc.components.map((c) => c.id)) {
    const via = ctx.incoming(id, REQUESTS).filter(fromOutside);
    if (via.length === 0) continue;
    if (ctx.hasRole(id, 'service')) {
      found.push({ id, via, behind: [id] });
    } else if (passThrough(ctx, id) && ctx.hasRole(id, 'load-balancer')) {
      const behind = [...new Set(ctx.outgoing(id, REQUESTS).map((c) => c.to))].filter((t) => ctx.hasRole(t, 'service'));
      const open = behind.filter((t) => { const a = ctx.config(t).auth; return a === undefined || a === 'none'; });
      if (behind.length >= 2 || open.length > 0) found.push({ id, via, behind });
    }
  }
  return found;
}

export default definePattern({
  id: 'api-gateway',
  name: 'API gateway',
  category: 'networking',
  difficulty: 'beginner',
  problem:
    'Clients call services directly, or through a load balancer that only spreads connections. Every service then has to authenticate callers, throttle abusive clients, terminate TLS, version its routes and log requests on its own, each a little differently, and the internal service layout is baked into the clients: splitting or moving a service breaks the apps in the field.',
  solution:
    'One API gateway of the cloud (Amazon API Gateway, Google API Gateway, Azure API Management) becomes the single public entry. It validates tokens or keys before a request reaches any service, applies rate limits and quotas per client, and routes each path to the service behind it, so services can be split, moved or versioned behind stable public routes. The services and load balancers behind it stop being reachable from the internet.',
  tradeoffs: {
    latency: 'One more hop: a managed gateway adds about 5–30 ms per request (token validation cached), a self-run one like Kong 1–3 ms.',
    cost: 'Managed gateways bill per request: Amazon HTTP APIs $1.00 per million (REST APIs $3.50), Google API Gateway $3.00 per million after 2 million free, Azure API Management by tier from Consumption at $3.50 per million calls.',
    operations:
      'The gateway is on every request’s path: its route table, auth configuration and limits are now deployment artefacts to review and version, and its quotas (10,000 requests/s per region by default on Amazon API Gateway) must be raised ahead of growth.',
    consistency: 'Authentication moves to the edge: services must still check authorisation (who may do what) from the claims the gateway forwards, and must not be reachable around it.',
  },
  avoidWhen:
    'There is a single internal client, services already sit behind a gateway (a second one only adds latency), or the traffic is not request/response (raw TCP, UDP, streaming protocols the gateway cannot carry).',
  addresses: ['auth'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const found = entries(ctx);
    if (found.length === 0) return [];
    const clients = [...new Set(found.flatMap((e) => e.via.map((c) => c.from)))];
    const behind = [...new Set(found.flatMap((e) => e.behind))];
    const open = behind.filter((t) => { const a = ctx.config(t).auth; return a === undefined || a === 'none'; });
    const rate = found.reduce((sum, e) => sum + e.via.reduce((s, c) => s + ctx.peakRps(c.id), 0), 0);
    const lbs = found.filter((e) => !ctx.hasRole(e.id, 'service')).map((e) => ctx.name(e.id));
    const target: PatternTarget = {
      components: [...found.map((e) => e.id), ...clients],
      connections: found.flatMap((e) => e.via.map((c) => c.id)),
      reason: `${names(clients.map((c) => ctx.name(c)))} reach ${names(behind.map((b) => ctx.name(b)))}${lbs.length > 0 ? ` through ${names(lbs)}` : ' directly'}${rate > 0 ? ` (~${num(rate)} requests/s at peak)` : ''} with no API gateway on the way${open.length > 0 ? `; ${names(open.map((o) => ctx.name(o)))} ${open.length === 1 ? 'does' : 'do'} not authenticate callers` : ''}: auth, rate limits and routing are left to each service.`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const found = entries(ctx).filter((e) => target.components.includes(e.id));
    if (found.length === 0) throw new Error('no client-facing service or load balancer at this target');
    const id = idMaker(doc);
    const type = typeFor(doc, 'api-gateway');
    const gateway = id('api-gateway');
    const keys = configKeys(type);
    const rate = found.reduce((sum, e) => sum + e.via.reduce((s, c) => s + ctx.peakRps(c.id), 0), 0);
    const limit = p.rateLimitRps > 0 ? p.rateLimitRps : Math.max(10, Math.ceil((rate * 2) / 10) * 10);
    const config: Record<string, unknown> = { auth: p.auth, ...(keys.has('rateLimitRps') && { rateLimitRps: limit }) };
    const ops: Op[] = [addComponent({ id: gateway, type, label: 'API gateway', config, position: near(ctx, found[0]!.id, -120, -140) })];
    // each caller keeps one connection to the gateway carrying what it sent; the gateway splits by the old rates
    const bySource = new Map<string, Connection[]>();
    for (const e of found) for (const c of e.via) bySource.set(c.from, [...(bySource.get(c.from) ?? []), c]);
    for (const [source, list] of bySource) {
      for (const c of list) ops.push({ op: 'removeConnection', id: c.id });
      const share = Math.min(1, list.reduce((s, c) => s + (ctx.connectionConfig(c).share as number), 0));
      const first = list[0]!;
      const t = fits(first.type, ctx.component(source)!.type, type) ? first.type : 'http';
      ops.push(connect(source, gateway, t, { ...keepConfig(t, first.config, ['share']), ...(share < 1 && { share: round3(share) }) }));
    }
    const total = found.reduce((sum, e) => sum + e.via.reduce((s, c) => s + ctx.peakRps(c.id), 0), 0);
    for (const e of found) {
      const entryRate = e.via.reduce((s, c) => s + ctx.peakRps(c.id), 0);
      const share = found.length === 1 ? 1 : total > 0 ? entryRate / total : 1 / found.length;
      ops.push(connect(gateway, e.id, 'http', { timeoutMs: 10000, ...(share < 1 && { share: round3(share) }) }));
      // what sat behind a gateway is no longer reachable from the internet on its own
      if (ctx.component(e.id)!.config?.public === true || (configKeys(ctx.component(e.id)!.type).has('public') && ctx.config(e.id).public === true)) {
        ops.push({ op: 'updateComponent', id: e.id, config: { public: false } });
      }
    }
    return patternChangeSet(
      'api-gateway',
      `API gateway (${type}, auth ${p.auth}${keys.has('rateLimitRps') ? `, ${num(limit)} requests/s limit` : ''}) in front of ${names(found.map((e) => ctx.name(e.id)))}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'API gateway',
    description: 'The web and mobile apps call the Orders and Accounts services directly; an API gateway with JWT auth becomes their single entry.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 140 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 240, y: 0 } },
      { id: 'accounts', type: 'service', label: 'Accounts', position: { x: 240, y: 140 } },
      { id: 'db', type: 'postgresql', label: 'Shop DB', config: { multiAz: true }, position: { x: 480, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'orders', type: 'http', config: { share: 0.7 } },
      { from: 'web', to: 'accounts', type: 'http', config: { share: 0.3 } },
      { from: 'mobile', to: 'orders', type: 'http' },
      { from: 'orders', to: 'db', type: 'write' },
      { from: 'accounts', to: 'db', type: 'write' },
    ],
  },
});
