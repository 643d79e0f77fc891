import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, round3, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, connect, fits, keepConfig, names, num } from '../scalability/wiring';

const params = z.object({
  cacheHitRatio: z.number().min(0).max(0.99).default(0.8).describe('Share of the web requests the edge answers from its cache (static assets reach 0.95+, API responses far less).'),
});

/**
 * Origins a web client fetches from with no CDN in between: gateways and load balancers, and static-asset buckets that
 * no service of ours reads (an uploads bucket that workers read is data, not assets).
 */
function origins(ctx: PatternContext, client: string): Connection[] {
  return ctx.outgoing(client, ['http']).filter((c) => {
    if (ctx.hasRole(c.to, 'cdn')) return false;
    if (ctx.hasRole(c.to, 'gateway') || ctx.hasRole(c.to, 'load-balancer')) return true;
    if (!ctx.hasRole(c.to, 'static-content') || ctx.config(c.to).personalData === true) return false;
    return !ctx.incoming(c.to, ['read']).some((r) => ctx.hasRole(r.from, 'service'));
  });
}

export default definePattern({
  id: 'cdn-edge-caching',
  name: 'CDN edge caching',
  category: 'networking',
  difficulty: 'beginner',
  problem:
    'Browsers fetch the web bundle, images and cacheable API responses straight from the origin in one region. Users far away wait a full round trip to that region for every asset, the origin serves the same bytes millions of times, and every byte leaves through the cloud’s internet egress at its most expensive rate.',
  solution:
    'A CDN terminates the browsers’ connections at edge locations near them and answers from its cache whatever the origin marks cacheable (hashed static assets for a year, public API responses for seconds to minutes); only misses travel to the origin, over the provider’s backbone. The origin sees a fraction of the requests, and most of the bytes are served at CDN rates.',
  tradeoffs: {
    latency: 'Cache hits come back from a nearby edge in 10–40 ms instead of a 100–250 ms round trip across continents; misses pay an extra hop of a few milliseconds.',
    consistency:
      'Cached content is stale until its TTL expires or it is invalidated: deploys must use content-hashed asset names or invalidate paths, and personalised or authenticated responses must be marked private so they are never cached.',
    cost: 'CloudFront charges $0.085/GB for the first 10 TB in North America and Europe, below EC2 internet egress at $0.09/GB, and origin-to-CloudFront transfer is free; the larger saving is the origin capacity the hits no longer use.',
    operations: 'Cache keys, TTLs and invalidations become part of every release, and the CDN’s logs and hit-ratio metrics must be watched to catch a config that caches nothing (or too much).',
  },
  avoidWhen:
    'Responses are all personalised or change on every request (authenticated dashboards, real-time APIs), users are all in the origin’s region, or the traffic is so small that the CDN’s fixed cost outweighs the egress saved.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const { cacheHitRatio } = params.parse({});
    const targets: PatternTarget[] = [];
    for (const client of ctx.doc.components.filter((c) => c.type === 'client.web').map((c) => c.id)) {
      const direct = origins(ctx, client);
      if (direct.length === 0) continue;
      const rate = direct.reduce((s, c) => s + ctx.peakRps(c.id), 0);
      const egress = direct.reduce((s, c) => s + egressGb(ctx, c), 0);
      targets.push({
        components: [client, ...direct.map((c) => c.to)],
        connections: direct.map((c) => c.id),
        reason: `${ctx.name(client)} fetches from ${names(direct.map((c) => ctx.name(c.to)))} with no CDN${rate > 0 ? ` (~${num(rate)} requests/s at peak, ~${num(egress)} GB a month of responses from the origin)` : ''}: at a ${Math.round(cacheHitRatio * 100)} % hit ratio the edge would answer ${rate > 0 ? `~${num(rate * cacheHitRatio)} requests/s and ~${num(egress * cacheHitRatio)} GB a month` : 'most requests'} near the users.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const client = target.components[0]!;
    const direct = origins(ctx, client).filter((c) => target.connections.includes(c.id));
    if (direct.length === 0) throw new Error(`${client} fetches from no origin without a CDN`);
    const id = idMaker(doc);
    const type = typeFor(doc, 'cdn');
    const cdn = id('cdn');
    const keys = configKeys(type);
    const ops: Op[] = [
      addComponent({ id: cdn, type, label: 'CDN', config: keys.has('cacheHitRatio') ? { cacheHitRatio: p.cacheHitRatio } : {}, position: near(ctx, client, 240, 140) }),
    ];
    const share = Math.min(1, direct.reduce((s, c) => s + (ctx.connectionConfig(c).share as number), 0));
    ops.push(connect(client, cdn, 'http', { ...keepConfig('http', direct[0]!.config, ['share']), ...(share < 1 && { share: round3(share) }) }));
    for (const c of direct) {
      ops.push({ op: 'removeConnection', id: c.id });
      const part = (ctx.connectionConfig(c).share as number) / share;
      const storage = ctx.hasRole(c.to, 'object-storage');
      const t = storage && fits('read', type, ctx.component(c.to)!.type) ? 'read' : 'http';
      ops.push(connect(cdn, c.to, t, { ...(t === 'http' && { timeoutMs: 30000 }), ...(part < 1 && { share: round3(part) }) }));
      // a bucket behind the CDN is read through it (origin access control), not from the internet
      if (storage && ctx.config(c.to).public === true) ops.push({ op: 'updateComponent', id: c.to, config: { public: false } });
    }
    const egress = direct.reduce((s, c) => s + egressGb(ctx, c), 0);
    return patternChangeSet(
      'cdn-edge-caching',
      `CDN (${type}) in front of ${names(direct.map((c) => ctx.name(c.to)))} for ${ctx.name(client)}: ${Math.round(p.cacheHitRatio * 100)} % hit ratio${egress > 0 ? `, ~${num(egress * p.cacheHitRatio)} GB a month served from the edge` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'CDN edge caching',
    description: 'Browsers load the web bundle from an S3 bucket and call the API directly; a CDN in front answers most of it at the edge.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 500 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'assets', type: 'aws.s3', label: 'Web bundle', config: { public: true }, position: { x: 240, y: 140 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'catalog', type: 'aws.lambda', label: 'Catalog', position: { x: 480, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'assets', type: 'http', config: { share: 0.6 } },
      { from: 'web', to: 'api', type: 'http', config: { share: 0.4 } },
      { from: 'api', to: 'catalog', type: 'http' },
    ],
  },
});

/** GB a month the origin sends back over this client connection (the traffic model’s response size, 10 KB by default). */
function egressGb(ctx: PatternContext, c: Connection): number {
  const load = ctx.traffic.components.get(c.to);
  const total = ctx.peakRps(c.to);
  if (!load || !(total > 0)) return 0;
  return load.egressGb * (ctx.peakRps(c.id) / total);
}
