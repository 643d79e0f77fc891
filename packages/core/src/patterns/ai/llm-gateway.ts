import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { copyTelemetry, fmt, names, share3, underStrictCompliance } from '../security/wiring';

const FALLBACKS = {
  'claude-haiku-4-5': { type: 'llm.anthropic', label: 'Claude Haiku (fallback)' },
  'gpt-5-mini': { type: 'llm.openai', label: 'GPT-5 mini (fallback)' },
  'gemini-2.5-flash': { type: 'llm.google', label: 'Gemini Flash (fallback)' },
} as const;
type FallbackModel = keyof typeof FALLBACKS;

const DEFAULT_HIT_RATIO = 0.2;

const params = z.object({
  cacheHitRatio: z.number().min(0).max(0.95).default(DEFAULT_HIT_RATIO).describe('Fraction of requests answered from the response cache (identical prompts) without calling a model.'),
  fallbackModel: z
    .enum(['auto', 'claude-haiku-4-5', 'gpt-5-mini', 'gemini-2.5-flash', 'none'])
    .default('auto')
    .describe('Second model the gateway fails over to: "auto" picks a cheaper model of another vendor; "none" adds none. Not added when the callers already use two models.'),
  fallbackShare: z.number().min(0).max(0.5).default(0.05).describe('Fraction of model calls served by the fallback (outages, rate limits, overflow).'),
  cacheTtlSeconds: z.number().int().min(10).max(604800).default(3600).describe('How long a cached response is served.'),
});

const CALLS = ['http', 'grpc', 'graphql'];
/** Caller config that describes that service, not the platform: not copied to the gateway. */
const PER_SERVICE = new Set(['usage', 'health', 'personalData', 'public', 'auth', 'autoscaling', 'capacityRpsPerInstance', 'replicas', 'minInstances', 'maxInstances', 'term']);
const DEFAULT_TOKENS = { input: 1500, output: 400 }; // the pricing engine's defaults without usage overrides

/** A service shaped like an LLM gateway: called only by our services, calling models and reading a cache. */
function isGateway(ctx: PatternContext, id: string): boolean {
  const callers = ctx.incoming(id).filter((c) => c.type !== 'telemetry');
  const llms = new Set(ctx.outgoing(id, CALLS).filter((c) => ctx.hasRole(c.to, 'llm')).map((c) => c.to));
  return callers.length > 0 && callers.every((c) => ctx.hasRole(c.from, 'service')) && llms.size >= 1 && ctx.outgoing(id, ['read']).some((c) => ctx.hasRole(c.to, 'cache'));
}

function directCalls(ctx: PatternContext): Connection[] {
  return ctx.doc.connections.filter((c) => CALLS.includes(c.type) && ctx.hasRole(c.to, 'llm') && ctx.hasRole(c.from, 'service') && !isGateway(ctx, c.from));
}

function fallbackFor(primaryType: string | undefined, choice: z.infer<typeof params>['fallbackModel']): FallbackModel | undefined {
  if (choice === 'none') return undefined;
  if (choice !== 'auto') return choice;
  return primaryType === 'llm.openai' ? 'claude-haiku-4-5' : 'gpt-5-mini';
}

/** Tokens per month the calls carry, from the traffic model and the models' usage (or the pricing defaults). */
function monthlyTokens(ctx: PatternContext, calls: Connection[]): number {
  return calls.reduce((sum, c) => {
    const usage = (ctx.config(c.to).usage ?? {}) as { inputTokensPerRequest?: number; outputTokensPerRequest?: number };
    const requests = ctx.traffic.connections.get(c.id)?.monthlyRequests ?? 0;
    return sum + requests * ((usage.inputTokensPerRequest ?? DEFAULT_TOKENS.input) + (usage.outputTokensPerRequest ?? DEFAULT_TOKENS.output));
  }, 0);
}

export default definePattern({
  id: 'llm-gateway',
  name: 'LLM gateway with cache and fallback',
  category: 'ai',
  difficulty: 'intermediate',
  problem:
    "Services call model providers directly, each with its own API key, retry logic and model name. When the provider has an incident or rate-limits the account, every feature built on it fails at once; identical prompts are paid for again and again; and nobody can say which service spent what, or switch models without redeploying them all.",
  solution:
    'One internal gateway (LiteLLM, Portkey, Envoy AI Gateway or a thin service) takes every model call over one API. It answers repeated prompts from a response cache, enforces per-service quotas and budgets, records tokens and cost per caller, holds the provider keys, and routes: to the primary model normally, to a fallback model of another vendor on errors, timeouts or rate limits. Changing a model or a provider becomes a gateway configuration change.',
  tradeoffs: {
    latency: 'A gateway hop adds ~2–10 ms to calls that take seconds; a cache hit answers in ~1–5 ms instead. Failover adds the failed attempt\'s timeout unless the gateway trips a breaker on the primary first.',
    consistency: 'Cached answers are exact-prompt matches served for the TTL: prompts that depend on fresh data must carry it in the prompt or bypass the cache. The fallback model answers differently (style, quality, tool-call format), so prompts and output parsing must be tested on both.',
    cost: 'Each cache hit saves a whole call: at a 20 % hit ratio, 20 % of the token bill; fallback traffic on a cheaper model costs less per token. The gateway costs two small instances and a Redis cache; BackArch prices the change from the price book when you compare.',
    operations: 'The gateway is on the path of every AI feature: it needs two or more instances, its own alerts (error rate per provider, cache hit ratio, budget burn), and key rotation moves into it.',
  },
  avoidWhen:
    'One service makes a handful of model calls a day, prompts are never repeated (no cache benefit), or a managed platform already fronts the models with quotas, caching and failover (Bedrock cross-region inference, Vertex AI with provisioned throughput).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const calls = directCalls(ctx);
    if (calls.length === 0) return [];
    const callers = [...new Set(calls.map((c) => c.from))].sort((a, b) => ctx.peakRps(b) - ctx.peakRps(a));
    const llms = [...new Set(calls.map((c) => c.to))];
    const tokens = monthlyTokens(ctx, calls);
    const h = DEFAULT_HIT_RATIO;
    const target: PatternTarget = {
      components: [...callers, ...llms],
      connections: calls.map((c) => c.id),
      reason: `${names(callers.map((id) => ctx.name(id)))} call${callers.length === 1 ? 's' : ''} ${names(llms.map((id) => ctx.name(id)))} directly${tokens > 0 ? `, ~${fmt(tokens / 1e6)} million tokens a month; at a ${h * 100} % cache hit ratio ~${fmt((tokens * h) / 1e6)} million of them would not be sent` : ''}; ${
        llms.length >= 2
          ? `failover, keys and token accounting live in ${callers.length === 1 ? 'its' : 'each caller\'s'} own code, with no per-caller quotas or shared cache.`
          : `a provider outage or rate limit stops ${callers.length === 1 ? 'it' : 'them'} with no fallback in between.`
      }`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const calls = directCalls(ctx).filter((c) => target.connections.includes(c.id));
    if (calls.length === 0) throw new Error('no direct model call at this target');
    const make = idMaker(doc);
    const strict = underStrictCompliance(doc);
    const callers = [...new Set(calls.map((c) => c.from))];
    const llms = [...new Set(calls.map((c) => c.to))];
    const anchor = callers[0]!;
    const ops: Op[] = calls.map((c) => ({ op: 'removeConnection' as const, id: c.id }));

    const gateway = make('llm-gateway');
    const peak = calls.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
    // on the caller's platform, so the team runs no new technology; a generic container service otherwise
    const platform = ctx.component(anchor)!;
    const shape = ctx.def(anchor)!.config.shape as Record<string, unknown>;
    const inherited = Object.fromEntries(Object.entries(platform.config ?? {}).filter(([k]) => !PER_SERVICE.has(k)));
    const replicas = Math.max(2, Math.ceil(peak / 35));
    const sameType = 'replicas' in shape || 'minInstances' in shape || ctx.hasRole(anchor, 'serverless');
    ops.push(
      addComponent({
        id: gateway,
        type: sameType ? platform.type : 'service',
        label: 'LLM gateway',
        config: sameType
          ? { ...inherited, ...('replicas' in shape && { replicas }), ...('minInstances' in shape && { minInstances: Math.max(2, (inherited.minInstances as number | undefined) ?? 0) }) }
          : { replicas, vcpus: 0.5, memoryMb: 1024 },
        position: near(ctx, anchor, 240, 140),
        notes: `Response cache TTL ${p.cacheTtlSeconds} s (expected hit ratio ${Math.round(p.cacheHitRatio * 100)} %); holds the provider keys; per-caller quotas and token accounting; fails over on 5xx, timeouts and 429s.`,
      }),
    );
    const cache = make('llm-cache');
    ops.push(
      addComponent({
        id: cache,
        type: 'redis',
        label: 'LLM response cache',
        config: { engine: 'valkey', memoryGb: 2, readReplicas: 1, multiAz: true, ...(strict && doc.constraints.cloud === 'aws' && { encryptedAtRest: true }) },
        position: near(ctx, anchor, 480, 280),
      }),
    );
    const miss = 1 - p.cacheHitRatio;
    ops.push(addConnection({ from: gateway, to: cache, type: 'read', config: { timeoutMs: 50 } }));
    ops.push(addConnection({ from: gateway, to: cache, type: 'write', config: { share: share3(miss) } }));

    // each caller sends the gateway what it sent the models; the gateway splits the misses over the models by rate
    const timeout = Math.max(...calls.map((c) => (ctx.connectionConfig(c).timeoutMs as number | undefined) ?? 60000));
    for (const caller of callers) {
      const mine = calls.filter((c) => c.from === caller);
      const share = Math.min(1, mine.reduce((sum, c) => sum + ((ctx.connectionConfig(c).share as number | undefined) ?? 1), 0));
      ops.push(addConnection({ from: caller, to: gateway, type: 'http', config: { circuitBreaker: true, timeoutMs: timeout, ...(share < 1 && { share: share3(share) }), ...(strict && { mtls: true }) } }));
    }
    const rates = new Map(llms.map((l) => [l, calls.filter((c) => c.to === l).reduce((sum, c) => sum + ctx.peakRps(c.id), 0)]));
    const total = [...rates.values()].reduce((a, b) => a + b, 0);
    const fallback = llms.length >= 2 ? undefined : fallbackFor(ctx.component(llms[0]!)?.type, p.fallbackModel);
    const primaryShare = fallback ? 1 - p.fallbackShare : 1;
    for (const llm of llms) {
      const part = total > 0 ? rates.get(llm)! / total : 1 / llms.length;
      ops.push(addConnection({ from: gateway, to: llm, type: 'http', config: { timeoutMs: timeout, retries: 1, share: share3(miss * part * primaryShare) } }));
    }
    let fallbackName = '';
    if (fallback) {
      const spec = FALLBACKS[fallback];
      const id = make('llm-fallback');
      const usage = ctx.config(llms[0]!).usage as Record<string, unknown> | undefined;
      ops.push(addComponent({ id, type: spec.type, label: spec.label, config: { model: fallback, ...(usage && { usage: { ...usage } }) }, position: near(ctx, llms[0]!, 0, 140) }));
      ops.push(addConnection({ from: gateway, to: id, type: 'http', config: { timeoutMs: timeout, share: share3(miss * p.fallbackShare) } }));
      fallbackName = `, ${fallback} as fallback for ${Math.round(p.fallbackShare * 100)} % of calls`;
    }
    ops.push(...copyTelemetry(doc, anchor, gateway));
    const tokens = monthlyTokens(ctx, calls);
    return patternChangeSet(
      'llm-gateway',
      `LLM gateway for ${names(callers.map((id) => ctx.name(id)), 3)}: Redis response cache (${Math.round(p.cacheHitRatio * 100)} % hits${tokens > 0 ? `, ~${fmt((tokens * p.cacheHitRatio) / 1e6)}M tokens/month saved` : ''})${fallbackName}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'LLM gateway',
    description: 'Two product services call OpenAI directly with their own keys; an OpenAI incident takes both features down.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 20 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'support', type: 'service', label: 'Support bot', position: { x: 480, y: 0 } },
      { id: 'search', type: 'service', label: 'Smart search', position: { x: 480, y: 140 } },
      { id: 'gpt', type: 'llm.openai', label: 'GPT-5', config: { model: 'gpt-5', usage: { inputTokensPerRequest: 2000, outputTokensPerRequest: 500 } }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'support', type: 'http', config: { timeoutMs: 60000, share: 0.4 } },
      { from: 'gateway', to: 'search', type: 'http', config: { timeoutMs: 10000, share: 0.6 } },
      { from: 'support', to: 'gpt', type: 'http', config: { timeoutMs: 60000 } },
      { from: 'search', to: 'gpt', type: 'http', config: { timeoutMs: 10000, share: 0.5 } },
    ],
  },
});
