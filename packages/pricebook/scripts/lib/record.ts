// Building price records with a fixed key order (so the committed JSON diffs cleanly) and the shared bits of sorting,
// keys and reporting.
import type { PriceRecord, PriceTerm, PriceUnit, Trust } from '../../../core/src/pricing/price-book';
import type { Num } from './decimal-text';
import { text } from './decimal-text';

export type { PriceRecord, PriceTerm, PriceUnit, Trust };

export interface RecordInput {
  cloud: 'aws' | 'gcp' | 'azure';
  service: string;
  sku: string;
  region: string;
  term?: PriceTerm;
  unit: PriceUnit;
  usd: Num;
  tiers?: Array<{ from: Num; usd: Num }>;
  attributes?: Record<string, string | number | boolean>;
  file: string;
  key: string;
  trust: Trust;
  effectiveDate: string;
}

/** A record in canonical key order; prices as exact decimal text. Attributes sorted by name. */
export function priceRecord(input: RecordInput): PriceRecord {
  const attributes: Record<string, string | number | boolean> = {};
  for (const name of Object.keys(input.attributes ?? {}).sort()) {
    const value = input.attributes?.[name];
    if (value !== undefined) attributes[name] = value;
  }
  const record: PriceRecord = {
    cloud: input.cloud,
    service: input.service,
    sku: input.sku,
    region: input.region,
    term: input.term ?? 'on-demand',
    unit: input.unit,
    usd: text(input.usd),
    ...(input.tiers ? { tiers: input.tiers.map((tier) => ({ from: text(tier.from), usd: text(tier.usd) })) } : {}),
    attributes,
    source: { file: input.file, key: input.key, trust: input.trust },
    effectiveDate: input.effectiveDate,
  };
  return record;
}

/** Collects what a source module skipped and why, for the build's report. */
export interface Notes {
  skip(source: string, what: string): void;
  readonly lines: string[];
}

export function createNotes(): Notes {
  const counts = new Map<string, number>();
  const lines: string[] = [];
  return {
    lines,
    skip(source, what) {
      const key = `${source}: ${what}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n === 1) lines.push(key);
    },
  };
}

/** For callers that do not want the report. */
export const noNotes: Notes = { lines: [], skip: () => undefined };

/** The identity of a priced thing within one source: cloud, service, sku, region, term, attributes, source file. */
export function identityKey(record: PriceRecord): string {
  return [record.cloud, record.service, record.sku, record.region, record.term, attributesKey(record.attributes), record.source.file].join('|');
}

export function attributesKey(attributes: PriceRecord['attributes']): string {
  return JSON.stringify(Object.keys(attributes).sort().map((name) => [name, attributes[name]]));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: cloud, service, sku, region, term, attributes, source file, then source key. */
export function compareForFile(a: PriceRecord, b: PriceRecord): number {
  return (
    compareText(a.cloud, b.cloud) ||
    compareText(a.service, b.service) ||
    compareText(a.sku, b.sku) ||
    compareText(a.region, b.region) ||
    compareText(a.term, b.term) ||
    compareText(attributesKey(a.attributes), attributesKey(b.attributes)) ||
    compareText(a.source.file, b.source.file) ||
    compareText(a.source.key, b.source.key) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}
