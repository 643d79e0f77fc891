import type { Pricer } from '../types';
import { monthlyRequests, usage } from './helpers';

/** Token counts assumed when the component gives no `usage.inputTokensPerRequest` / `outputTokensPerRequest`. */
export const DEFAULT_INPUT_TOKENS = 1500;
export const DEFAULT_OUTPUT_TOKENS = 400;

/** Per-token pricing for a provider's LLM (`service: "llm"`) or embedding models (`service: "embedding"`). */
export function tokenPricer(id: string, vendor: string, kind: 'llm' | 'embedding', types: readonly string[]): Pricer {
  return {
    id,
    cloud: vendor,
    equivalence: [kind],
    types,
    price(ctx) {
      const model = ctx.config.model as string;
      const requests = monthlyRequests(ctx);
      const u = usage(ctx);
      const batch = ctx.config.batch === true;
      const inputTokens = u.inputTokensPerRequest ?? (kind === 'embedding' ? 500 : DEFAULT_INPUT_TOKENS);
      const outputTokens = kind === 'embedding' ? 0 : (u.outputTokensPerRequest ?? DEFAULT_OUTPUT_TOKENS);
      const attributes = (tokens: string) => ({ tokens, batch });
      const items = [
        {
          name: `Input tokens (${model}${batch ? ', batch' : ''})`,
          quantity: (requests * inputTokens) / 1e6,
          unit: '1M tokens',
          price: { cloud: vendor, service: kind, sku: model, region: 'global', attributes: attributes('input') },
          usageBased: true,
        },
      ];
      if (outputTokens > 0) {
        items.push({
          name: `Output tokens (${model}${batch ? ', batch' : ''})`,
          quantity: (requests * outputTokens) / 1e6,
          unit: '1M tokens',
          price: { cloud: vendor, service: kind, sku: model, region: 'global', attributes: attributes('output') },
          usageBased: true,
        });
      }
      const defaults = u.inputTokensPerRequest === undefined || (kind === 'llm' && u.outputTokensPerRequest === undefined);
      return {
        product: `${ctx.def.name} ${model}`,
        sku: model,
        items,
        notes: [`${inputTokens} input${kind === 'llm' ? ` and ${outputTokens} output` : ''} tokens per request${defaults ? ' (defaults; set usage.inputTokensPerRequest/outputTokensPerRequest)' : ''}`],
      };
    },
  };
}
