import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, round3, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { connect, copyTelemetry, fits, FUNCTION_TYPES, keepConfig, mtlsRequired, newServiceConfig, num, serviceCallConfig, telemetrySibling } from '../scalability/wiring';

const params = z.object({
  timeoutMs: z.number().int().min(100).max(60000).default(3000).describe('Timeout of each BFF’s calls to the services behind it.'),
});

const REQUESTS = ['http', 'grpc', 'graphql', 'websocket'];
const KINDS = { 'client.web': 'web', 'client.mobile': 'mobile' } as const;
type Kind = 'web' | 'mobile';
const isBff = (ctx: PatternContext, id: string) => /(^|[^a-z])bff([^a-z]|$)|backend.for.(the.)?frontend/i.test(`${id} ${ctx.component(id)?.label ?? ''}`);

/** Peak request rate reaching `id` from each client kind, following clients and the edges (CDNs, load balancers) in between. */
function ratesByKind(ctx: PatternContext, id: string, depth = 0): Record<Kind | 'other', number> {
  const out = { web: 0, mobile: 0, other: 0 };
  if (depth > 4) return out;
  for (const c of ctx.incoming(id, REQUESTS)) {
    const rate = ctx.peakRps(c.id);
    if (!(rate > 0)) continue;
    const kind = KINDS[ctx.component(c.from)!.type as keyof typeof KINDS];
    if (kind) out[kind] += rate;
    else if (ctx.hasRole(c.from, 'edge') && !ctx.hasRole(c.from, 'entrypoint')) {
      const upstream = ratesByKind(ctx, c.from, depth + 1);
      const sum = upstream.web + upstream.mobile + upstream.other;
      if (sum > 0) for (const k of ['web', 'mobile', 'other'] as const) out[k] += (rate * upstream[k]) / sum;
      else out.other += rate;
    } else out.other += rate;
  }
  return out;
}

export default definePattern({
  id: 'backend-for-frontend',
  name: 'Backend for frontend',
  category: 'networking',
  difficulty: 'intermediate',
  problem:
    'The web app and the mobile apps share one general-purpose API. Each screen needs a different shape of data: the mobile app makes five round trips over a slow network where one would do and downloads fields it never shows, while the web team waits on the mobile release cycle to change an endpoint. The shared API grows flags and versions for every client until nobody dares change it.',
  solution:
    'Put one backend per client kind behind the gateway: a web BFF and a mobile BFF, each owned by the team that owns that front end. A BFF aggregates the calls one screen needs into one response, trims payloads to what the client shows, and handles the client’s own concerns (mobile app versions, web sessions). The gateway routes each client to its BFF; the domain services behind stay generic.',
  tradeoffs: {
    latency:
      'One more hop (1–5 ms inside a region), usually won back many times over: a mobile screen that needed five sequential calls at 100–300 ms each over a cellular network now needs one.',
    cost: 'Two more services to run: at least two small instances each (about $36 a month per BFF for two 0.5 vCPU Fargate tasks), sized here from each client’s share of the traffic.',
    operations:
      'Logic duplicated between BFFs (the same aggregation written twice) drifts unless shared code stays in the domain services; each BFF needs its own deploys, alerts and on-call owner.',
    consistency: 'BFFs must stay thin: business rules that creep into one BFF make web and mobile behave differently for the same action.',
  },
  avoidWhen:
    'There is one client kind, or web and mobile show the same data in the same shape; the team is too small to own a backend per front end; or a GraphQL API already lets each client ask for exactly what it needs.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const gateway of ctx.withRole('gateway')) {
      const rates = ratesByKind(ctx, gateway);
      const out = ctx.outgoing(gateway, REQUESTS);
      if (!(rates.web > 0 && rates.mobile > 0) || out.length === 0) continue;
      if (out.filter((c) => isBff(ctx, c.to)).length >= 2) continue;
      const total = rates.web + rates.mobile + rates.other;
      targets.push({
        components: [gateway, ...new Set(out.map((c) => c.to))],
        connections: out.map((c) => c.id),
        reason: `Web (~${num(rates.web)} requests/s at peak) and mobile (~${num(rates.mobile)}/s) clients share ${ctx.name(gateway)}'s API${rates.other > 0 ? ` with ~${num(rates.other)}/s of other callers` : ''} (${num((rates.mobile / total) * 100)} % mobile): one API shape serves screens and networks that differ.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const gateway = target.components[0]!;
    if (!ctx.hasRole(gateway, 'gateway')) throw new Error(`${gateway} is not a gateway`);
    const rates = ratesByKind(ctx, gateway);
    const total = rates.web + rates.mobile + rates.other;
    const id = idMaker(doc);
    const out = ctx.outgoing(gateway, REQUESTS);
    // BFFs run where the services behind run: functions behind a serverless API, containers otherwise
    const serverless = out.length > 0 && out.every((c) => FUNCTION_TYPES.has(ctx.component(c.to)!.type));
    const type = typeFor(doc, serverless ? 'serverless-function' : 'container-service');
    const sibling = telemetrySibling(ctx, out.find((c) => ctx.hasRole(c.to, 'service'))?.to);
    const ops: Op[] = [];
    const bffs: string[] = [];
    (['web', 'mobile'] as const).forEach((kind, k) => {
      const share = rates[kind] / total;
      const peak = rates[kind];
      const bff = id(`${kind}-bff`);
      bffs.push(bff);
      ops.push(
        addComponent({
          id: bff,
          type,
          label: `${kind === 'web' ? 'Web' : 'Mobile'} BFF`,
          config: newServiceConfig(type, peak, peak / ctx.traffic.peakToAverage),
          position: near(ctx, gateway, 240, k === 0 ? -70 : 70),
        }),
        connect(gateway, bff, 'http', { timeoutMs: p.timeoutMs * 2, ...(mtlsRequired(doc) && { mtls: true }), ...(share < 1 && { share: round3(share) }) }),
      );
      for (const c of out) {
        const t = fits(c.type, type, ctx.component(c.to)!.type) ? c.type : 'http';
        const timeoutMs = (c.config?.timeoutMs as number | undefined) ?? p.timeoutMs;
        const config = { ...keepConfig(t, c.config), ...(ctx.hasRole(c.to, 'service') && serviceCallConfig(doc, timeoutMs)), timeoutMs };
        ops.push(connect(bff, c.to, t, config));
      }
      if (sibling) ops.push(...copyTelemetry(ctx, sibling, bff));
    });
    // what other callers (partners, webhooks) send keeps its direct routes
    const rest = rates.other / total;
    for (const c of out) {
      if (rest > 0) ops.push({ op: 'updateConnection', id: c.id, config: { share: round3((ctx.connectionConfig(c).share as number) * rest) } });
      else ops.push({ op: 'removeConnection', id: c.id });
    }
    return patternChangeSet(
      'backend-for-frontend',
      `Backends for frontends: ${ctx.name(gateway)} routes web traffic to Web BFF and mobile traffic to Mobile BFF (${type}), which call what ${ctx.name(gateway)} called`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Backend for frontend',
    description: 'A web shop and a mobile app share one gateway routing straight to the domain services; one BFF per client kind shapes responses for each.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 140 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalog', config: { autoscaling: { min: 2, max: 8 } }, position: { x: 480, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', config: { autoscaling: { min: 2, max: 6 } }, position: { x: 480, y: 140 } },
      { id: 'db', type: 'postgresql', label: 'Shop DB', config: { multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'catalog', type: 'http', config: { share: 0.7 } },
      { from: 'api', to: 'orders', type: 'http', config: { share: 0.3 } },
      { from: 'catalog', to: 'db', type: 'read' },
      { from: 'orders', to: 'db', type: 'write' },
    ],
  },
});
