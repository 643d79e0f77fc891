import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { traffic } from '../../traffic/traffic';
import pattern from './llm-gateway';

/** A support assistant on AWS calling Claude Sonnet directly. */
const assistant = parseDocumentOrThrow({
  backarch: 1,
  name: 'Assistant',
  constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 10 } },
  components: [
    { id: 'web', type: 'client.web' },
    { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' } },
    { id: 'bot', type: 'aws.ecs', label: 'Support bot', config: { vcpus: 1, memoryMb: 2048, replicas: 2, personalData: true } },
    { id: 'claude', type: 'llm.anthropic', label: 'Claude', config: { usage: { inputTokensPerRequest: 3000, outputTokensPerRequest: 500 } } },
  ],
  connections: [
    { from: 'web', to: 'api', type: 'http' },
    { from: 'api', to: 'bot', type: 'http', config: { timeoutMs: 60000 } },
    { from: 'bot', to: 'claude', type: 'http', config: { timeoutMs: 45000 } },
  ],
});

describe('llm-gateway', () => {
  const [target] = pattern.appliesTo(assistant);

  it('routes the model calls through a gateway on the caller platform, with a cache and a fallback of another vendor', () => {
    expect(target!.components).toEqual(['bot', 'claude']);
    expect(pattern.apply(assistant, target!)).toEqual({
      origin: 'pattern:llm-gateway',
      summary: 'LLM gateway for Support bot: Redis response cache (20 % hits, ~6,132M tokens/month saved), gpt-5-mini as fallback for 5 % of calls',
      ops: [
        { op: 'removeConnection', id: 'bot->claude:http' },
        {
          op: 'addComponent',
          component: {
            id: 'llm-gateway',
            type: 'aws.ecs',
            label: 'LLM gateway',
            notes: 'Response cache TTL 3600 s (expected hit ratio 20 %); holds the provider keys; per-caller quotas and token accounting; fails over on 5xx, timeouts and 429s.',
            config: { vcpus: 1, memoryMb: 2048, replicas: 2 },
          },
        },
        { op: 'addComponent', component: { id: 'llm-cache', type: 'redis', label: 'LLM response cache', config: { engine: 'valkey', memoryGb: 2, readReplicas: 1, multiAz: true } } },
        { op: 'addConnection', connection: { from: 'llm-gateway', to: 'llm-cache', type: 'read', config: { timeoutMs: 50 } } },
        { op: 'addConnection', connection: { from: 'llm-gateway', to: 'llm-cache', type: 'write', config: { share: 0.8 } } },
        { op: 'addConnection', connection: { from: 'bot', to: 'llm-gateway', type: 'http', config: { circuitBreaker: true, timeoutMs: 45000 } } },
        { op: 'addConnection', connection: { from: 'llm-gateway', to: 'claude', type: 'http', config: { timeoutMs: 45000, retries: 1, share: 0.76 } } },
        {
          op: 'addComponent',
          component: { id: 'llm-fallback', type: 'llm.openai', label: 'GPT-5 mini (fallback)', config: { model: 'gpt-5-mini', usage: { inputTokensPerRequest: 3000, outputTokensPerRequest: 500 } } },
        },
        { op: 'addConnection', connection: { from: 'llm-gateway', to: 'llm-fallback', type: 'http', config: { timeoutMs: 45000, share: 0.04 } } },
      ],
    });
  });

  it('sends the models only the cache misses, split by the fallback share', () => {
    const after = applyChangeSet(assistant, pattern.apply(assistant, target!, { cacheHitRatio: 0.5, fallbackShare: 0.1 }));
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    const load = traffic(after.document).components;
    expect(load.get('claude')!.peakRps).toBeCloseTo(10 * 0.5 * 0.9);
    expect(load.get('llm-fallback')!.peakRps).toBeCloseTo(10 * 0.5 * 0.1);
    expect(pattern.appliesTo(after.document)).toEqual([]);
  });
});
