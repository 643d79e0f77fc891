import { z } from 'zod';

/**
 * The price book's record format, shared by the `pricebook` package (which builds and ships the records) and the
 * pricing engine here (which reads them). One record = one price: what is bought (cloud, service, sku, attributes),
 * where (region), on what term, in which unit, for how much (an exact decimal string), since when, and from which
 * source with what trust.
 */

export const PRICE_TERMS = ['on-demand', 'reserved-1y', 'reserved-3y', 'spot'] as const;
export type PriceTerm = (typeof PRICE_TERMS)[number];

/**
 * Billing units. A price is USD per one of these. Pricers convert their quantities into the record's unit.
 * `1M requests` means the price is per million requests; `request` per single request.
 */
export const PRICE_UNITS = [
  'hour',
  'month',
  'GB-month',
  'GB-hour',
  'GB-second',
  'vCPU-hour',
  'vCPU-second',
  'GB',
  'request',
  '1K requests',
  '1M requests',
  '1M tokens',
  '1K searches',
  'user-month',
  'unit-hour',
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/**
 * Trust of a record's source (see shared/pricing-sources/SOURCES.md): A = generated from the provider's official
 * price API by a maintained tool; B = official data, older or with known quirks; C = compiled by hand or weak
 * provenance. When two records price the same thing, A wins over B over C, then the newer one.
 */
export type Trust = 'A' | 'B' | 'C';

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, { error: 'must be a non-negative decimal string such as "0.0832"' });

export const priceRecordSchema = z
  .object({
    cloud: z.string().min(1).describe('aws, gcp or azure; for LLM tokens the provider: anthropic, openai, google.'),
    service: z.string().min(1).describe('Normalised service id, e.g. "ec2", "rds", "lambda", "llm".'),
    sku: z.string().min(1).describe('What is bought: instance type, price dimension or model id.'),
    region: z.string().min(1).describe('Provider region code, or "global".'),
    term: z.enum(PRICE_TERMS),
    unit: z.enum(PRICE_UNITS),
    usd: decimalString.describe('USD per unit (first tier when tiered).'),
    tiers: z
      .array(z.object({ from: decimalString.describe('Monthly usage (in `unit`) where this tier starts.'), usd: decimalString }).strict())
      .min(1)
      .optional()
      .describe('Tiered prices, ascending by `from`; the first tier starts at 0.'),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('vcpu, memoryGib, engine, deployment, os, …'),
    source: z
      .object({
        file: z.string().min(1).describe('Source file under shared/pricing-sources, or the provider price list it restates.'),
        key: z.string().min(1).describe("Where in the source: the provider's SKU/meter id or the JSON path."),
        trust: z.enum(['A', 'B', 'C']),
      })
      .strict(),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }),
  })
  .strict();

export type PriceRecord = z.infer<typeof priceRecordSchema>;
export type PriceTier = NonNullable<PriceRecord['tiers']>[number];

/** What a pricer asks for. `attributes` must all match (used for engine, deployment, os…). */
export interface PriceQuery {
  cloud: string;
  service: string;
  sku: string;
  region: string;
  term?: PriceTerm;
  attributes?: Record<string, string | number | boolean>;
}

/** A price book: records indexed for constant-time lookup. Build one with `createPriceBook`. */
export interface PriceBook {
  readonly records: readonly PriceRecord[];
  /** The best record for exactly this query (region included), or undefined. */
  find(query: PriceQuery): PriceRecord | undefined;
  /** Every record for cloud+service+sku+term, any region (for region fallback and comparisons). */
  candidates(query: Omit<PriceQuery, 'region'>): readonly PriceRecord[];
  /** Every sku of a service in a region with the given term (for choosing instance sizes). */
  skus(cloud: string, service: string, region: string, term?: PriceTerm): readonly PriceRecord[];
}

const TRUST_RANK: Record<Trust, number> = { A: 0, B: 1, C: 2 };

/** Better first: higher trust, then newer. */
export function compareRecords(a: PriceRecord, b: PriceRecord): number {
  return TRUST_RANK[a.source.trust] - TRUST_RANK[b.source.trust] || (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : 0);
}

/** Every queried attribute matches; `false` also matches an absent flag (`batch: false` = not a batch price). */
function matches(record: PriceRecord, attributes?: PriceQuery['attributes']): boolean {
  if (!attributes) return true;
  for (const key in attributes) {
    const value = attributes[key];
    if (record.attributes[key] !== value && !(value === false && record.attributes[key] === undefined)) return false;
  }
  return true;
}

export function createPriceBook(records: readonly PriceRecord[]): PriceBook {
  const bySku = new Map<string, PriceRecord[]>();
  const bySkuAndRegion = new Map<string, PriceRecord[]>();
  const byService = new Map<string, PriceRecord[]>();
  for (const record of records) {
    const skuKey = `${record.cloud}|${record.service}|${record.sku}|${record.term}`;
    let list = bySku.get(skuKey);
    if (!list) bySku.set(skuKey, (list = []));
    list.push(record);
    const regionKey = `${skuKey}|${record.region}`;
    let inRegion = bySkuAndRegion.get(regionKey);
    if (!inRegion) bySkuAndRegion.set(regionKey, (inRegion = []));
    inRegion.push(record);
    const serviceKey = `${record.cloud}|${record.service}|${record.region}|${record.term}`;
    let services = byService.get(serviceKey);
    if (!services) byService.set(serviceKey, (services = []));
    services.push(record);
  }
  for (const list of bySku.values()) list.sort(compareRecords);
  for (const list of bySkuAndRegion.values()) list.sort(compareRecords);
  return {
    records,
    candidates: (q) => (bySku.get(`${q.cloud}|${q.service}|${q.sku}|${q.term ?? 'on-demand'}`) ?? []).filter((r) => matches(r, q.attributes)),
    find(q) {
      const list = bySkuAndRegion.get(`${q.cloud}|${q.service}|${q.sku}|${q.term ?? 'on-demand'}|${q.region}`);
      if (!list) return undefined;
      for (const record of list) if (matches(record, q.attributes)) return record;
      return undefined;
    },
    skus: (cloud, service, region, term = 'on-demand') => byService.get(`${cloud}|${service}|${region}|${term}`) ?? [],
  };
}
