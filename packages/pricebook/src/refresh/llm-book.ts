/**
 * `data/llm.json`: the current, non-deprecated models of Anthropic, OpenAI and Google (Gemini API) and their
 * embedding models, from litellm. Shared by `scripts/build-llm.ts` and `backarch pricebook refresh --cloud llm`, so
 * both produce the same file.
 *
 * Selection (each excluded model is reported as skipped with its reason):
 * - no `deprecation_date` in litellm (deprecated or retirement announced → out);
 * - Google: the Gemini API entries only (Vertex-only models out);
 * - aliases, not dated snapshots (`claude-haiku-4-5`, not `claude-haiku-4-5-20251001`; `gpt-4o`, not
 *   `gpt-4o-2024-11-20`): same prices, and the alias is the id people configure;
 * - current families: Claude 4.x and later (`claude-<name>-<version>`); GPT-4o, GPT-4o mini, GPT-4.1 (mini, nano),
 *   GPT-5.x and its variants except chat/codex aliases, o3, o3-pro, o4-mini; Gemini `<version>-pro|flash|flash-lite`
 *   without preview/experimental suffixes; `text-embedding-3-small|large`; `gemini-embedding-<n>`.
 */
import type { PriceRecord } from '@backarch/core';
import { mergeSource, type BookFile } from './book-file';
import { parseLitellm, type LitellmOptions } from './litellm';
import type { ParseResult, Skipped } from './types';

export const LLM_SOURCE_FILE = 'llm/litellm-model_prices_and_context_window.json';

const FAMILIES: Array<{ cloud: string; service: string; pattern: RegExp }> = [
  { cloud: 'anthropic', service: 'llm', pattern: /^claude-[a-z]+-\d+(-\d)?$/ },
  { cloud: 'openai', service: 'llm', pattern: /^(gpt-4o|gpt-4o-mini|gpt-4\.1|gpt-4\.1-mini|gpt-4\.1-nano|o3|o3-pro|o4-mini)$/ },
  { cloud: 'openai', service: 'llm', pattern: /^gpt-5(\.\d+)?(-(?!chat$|codex$)[a-z]+)?$/ },
  { cloud: 'openai', service: 'embedding', pattern: /^text-embedding-3-(small|large)$/ },
  { cloud: 'google', service: 'llm', pattern: /^gemini-\d+(\.\d+)?-(pro|flash|flash-lite)$/ },
  { cloud: 'google', service: 'embedding', pattern: /^gemini-embedding-\d+$/ },
];

/** Why a parsed litellm record is not in llm.json, or undefined when it is. */
export function llmExclusion(record: PriceRecord): string | undefined {
  if (typeof record.attributes.deprecationDate === 'string') return `deprecated (litellm deprecation_date ${record.attributes.deprecationDate})`;
  if (record.attributes.platform === 'vertex-ai') return 'Vertex AI only; llm.json books the Gemini API';
  if (/-\d{8}$|-\d{4}-\d{2}-\d{2}$/.test(record.sku)) return 'dated snapshot; llm.json books the alias';
  if (!FAMILIES.some((f) => f.cloud === record.cloud && f.service === record.service && f.pattern.test(record.sku))) return 'not a current model family booked in llm.json';
  return undefined;
}

/** The parse result restricted to llm.json's models; the rest move to `skipped` (one entry per litellm key). */
export function selectCurrentLlm(result: ParseResult): ParseResult {
  const records: PriceRecord[] = [];
  const skipped: Skipped[] = [...result.skipped];
  const reported = new Set<string>();
  for (const record of result.records) {
    const reason = llmExclusion(record);
    if (!reason) records.push(record);
    else if (!reported.has(record.source.key)) {
      reported.add(record.source.key);
      skipped.push({ key: record.source.key, reason });
    }
  }
  return { records, skipped };
}

/** Parses litellm's file and selects llm.json's records; `book` is the complete file content. */
export function buildLlmBook(litellm: unknown, options: Partial<LitellmOptions> = {}): { book: BookFile; result: ParseResult } {
  const sourceFile = options.sourceFile ?? LLM_SOURCE_FILE;
  const result = selectCurrentLlm(parseLitellm(litellm, { ...options, sourceFile }));
  return {
    book: mergeSource({ meta: { cloud: 'llm', sources: [] }, records: [] }, sourceFile, result.records),
    result,
  };
}
