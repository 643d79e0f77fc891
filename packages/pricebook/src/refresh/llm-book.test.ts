import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatBookFile } from './book-file';
import { basePrice, findGenaiModel, pricesOn, type GenaiProvider } from './genai-prices';
import { buildLlmBook, LLM_SOURCE_FILE } from './llm-book';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../../shared/pricing-sources/', import.meta.url).pathname;
const litellm = JSON.parse(readFileSync(`${SOURCES}/${LLM_SOURCE_FILE}`, 'utf8')) as unknown;
const genai = JSON.parse(readFileSync(`${SOURCES}/llm/genai-prices-v2-data.json`, 'utf8')) as GenaiProvider[];
const committed = readFileSync(new URL('../../data/llm.json', import.meta.url), 'utf8');
const { book, result } = buildLlmBook(litellm);
const models = [...new Set(book.records.map((r) => `${r.cloud}/${r.sku}`))];
const price = (cloud: string, sku: string, tokens: string) => book.records.find((r) => r.cloud === cloud && r.sku === sku && r.attributes.tokens === tokens && r.attributes.batch === false);

describe('data/llm.json', () => {
  it('is what scripts/build-llm.ts generates from the litellm file (run `npm run build:llm -w @backarch/pricebook`)', () => {
    expect(committed).toBe(formatBookFile(book));
  });

  it('holds current Claude, GPT and Gemini models and their embedding models', () => {
    for (const model of [
      'anthropic/claude-sonnet-4-5',
      'anthropic/claude-haiku-4-5',
      'anthropic/claude-opus-4-1',
      'anthropic/claude-opus-4-5',
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'openai/gpt-4.1',
      'openai/gpt-5',
      'openai/gpt-5-mini',
      'openai/text-embedding-3-small',
      'openai/text-embedding-3-large',
      'google/gemini-2.5-flash',
      'google/gemini-2.5-pro',
      'google/gemini-embedding-001',
    ]) {
      expect(models).toContain(model);
    }
    expect(book.meta).toEqual({ cloud: 'llm', sources: [{ file: LLM_SOURCE_FILE, trust: 'A', effectiveDate: '2026-07-24', records: book.records.length }] });
    expect(book.records.every((r) => r.effectiveDate === '2026-07-24' && r.source.file === LLM_SOURCE_FILE && r.source.trust === 'A' && r.region === 'global')).toBe(true);
  });

  it('leaves out deprecated models, dated snapshots, previews and other platforms', () => {
    for (const sku of ['claude-3-7-sonnet-20250219', 'claude-sonnet-4-5-20250929', 'claude-opus-4-20250514', 'gpt-4o-2024-08-06', 'gpt-3.5-turbo', 'gemini-2.0-flash', 'gemini-3-pro-preview', 'text-embedding-004']) {
      expect(models.some((m) => m.endsWith(`/${sku}`))).toBe(false);
    }
    const reason = (key: string) => result.skipped.find((s) => s.key === key)?.reason;
    expect(reason('claude-3-7-sonnet-20250219')).toBe('deprecated (litellm deprecation_date 2026-02-19)');
    expect(reason('claude-sonnet-4-5-20250929')).toBe('dated snapshot; llm.json books the alias');
    expect(reason('text-embedding-005')).toBe('Vertex AI only; llm.json books the Gemini API');
    expect(book.records.some((r) => 'deprecationDate' in r.attributes || 'platform' in r.attributes)).toBe(false);
  });
});

describe('cross-check against genai-prices (pydantic, v2 data of 2026-08-21)', () => {
  // Prices in force on litellm's date; genai-prices has dated price changes (e.g. o3, claude-sonnet-5).
  const compareModel = (cloud: string, sku: string) => {
    const model = findGenaiModel(genai, cloud, sku);
    if (!model) return [`${cloud}/${sku}: not in genai-prices`];
    const prices = pricesOn(model, '2026-07-24');
    const out: string[] = [];
    for (const [tokens, field] of [['input', 'input_mtok'], ['output', 'output_mtok'], ['cache-read', 'cache_read_mtok'], ['cache-write', 'cache_write_mtok']] as const) {
      const ours = price(cloud, sku, tokens)?.usd;
      const theirs = basePrice(prices[field]);
      if (ours !== theirs) out.push(`${cloud}/${sku} ${tokens}: litellm ${ours ?? 'none'} vs genai-prices ${theirs ?? 'none'}`);
    }
    return out;
  };

  it('agrees on input and output for the key models', () => {
    for (const [cloud, sku, input, output] of [
      ['anthropic', 'claude-sonnet-4-5', '3', '15'],
      ['anthropic', 'claude-haiku-4-5', '1', '5'],
      ['anthropic', 'claude-opus-4-1', '15', '75'],
      ['openai', 'gpt-4o', '2.5', '10'],
      ['openai', 'gpt-4o-mini', '0.15', '0.6'],
      ['openai', 'gpt-5', '1.25', '10'],
      ['google', 'gemini-2.5-flash', '0.3', '2.5'],
      ['google', 'gemini-2.5-pro', '1.25', '10'],
    ] as const) {
      expect(compareModel(cloud, sku)).toEqual([]);
      expect([price(cloud, sku, 'input')?.usd, price(cloud, sku, 'output')?.usd]).toEqual([input, output]);
    }
    for (const [cloud, sku, input] of [
      ['openai', 'text-embedding-3-small', '0.02'],
      ['openai', 'text-embedding-3-large', '0.13'],
      ['google', 'gemini-embedding-001', '0.15'],
    ] as const) {
      expect(basePrice(pricesOn(findGenaiModel(genai, cloud, sku)!, '2026-07-24').input_mtok)).toBe(input);
      expect(price(cloud, sku, 'input')?.usd).toBe(input);
    }
  });

  it('agrees on the long-context (above 200k/272k tokens) input price where both have one', () => {
    for (const model of models) {
      const [cloud, sku] = model.split('/') as [string, string];
      const ours = price(cloud, sku, 'input');
      const theirs = findGenaiModel(genai, cloud, sku);
      const input = theirs && pricesOn(theirs, '2026-07-24').input_mtok;
      if (!ours?.attributes.longContextUsd || typeof input !== 'object') continue;
      expect([model, String(input.tiers?.[0]?.start), basePrice(input.tiers?.[0]?.price)]).toEqual([model, String(ours.attributes.longContextThreshold), ours.attributes.longContextUsd]);
    }
  });

  it('disagrees only where known (listed in the report)', () => {
    expect(models.flatMap((m) => compareModel(...(m.split('/') as [string, string])))).toEqual([
      // genai-prices has an introductory price until 2027-01-01 (then 1.5 / 7.5 / 0.15, litellm's figures).
      'google/gemini-3.6-flash input: litellm 1.5 vs genai-prices 0.75',
      'google/gemini-3.6-flash output: litellm 7.5 vs genai-prices 3.75',
      'google/gemini-3.6-flash cache-read: litellm 0.15 vs genai-prices 0.075',
      // genai-prices lists no cached-input price for these Pro models.
      'openai/gpt-5.4-pro cache-read: litellm 3 vs genai-prices none',
      'openai/gpt-5.5-pro cache-read: litellm 3 vs genai-prices none',
    ]);
  });
});
