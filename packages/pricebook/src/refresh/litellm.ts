/**
 * litellm `model_prices_and_context_window.json` → `llm` and `embedding` records (VOCABULARY.md, LLM section).
 *
 * Providers booked: `anthropic` → cloud anthropic; `openai` and `text-completion-openai` → openai; `gemini` (the
 * Gemini API) → google; `vertex_ai-language-models` / `vertex_ai-embedding-models` → google too, but only for models
 * the Gemini API entries do not already price (those are "vertex duplicates"; they get `platform: "vertex-ai"`).
 * Everything routed through another platform (bedrock, azure, vertex partner models, openrouter…) is skipped, so each
 * model has one record per price type. sku = the model id as the provider names it: the litellm key without its
 * routing prefix (`gemini/gemini-2.5-flash` → `gemini-2.5-flash`).
 *
 * Price types, all USD per token in litellm, booked per `1M tokens` by a decimal-point shift (3e-06 → "3"):
 * - `tokens: input` ← input_cost_per_token; `output` ← output_cost_per_token (not for embeddings);
 * - `cache-read` ← cache_read_input_token_cost; `cache-write` ← cache_creation_input_token_cost (5-minute write;
 *   the 1-hour write, cache_creation_input_token_cost_above_1hr, is noted as `oneHourUsd`);
 * - `batch: true` ← `*_batches` (Batch API); every other record has `batch: false`.
 * Notes on a record, not separate records (attributes ending in `Usd`/`Threshold`, ignored by record identity):
 * `longContextUsd` + `longContextThreshold` (the price when the prompt is above e.g. 200k tokens, from
 * `*_above_200k_tokens`), `priorityUsd` and `flexUsd` (OpenAI/Gemini service tiers). `deprecationDate` is copied.
 * A price of 0 is not booked (litellm writes 0 for "free preview" and "unknown"; the book never prices paid usage at 0).
 */
import type { PriceRecord } from '@backarch/core';
import { datePart, dedupe, describeKeys, FormatError, isObject, type ParseOptions, type ParseResult, type Skipped } from './types';
import { isDecimal, isZero, shift } from './decimal-text';

export const LITELLM_URL = 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

type Entry = Record<string, unknown>;

const CLOUDS: Record<string, { cloud: string; prefix?: string; platform?: string }> = {
  anthropic: { cloud: 'anthropic' },
  openai: { cloud: 'openai' },
  'text-completion-openai': { cloud: 'openai' },
  gemini: { cloud: 'google', prefix: 'gemini/' },
  'vertex_ai-language-models': { cloud: 'google', prefix: 'vertex_ai/', platform: 'vertex-ai' },
  'vertex_ai-embedding-models': { cloud: 'google', prefix: 'vertex_ai/', platform: 'vertex-ai' },
};

const SERVICES: Record<string, 'llm' | 'embedding'> = { chat: 'llm', responses: 'llm', completion: 'llm', embedding: 'embedding' };

type Tokens = 'input' | 'output' | 'cache-read' | 'cache-write';

interface PriceField {
  tokens: Tokens;
  field: string;
  batch: boolean;
}

const FIELDS: PriceField[] = [
  { tokens: 'input', field: 'input_cost_per_token', batch: false },
  { tokens: 'output', field: 'output_cost_per_token', batch: false },
  { tokens: 'cache-read', field: 'cache_read_input_token_cost', batch: false },
  { tokens: 'cache-write', field: 'cache_creation_input_token_cost', batch: false },
  { tokens: 'input', field: 'input_cost_per_token_batches', batch: true },
  { tokens: 'output', field: 'output_cost_per_token_batches', batch: true },
];

/** USD per token (number or text) → USD per 1M tokens, exact. */
export const perMillion = (value: string | number): string => shift(value, 6);

export interface LitellmOptions extends ParseOptions {
  /** Only these litellm keys (after the provider filter); for tests and partial refreshes. */
  keys?: readonly string[];
}

/** The date litellm's mirror stamped (`last_updated`), if any. */
export function litellmDate(input: unknown): string | undefined {
  return isObject(input) ? datePart(input.last_updated) : undefined;
}

export function parseLitellm(input: unknown, options: LitellmOptions): ParseResult {
  if (!isObject(input) || !Object.values(input).some((v) => isObject(v) && 'litellm_provider' in v)) {
    throw new FormatError(`not a litellm model_prices_and_context_window.json (an object of model entries with litellm_provider); ${describeKeys(input)}`);
  }
  const effectiveDate = options.effectiveDate ?? litellmDate(input);
  if (!effectiveDate) throw new FormatError('the litellm file has no last_updated date; pass an effective date');
  const trust = options.trust ?? 'A';
  const records: PriceRecord[] = [];
  const skipped: Skipped[] = [];
  const wanted = options.keys ? new Set(options.keys) : undefined;
  const entries = Object.entries(input).filter(([key, value]) => key !== 'sample_spec' && isObject(value) && (!wanted || wanted.has(key))) as Array<[string, Entry]>;

  // Gemini API ids first, so a Vertex entry of the same model is recognised as a duplicate.
  const geminiIds = new Set(entries.filter(([, e]) => e.litellm_provider === 'gemini').map(([key]) => key.replace(/^gemini\//, '')));
  const modelsSeen = new Map<string, string>();

  entries.forEach(([key, entry], index) => {
    if (index % 500 === 0) options.onProgress?.(index, entries.length);
    const provider = String(entry.litellm_provider ?? '');
    const route = CLOUDS[provider];
    if (!route) return void skipped.push({ key, reason: `routed through ${provider || 'an unknown provider'}, not anthropic/openai/google's own API` });
    const service = SERVICES[String(entry.mode ?? 'chat')];
    if (!service) return void skipped.push({ key, reason: `mode ${String(entry.mode)} is not priced per text token` });
    const model = route.prefix && key.startsWith(route.prefix) ? key.slice(route.prefix.length) : key;
    if (model.includes('/')) return void skipped.push({ key, reason: 'not a plain model id (size or routing prefix)' });
    if (route.platform === 'vertex-ai' && geminiIds.has(model)) return void skipped.push({ key, reason: `Vertex AI duplicate of gemini/${model} (the Gemini API entry is booked)` });
    const modelKey = `${route.cloud}|${model}`;
    const earlier = modelsSeen.get(modelKey);
    if (earlier !== undefined) {
      // litellm lists some Gemini models both with and without the "gemini/" prefix; the prefixed key is canonical.
      return void skipped.push({ key, reason: `duplicate of ${earlier}` });
    }
    if (provider === 'gemini' && !key.startsWith('gemini/') && entries.some(([k]) => k === `gemini/${model}`)) {
      return void skipped.push({ key, reason: `duplicate of gemini/${model}` });
    }
    modelsSeen.set(modelKey, key);

    const notes = (base: string): Record<string, string | number> => {
      const out: Record<string, string | number> = {};
      for (const [field, value] of Object.entries(entry)) {
        if (!field.startsWith(base) || field === base || !isDecimal(value) || isZero(value)) continue;
        const rest = field.slice(base.length);
        const above = /^_above_(\d+)k_tokens$/.exec(rest);
        if (above) {
          out.longContextThreshold = Number(above[1]) * 1000;
          out.longContextUsd = perMillion(value);
        } else if (rest === '_priority') out.priorityUsd = perMillion(value);
        else if (rest === '_flex') out.flexUsd = perMillion(value);
        else if (rest === '_above_1hr') out.oneHourUsd = perMillion(value);
      }
      return out;
    };

    let booked = 0;
    let noted = false;
    for (const f of FIELDS) {
      if (service === 'embedding' && f.tokens !== 'input') continue;
      const value = entry[f.field];
      if (value === undefined || value === null) continue;
      if (!isDecimal(value)) {
        skipped.push({ key, reason: `${f.field} is not a number (${JSON.stringify(value)})` });
        noted = true;
        continue;
      }
      if (isZero(value)) {
        if (f.field === 'input_cost_per_token') {
          skipped.push({ key, reason: 'input_cost_per_token is 0 (free preview or unknown price); not booked' });
          noted = true;
        }
        continue;
      }
      const attributes: PriceRecord['attributes'] = { tokens: f.tokens, batch: f.batch, ...(f.batch ? {} : notes(f.field)) };
      if (route.platform) attributes.platform = route.platform;
      if (typeof entry.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.deprecation_date)) attributes.deprecationDate = entry.deprecation_date;
      records.push({
        cloud: route.cloud,
        service,
        sku: model,
        region: 'global',
        term: 'on-demand',
        unit: '1M tokens',
        usd: perMillion(value),
        attributes,
        source: { file: options.sourceFile, key, trust },
        effectiveDate,
      });
      booked++;
    }
    if (booked === 0 && !noted) skipped.push({ key, reason: 'no per-token price' });
  });
  options.onProgress?.(entries.length, entries.length);
  return dedupe({ records, skipped });
}
