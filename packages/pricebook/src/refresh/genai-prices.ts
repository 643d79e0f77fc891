/**
 * pydantic/genai-prices v2 `data.json` (shared/pricing-sources/llm/genai-prices-v2-data.json): an independent,
 * hand-maintained LLM price list, used to cross-check the litellm-built records. Prices are USD per 1M tokens,
 * either a number or `{base, tiers}`; a model's `prices` may be a list of `{constraint: {start_date}, prices}`.
 */
import { decimalText } from './decimal-text';
import { isObject } from './types';

type Clause = { equals?: string; starts_with?: string; ends_with?: string; contains?: string; regex?: string; or?: Clause[]; and?: Clause[] };
type Price = number | { base: number; tiers?: Array<{ start: number; price: number }> };
type Prices = Record<string, Price | undefined>;

export interface GenaiModel {
  id: string;
  match: Clause;
  prices: Prices | Array<{ constraint?: { start_date?: string; [key: string]: unknown }; prices: Prices }>;
}

export interface GenaiProvider {
  id: string;
  models: GenaiModel[];
}

export function matches(clause: Clause, id: string): boolean {
  if (clause.equals !== undefined) return id === clause.equals;
  if (clause.starts_with !== undefined) return id.startsWith(clause.starts_with);
  if (clause.ends_with !== undefined) return id.endsWith(clause.ends_with);
  if (clause.contains !== undefined) return id.includes(clause.contains);
  if (clause.regex !== undefined) return new RegExp(clause.regex).test(id);
  if (clause.or) return clause.or.some((c) => matches(c, id));
  if (clause.and) return clause.and.every((c) => matches(c, id));
  return false;
}

/** The first model of the provider whose match rule accepts `id` (genai-prices' own lookup order). */
export function findGenaiModel(providers: readonly GenaiProvider[], providerId: string, id: string): GenaiModel | undefined {
  return providers.find((p) => p.id === providerId)?.models.find((m) => matches(m.match, id));
}

/** The price set in force on `date` (YYYY-MM-DD); throws on constraints other than start_date. */
export function pricesOn(model: GenaiModel, date: string): Prices {
  if (!Array.isArray(model.prices)) return model.prices;
  let current: Prices | undefined;
  for (const entry of model.prices) {
    const keys = Object.keys(entry.constraint ?? {});
    if (keys.some((k) => k !== 'start_date')) throw new Error(`${model.id}: unsupported price constraint ${keys.join(', ')}`);
    if (!entry.constraint?.start_date || entry.constraint.start_date <= date) current = entry.prices;
  }
  if (!current) throw new Error(`${model.id}: no prices in force on ${date}`);
  return current;
}

/** USD per 1M tokens as exact text (the base price when tiered); undefined when absent. */
export function basePrice(price: Price | undefined): string | undefined {
  if (price === undefined) return undefined;
  return decimalText(isObject(price) ? price.base : price);
}
