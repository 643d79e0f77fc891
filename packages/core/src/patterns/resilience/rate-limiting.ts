import { z } from 'zod';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt } from './wiring';

type Key = 'client' | 'ip' | 'api-key' | 'user' | 'global';

const params = z.object({
  per: z.enum(['client', 'ip', 'api-key', 'user', 'global']).default('client').describe('What the limit is counted per; products that cannot count that way use their nearest key (said in the summary).'),
  headroom: z.number().min(1).max(20).default(2).describe("Multiple of the traffic model's peak that all callers together may send before the gateway throttles."),
  clientSharePercent: z.number().min(0.1).max(100).default(5).describe('Share of that total one key may use: no single client, IP or user gets more.'),
  minPerKeyRps: z.number().int().min(1).max(1000000).default(10).describe('Smallest per-key limit, so low-traffic designs do not throttle normal use.'),
  burstSeconds: z.number().min(1).max(60).default(2).describe("Burst allowance, in seconds' worth of the sustained rate (token bucket size)."),
});
type Params = z.output<typeof params>;

/** Where the limit lives, per component type, and which keys the product counts by natively. */
const PRODUCTS: Record<string, { keys: readonly Key[]; how: string; via: string }> = {
  'aws.api-gateway': { keys: ['api-key', 'ip', 'global'], how: 'a usage plan per API key (REST API) or an AWS WAF rate-based rule per IP', via: 'usage plans or WAF' },
  'gcp.api-gateway': { keys: ['api-key'], how: 'a per-consumer quota in the API config', via: 'API config quota' },
  'azure.api-management': { keys: ['client', 'ip', 'api-key', 'user', 'global'], how: 'a rate-limit-by-key policy', via: 'rate-limit-by-key policy' },
  kong: { keys: ['client', 'ip', 'api-key', 'global'], how: 'the rate-limiting plugin', via: 'rate-limiting plugin' },
  nginx: { keys: ['ip', 'api-key', 'user', 'global'], how: 'limit_req with a limit_req_zone', via: 'limit_req' },
  cloudflare: { keys: ['ip'], how: 'a rate limiting rule', via: 'rate limiting rule' },
  service: { keys: ['client', 'ip', 'api-key', 'user', 'global'], how: 'an in-process token bucket (shared through Redis across replicas)', via: 'token bucket' },
};

/** The key a product counts by when asked for `wanted`. */
function keyFor(type: string, wanted: Key, config: Record<string, unknown>): Key {
  const { keys } = PRODUCTS[type]!;
  if (type === 'cloudflare' && config.plan === 'enterprise') return wanted;
  if (keys.includes(wanted)) return wanted;
  if (wanted === 'client' || wanted === 'user') return keys.includes('api-key') ? 'api-key' : keys.includes('client') ? 'client' : keys[0]!;
  return keys[0]!;
}

/** Whether a per-client limit is already configured: `rateLimit`, or the older per-consumer fields some products have. */
function limited(ctx: PatternContext, id: string): boolean {
  const c = ctx.config(id);
  if (c.rateLimit !== undefined) return true;
  const type = ctx.component(id)!.type;
  if ((type === 'kong' || type === 'nginx' || type === 'azure.api-management') && c.rateLimitRps !== undefined) return true;
  return type === 'gcp.api-gateway' && c.quotaRequestsPerMinute !== undefined;
}

/** The callers on the internet side: entrypoints directly, or through a CDN they reach. */
function publicCallers(ctx: PatternContext, id: string): string[] {
  const callers = new Set<string>();
  for (const c of ctx.incoming(id, ['http', 'grpc', 'graphql', 'websocket'])) {
    if (ctx.hasRole(c.from, 'entrypoint')) callers.add(c.from);
    else if (ctx.hasRole(c.from, 'cdn')) for (const d of ctx.incoming(c.from)) if (ctx.hasRole(d.from, 'entrypoint')) callers.add(d.from);
  }
  return [...callers];
}

function limits(peak: number, key: Key, p: Params): { requestsPerSecond: number; burst: number } {
  const total = peak > 0 ? Math.ceil(peak * p.headroom) : 1000;
  const requestsPerSecond = key === 'global' ? total : Math.max(p.minPerKeyRps, Math.ceil((total * p.clientSharePercent) / 100));
  return { requestsPerSecond, burst: Math.ceil(requestsPerSecond * p.burstSeconds) };
}

export default definePattern({
  id: 'rate-limiting',
  name: 'Rate limiting',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'A public API is shared by every caller, and the services behind it are sized for the expected peak. One client in a retry loop, a scraper, a partner replaying a day of webhooks or a credential-stuffing run can send more than all the others together; without a per-client limit it consumes the capacity meant for everyone and the backends slow down or fall over for all users, not just for the noisy one.',
  solution:
    'Count requests per key at the edge — per authenticated client, API key, user or source IP — in a token bucket: each key refills at a sustained rate and may burst a little above it. Requests over the limit are rejected at the gateway with 429 Too Many Requests and a Retry-After header, before they cost anything behind it. A global limit above the expected peak protects the backends when many keys spike together. Well-behaved clients back off on 429.',
  tradeoffs: {
    latency: 'Under a millisecond per request for a local counter; distributed counters (Redis, the gateway\'s shared store) add one round trip, ~0.5–1 ms, or are approximate per node.',
    consistency: 'Limits counted per gateway node are approximate (a key may get N nodes × its limit); exact global counting needs a shared store. Legitimate bursts above the limit (a batch import, a sale) are rejected unless the key gets a higher tier.',
    cost: 'Usually free in the gateway; on AWS per-key limits need a REST API (usage plans, WAF), billed at $3.50 per million requests instead of $1.00 for HTTP APIs, and WAF adds $5 per web ACL, $1 per rule and $0.60 per million requests.',
    operations: 'Limits must be set per key tier and revisited as traffic grows; 429 rates per key need a dashboard so a throttled good customer is noticed, and an allow-list or override path is needed for incidents.',
  },
  avoidWhen:
    'The API is internal and every caller is one of your own services (capacity planning and bulkheads fit better), a CDN or WAF in front already limits per client, or the traffic is a few known partners under contract with their own quotas.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const p = params.parse({});
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const type = component.type;
      if (!PRODUCTS[type]) continue;
      const id = component.id;
      const config = ctx.config(id);
      if (type === 'service' && config.public !== true) continue;
      if (type === 'aws.api-gateway' && config.apiType === 'websocket') continue;
      if (limited(ctx, id)) continue;
      const callers = publicCallers(ctx, id);
      if (callers.length === 0) continue;
      const peak = ctx.peakRps(id);
      const key = keyFor(type, p.per, config);
      const limit = limits(peak, key, p);
      const names = callers.map((c) => ctx.name(c));
      const global = typeof config.rateLimitRps === 'number' ? ` It has only a ${fmt(config.rateLimitRps)}/s throttle shared by all callers, so` : ' Nothing limits any caller, so';
      targets.push({
        components: [id, ...callers],
        connections: ctx.incoming(id).filter((c) => callers.includes(c.from) || ctx.hasRole(c.from, 'cdn')).map((c) => c.id),
        reason: `${ctx.name(id)} takes ~${fmt(peak)} requests/s at peak from ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}.${global} one client in a retry loop or a scraper can take the capacity meant for everyone. ${limit.requestsPerSecond}/s per ${key} (burst ${limit.burst}) in ${PRODUCTS[type]!.how} would stop that.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const id = target.components[0]!;
    const component = ctx.component(id);
    if (!component || !PRODUCTS[component.type]) throw new Error(`${id} is not a gateway, edge or service this pattern can rate-limit`);
    const config = ctx.config(id);
    const key = keyFor(component.type, p.per, config);
    const limit = limits(ctx.peakRps(id), key, p);
    const patch: Record<string, unknown> = { rateLimit: { ...limit, per: key } };
    const notes: string[] = [];
    if (key !== p.per) notes.push(`counted per ${key}: no per-${p.per} key here`);
    if (component.type === 'aws.api-gateway' && key !== 'global' && config.apiType !== 'rest') {
      patch.apiType = 'rest';
      notes.push('REST API, needed for both');
    }
    if (component.type === 'gcp.api-gateway') patch.quotaRequestsPerMinute = limit.requestsPerSecond * 60;
    return patternChangeSet(
      'rate-limiting',
      `Rate limit at ${ctx.name(id)}: ${limit.requestsPerSecond}/s per ${key}, burst ${limit.burst}, via ${PRODUCTS[component.type]!.via}${notes.length ? ` (${notes.join('; ')})` : ''}`,
      [{ op: 'updateComponent', id, config: patch }],
    );
  },
  preview: {
    backarch: 1,
    name: 'Rate limiting',
    description: 'A public API used by a web app and partner integrations, with nothing stopping one partner from using all of its capacity.',
    constraints: { cloud: 'azure', region: 'westeurope', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'partners', type: 'client.external', label: 'Partner integrations', position: { x: 0, y: 140 } },
      { id: 'apim', type: 'azure.api-management', label: 'Public API', config: { sku: 'StandardV2', auth: 'api-key' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'azure.container-apps', label: 'Orders', config: { minInstances: 2, maxInstances: 10 }, position: { x: 480, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'apim', type: 'http', config: { timeoutMs: 10000, share: 0.7 } },
      { from: 'partners', to: 'apim', type: 'http', config: { timeoutMs: 10000, share: 0.3 } },
      { from: 'apim', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
    ],
  },
});
