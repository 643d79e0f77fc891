import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLitellm, perMillion } from './litellm';
import { FormatError } from './types';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../../shared/pricing-sources/', import.meta.url).pathname;
const FILE = 'llm/litellm-model_prices_and_context_window.json';
const litellm = JSON.parse(readFileSync(`${SOURCES}/${FILE}`, 'utf8')) as Record<string, unknown>;

describe('parseLitellm on the real litellm file', () => {
  const result = parseLitellm(litellm, { sourceFile: FILE });
  const price = (cloud: string, sku: string, tokens: string, batch = false) =>
    result.records.find((r) => r.cloud === cloud && r.sku === sku && r.attributes.tokens === tokens && r.attributes.batch === batch);

  it('Claude Sonnet 4.5: input "3", output "15" per 1M tokens exactly, with cache and long-context prices', () => {
    expect(price('anthropic', 'claude-sonnet-4-5', 'input')).toEqual({
      cloud: 'anthropic',
      service: 'llm',
      sku: 'claude-sonnet-4-5',
      region: 'global',
      term: 'on-demand',
      unit: '1M tokens',
      usd: '3',
      attributes: { tokens: 'input', batch: false, longContextThreshold: 200000, longContextUsd: '6' },
      source: { file: FILE, key: 'claude-sonnet-4-5', trust: 'A' },
      effectiveDate: '2026-07-24',
    });
    expect(price('anthropic', 'claude-sonnet-4-5', 'output')?.usd).toBe('15');
    expect(price('anthropic', 'claude-sonnet-4-5', 'output')?.attributes.longContextUsd).toBe('22.5');
    expect(price('anthropic', 'claude-sonnet-4-5', 'cache-read')?.usd).toBe('0.3');
    expect(price('anthropic', 'claude-sonnet-4-5', 'cache-write')?.attributes).toEqual({ tokens: 'cache-write', batch: false, oneHourUsd: '6', longContextThreshold: 200000, longContextUsd: '7.5' });
    expect(price('anthropic', 'claude-sonnet-4-5', 'cache-write')?.usd).toBe('3.75');
    // litellm has no Batch API prices for Anthropic, so none are booked (none are invented).
    expect(price('anthropic', 'claude-sonnet-4-5', 'input', true)).toBeUndefined();
  });

  it('GPT-4o 2.5/10, with Batch API prices as batch: true and the priority tier noted', () => {
    expect(price('openai', 'gpt-4o', 'input')).toMatchObject({ usd: '2.5', attributes: { priorityUsd: '4.25' } });
    expect(price('openai', 'gpt-4o', 'output')?.usd).toBe('10');
    expect(price('openai', 'gpt-4o', 'cache-read')?.usd).toBe('1.25');
    expect(price('openai', 'gpt-4o', 'input', true)).toMatchObject({ usd: '1.25', attributes: { tokens: 'input', batch: true } });
    expect(price('openai', 'gpt-4o', 'output', true)?.usd).toBe('5');
    expect(price('openai', 'gpt-4o-mini', 'input')?.usd).toBe('0.15');
    expect(price('openai', 'gpt-4o-mini', 'output')?.usd).toBe('0.6');
  });

  it('Gemini 2.5 Flash 0.3/2.5 and Pro 1.25/10 from the Gemini API entries (cloud google); Vertex duplicates skipped', () => {
    expect(price('google', 'gemini-2.5-flash', 'input')).toMatchObject({ usd: '0.3', source: { key: 'gemini/gemini-2.5-flash' } });
    expect(price('google', 'gemini-2.5-flash', 'output')?.usd).toBe('2.5');
    expect(price('google', 'gemini-2.5-pro', 'input')).toMatchObject({ usd: '1.25', attributes: { longContextUsd: '2.5', longContextThreshold: 200000 } });
    expect(price('google', 'gemini-2.5-pro', 'output')?.usd).toBe('10');
    expect(result.skipped).toContainEqual({ key: 'gemini-2.5-flash', reason: 'Vertex AI duplicate of gemini/gemini-2.5-flash (the Gemini API entry is booked)' });
  });

  it('embeddings: input only, per 1M tokens', () => {
    expect(price('openai', 'text-embedding-3-small', 'input')).toMatchObject({ service: 'embedding', usd: '0.02' });
    expect(price('openai', 'text-embedding-3-small', 'input', true)?.usd).toBe('0.01');
    expect(price('openai', 'text-embedding-3-small', 'output')).toBeUndefined();
    expect(price('openai', 'text-embedding-3-large', 'input')?.usd).toBe('0.13');
    expect(price('google', 'gemini-embedding-001', 'input')).toMatchObject({ service: 'embedding', usd: '0.15', source: { key: 'gemini/gemini-embedding-001' } });
  });

  it('skips other platforms, so each model has one record per price type', () => {
    for (const key of ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'azure_ai/claude-sonnet-4-5', 'vertex_ai/claude-sonnet-4-5', 'azure/gpt-4o']) {
      expect(result.skipped.find((s) => s.key === key)?.reason).toMatch(/^routed through /);
    }
    const types = result.records.map((r) => `${r.cloud}|${r.service}|${r.sku}|${String(r.attributes.tokens)}|${String(r.attributes.batch)}`);
    expect(new Set(types).size).toBe(types.length);
    expect(result.records.every((r) => ['anthropic', 'openai', 'google'].includes(r.cloud))).toBe(true);
  });

  it('writes plain decimals (no exponents, no zero prices)', () => {
    for (const r of result.records) {
      expect(r.usd).toMatch(/^\d+(\.\d+)?$/);
      expect(r.usd).not.toBe('0');
    }
    expect(perMillion(1.25e-7)).toBe('0.125');
    expect(perMillion('0.00000375')).toBe('3.75');
  });

  it('refuses other formats', () => {
    expect(() => parseLitellm({ Items: [] }, { sourceFile: 'x' })).toThrow(FormatError);
    expect(() => parseLitellm({ Items: [] }, { sourceFile: 'x' })).toThrow(/not a litellm model_prices_and_context_window.json .* found keys: Items/);
    const { last_updated: _drop, ...undated } = litellm;
    expect(() => parseLitellm(undated, { sourceFile: 'x' })).toThrow(/no last_updated date/);
    expect(parseLitellm(undated, { sourceFile: 'x', effectiveDate: '2026-07-25', keys: ['gpt-4o'] }).records[0]?.effectiveDate).toBe('2026-07-25');
  });
});
