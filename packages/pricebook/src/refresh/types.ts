import type { PriceRecord } from '@backarch/core';

/** An entry of the provider's response that produced no record, and why. */
export interface Skipped {
  /** Where in the source: SKU / meter id / model key, with a readable hint. */
  key: string;
  reason: string;
}

/** What every parser returns. */
export interface ParseResult {
  records: PriceRecord[];
  skipped: Skipped[];
}

export interface ParseOptions {
  /** `source.file` for every record: the path under shared/pricing-sources, or the provider endpoint. */
  sourceFile: string;
  /** Default A: these parsers read the providers' official machine-readable price formats. */
  trust?: 'A' | 'B' | 'C';
  /** Overrides the date the source states (YYYY-MM-DD), e.g. the day an online response was fetched. */
  effectiveDate?: string;
  /** Called now and then while parsing large inputs (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The input is not the format the parser reads (wrong cloud, wrong file). Nothing was parsed. */
export class FormatError extends Error {
  override name = 'FormatError';
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "2021-02-05T20:45:00Z" → "2021-02-05"; undefined when the text does not start with a date. */
export function datePart(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** Keys of an object, for error messages: "found keys: a, b, c". */
export function describeKeys(value: unknown): string {
  if (Array.isArray(value)) return `found a JSON array of ${value.length} items`;
  if (!isObject(value)) return `found ${value === null ? 'null' : typeof value}`;
  const keys = Object.keys(value);
  return keys.length ? `found keys: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}` : 'found an empty object';
}

/**
 * Attributes that describe a record rather than tell records apart: instance specs, deprecation dates and the price
 * notes some parsers attach (`…Usd`, `…Threshold`, e.g. the above-200k-token input price or an RI's upfront fee).
 */
export function isIdentifyingAttribute(name: string): boolean {
  return !(name === 'vcpu' || name === 'memoryGib' || name === 'deprecationDate' || name.endsWith('Usd') || name.endsWith('Threshold'));
}

/** The identity of a record: two records with the same key price the same thing (diff and de-duplication use it). */
export function recordKey(record: PriceRecord): string {
  const attributes = Object.entries(record.attributes)
    .filter(([name]) => isIdentifyingAttribute(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(',');
  return `${record.cloud}|${record.service}|${record.sku}|${record.region}|${record.term}|${record.unit}${attributes ? `|${attributes}` : ''}`;
}

/** Drops records whose key was already seen (the first wins) and reports each as skipped. */
export function dedupe(result: ParseResult): ParseResult {
  const seen = new Map<string, PriceRecord>();
  const records: PriceRecord[] = [];
  const skipped = [...result.skipped];
  for (const record of result.records) {
    const key = recordKey(record);
    const first = seen.get(key);
    if (first) {
      skipped.push({ key: record.source.key, reason: `duplicate of ${first.source.key} (same ${record.service} ${record.sku} ${record.region} ${record.term}${first.usd === record.usd ? '' : `; kept ${first.usd}, dropped ${record.usd}`})` });
      continue;
    }
    seen.set(key, record);
    records.push(record);
  }
  return { records, skipped };
}

/** One price step as read from a source, already converted to the record's unit. */
export interface TierStep {
  from: string;
  usd: string;
}

/**
 * `usd` and `tiers` for a record from its price steps (VOCABULARY.md: `usd` is the first tier's price; `tiers` lists
 * every tier ascending, the first from 0). A single step starting at 0 is a flat price without `tiers`.
 */
export function tiered(steps: readonly TierStep[], compareFn: (a: string, b: string) => number): { usd: string; tiers?: TierStep[] } | string {
  if (steps.length === 0) return 'no price';
  const sorted = [...steps].sort((a, b) => compareFn(a.from, b.from));
  if (compareFn(sorted[0]!.from, '0') !== 0) return `the first tier starts at ${sorted[0]!.from}, not 0`;
  for (let i = 1; i < sorted.length; i++) if (compareFn(sorted[i]!.from, sorted[i - 1]!.from) === 0) return `two tiers start at ${sorted[i]!.from}`;
  return sorted.length === 1 ? { usd: sorted[0]!.usd } : { usd: sorted[0]!.usd, tiers: sorted.map((s) => ({ from: s.from, usd: s.usd })) };
}
