/**
 * GCP Cloud Billing Catalog API (`https://cloudbilling.googleapis.com/v1/services/<serviceId>/skus`) → price records.
 *
 * A page is `{skus: [...], nextPageToken}`; `fetchGcpSkuPages` follows `nextPageToken` through a page fetcher you
 * pass in. Per SKU: price = `units` + `nanos`/1e9, exactly; every `tieredRates` step becomes a tier; one record per
 * `serviceRegions` entry. Prices are per `usageUnit`; units the vocabulary books directly (h, GiBy.h, GiBy.mo, GiBy,
 * GiBy.s, s, count) convert by a power of ten at most, anything else goes through `baseUnit` and
 * `baseUnitConversionFactor` (e.g. TiBy → per GB is ÷ 1024, as VOCABULARY.md says). GCP bills binary GiB; the
 * vocabulary's "GB" units carry those GiB prices unchanged, marked `dataUnit: "GiB"` as VOCABULARY.md asks.
 *
 * Currency: the API answers in the billing account's currency unless `currencyCode=USD` is requested. A non-USD rate
 * is never taken for USD: the SKU is skipped with the reason (and the response's own `currencyConversionRate`)
 * unless the caller passes a rate for that currency, in which case the price is divided by it (rounded to 12
 * decimals) and the record's source key says so.
 *
 * Mapping (VOCABULARY.md, GCP): Compute Engine per-core and per-GiB-RAM SKUs → `compute-engine` skus
 * `<family>-core` (vCPU-hour) and `<family>-ram` (GB-hour), attributes `family`, `component` (the book's machine-type
 * records are built from these: vcpu × core + GiB × ram); usageType OnDemand → on-demand, Preemptible → spot,
 * Commit1Yr/Commit3Yr → reserved-1y/3y with `commitment: "committed-use"`. Persistent disk capacity →
 * `persistent-disk`. Internet and VPN egress → `data-transfer` `internet-egress` / `vpn-internet-egress` with
 * `origin`/`destination` (and `networkTier`) attributes, tiers in GB (GiB) per month. Everything else (GPUs, licences, sole tenancy…) is skipped with its description.
 */
import type { PriceRecord, PriceUnit } from '@backarch/core';
import { compare, decimalText, divide, isDecimal, times, unitsNanos } from './decimal-text';
import { datePart, dedupe, describeKeys, FormatError, isObject, tiered, type ParseOptions, type ParseResult, type Skipped, type TierStep } from './types';

export const GCP_BILLING_ENDPOINT = 'https://cloudbilling.googleapis.com/v1/services';
/** Compute Engine's service id in the Cloud Billing Catalog. */
export const GCP_COMPUTE_SERVICE_ID = '6F81-5844-456A';

interface GcpMoney {
  currencyCode?: string;
  units?: string | number;
  nanos?: number;
}

interface GcpPricingInfo {
  pricingExpression?: {
    usageUnit?: string;
    usageUnitDescription?: string;
    baseUnit?: string;
    baseUnitConversionFactor?: number;
    displayQuantity?: number;
    tieredRates?: Array<{ startUsageAmount?: number; unitPrice?: GcpMoney }>;
  };
  currencyConversionRate?: number;
  effectiveTime?: string;
  /** Some recorded responses spell it this way (opencost's fixture). */
  EffectiveTime?: string;
}

export interface GcpSku {
  name?: string;
  skuId?: string;
  description?: string;
  category?: { serviceDisplayName?: string; resourceFamily?: string; resourceGroup?: string; usageType?: string };
  serviceRegions?: string[];
  pricingInfo?: GcpPricingInfo[];
  geoTaxonomy?: { type?: string; regions?: string[] };
}

export interface GcpSkuPage {
  skus: GcpSku[];
  nextPageToken?: string;
}

export interface GcpParseOptions extends ParseOptions {
  /** Units of a currency per 1 USD, e.g. {IDR: "14999.999925"}, to convert instead of skipping. */
  currencyRates?: Record<string, string>;
}

export type PageFetcher = (url: string) => Promise<unknown>;

export const isGcpSkuPage = (value: unknown): value is GcpSkuPage => isObject(value) && Array.isArray(value.skus);

/** The SKUs URL of a service; `key` is an API key (the Catalog API needs one). */
export function gcpSkusUrl(serviceId: string, query: { key?: string; pageToken?: string; currencyCode?: string; pageSize?: number } = {}): string {
  const params = new URLSearchParams();
  params.set('currencyCode', query.currencyCode ?? 'USD');
  params.set('pageSize', String(query.pageSize ?? 5000));
  if (query.pageToken) params.set('pageToken', query.pageToken);
  if (query.key) params.set('key', query.key);
  return `${GCP_BILLING_ENDPOINT}/${serviceId}/skus?${params}`;
}

/** Every page of a service's SKUs, following `nextPageToken`. */
export async function fetchGcpSkuPages(
  serviceId: string,
  fetchPage: PageFetcher,
  options: { key?: string; onPage?: (pages: number, skus: number) => void; maxPages?: number } = {},
): Promise<GcpSkuPage[]> {
  const pages: GcpSkuPage[] = [];
  const tokens = new Set<string>();
  let skus = 0;
  let token: string | undefined;
  do {
    if (pages.length >= (options.maxPages ?? 10_000)) throw new FormatError(`more than ${options.maxPages ?? 10_000} pages`);
    const url = gcpSkusUrl(serviceId, { key: options.key, pageToken: token });
    const page = await fetchPage(url);
    if (!isGcpSkuPage(page)) throw new FormatError(`${url.replace(/key=[^&]*/, 'key=…')} did not return a SKUs page ({skus, nextPageToken}); ${describeKeys(page)}`);
    pages.push(page);
    skus += page.skus.length;
    options.onPage?.(pages.length, skus);
    token = page.nextPageToken || undefined;
    if (token && tokens.has(token)) throw new FormatError(`nextPageToken repeats`);
    if (token) tokens.add(token);
  } while (token);
  return pages;
}

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  term: PriceRecord['term'];
  attributes: Record<string, string | number | boolean>;
}

const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const TERMS: Record<string, PriceRecord['term']> = { OnDemand: 'on-demand', Preemptible: 'spot', Commit1Yr: 'reserved-1y', Commit3Yr: 'reserved-3y' };

function mapSku(sku: GcpSku): Target | string {
  const c = sku.category ?? {};
  const description = sku.description ?? '';
  const unsupported = `no vocabulary mapping for ${c.serviceDisplayName ?? '?'} ${c.resourceFamily ?? '?'}/${c.resourceGroup ?? '?'}: "${description}"`;
  const term = TERMS[c.usageType ?? ''];
  if (!term) return `usageType ${c.usageType ?? 'missing'} is not booked`;
  if (c.serviceDisplayName !== 'Compute Engine') return unsupported;
  if (c.resourceFamily === 'Compute' && (c.resourceGroup === 'CPU' || c.resourceGroup === 'RAM' || c.resourceGroup === 'N1Standard')) {
    const onDemand = /^(?:Spot Preemptible |Preemptible )?(.+?) (?:AMD |Intel |Arm |Ampere )?Instance (Core|Ram) running in .+$/i.exec(description);
    const commit = /^Commitment v\d+: (.+?) (?:AMD |Intel |Arm )?(Cpu|Ram) in .+ for \d Years?$/i.exec(description);
    const m = onDemand ?? commit;
    if (!m) return unsupported;
    const family = slug(m[1]!);
    const core = /^(core|cpu)$/i.test(m[2]!);
    const attributes: Target['attributes'] = { family, component: core ? 'core' : 'ram', ...(term.startsWith('reserved') ? { commitment: 'committed-use' } : {}) };
    return core
      ? { service: 'compute-engine', sku: `${family}-core`, unit: 'vCPU-hour', term, attributes }
      : { service: 'compute-engine', sku: `${family}-ram`, unit: 'GB-hour', term, attributes: { ...attributes, dataUnit: 'GiB' } };
  }
  if (c.resourceFamily === 'GPU' || c.resourceGroup === 'GPU') return `GPU SKUs have no vocabulary entry: "${description}"`;
  if (c.resourceFamily === 'Storage') {
    const m = /^(Storage|SSD backed|Balanced) PD Capacity( in .+)?$/.exec(description);
    if (!m) return unsupported;
    const disk = m[1] === 'Storage' ? 'pd-standard' : m[1] === 'SSD backed' ? 'pd-ssd' : 'pd-balanced';
    return { service: 'persistent-disk', sku: disk, unit: 'GB-month', term, attributes: {} };
  }
  if (c.resourceFamily === 'Network' && /InternetEgress$/.test(c.resourceGroup ?? '')) {
    const m = / from (.+) to (.+)$/.exec(description);
    const attributes: Target['attributes'] = { ...(m ? { origin: slug(m[1]!), destination: slug(m[2]!) } : {}), dataUnit: 'GiB' };
    if (c.resourceGroup === 'VPNInternetEgress') return { service: 'data-transfer', sku: 'vpn-internet-egress', unit: 'GB', term, attributes };
    if (c.resourceGroup === 'PremiumInternetEgress') return { service: 'data-transfer', sku: 'internet-egress', unit: 'GB', term, attributes: { ...attributes, networkTier: 'premium' } };
    if (c.resourceGroup === 'StandardInternetEgress') return { service: 'data-transfer', sku: 'internet-egress', unit: 'GB', term, attributes: { ...attributes, networkTier: 'standard' } };
    return unsupported;
  }
  return unsupported;
}

/** GCP usage units booked directly: record unit ← usageUnit, and the power of ten between them. */
const DIRECT: Partial<Record<PriceUnit, { usageUnit: string; scale: number }>> = {
  hour: { usageUnit: 'h', scale: 0 },
  'vCPU-hour': { usageUnit: 'h', scale: 0 },
  'GB-hour': { usageUnit: 'GiBy.h', scale: 0 },
  'GB-month': { usageUnit: 'GiBy.mo', scale: 0 },
  GB: { usageUnit: 'GiBy', scale: 0 },
  'GB-second': { usageUnit: 'GiBy.s', scale: 0 },
  'vCPU-second': { usageUnit: 's', scale: 0 },
  '1M requests': { usageUnit: 'count', scale: 6 },
};

/** Record units in GCP base units, for usage units not in DIRECT (TiBy, MiBy.h, GiBy.d…). */
const IN_BASE_UNITS: Partial<Record<PriceUnit, { baseUnit: string; size: string }>> = {
  hour: { baseUnit: 's', size: '3600' },
  'vCPU-hour': { baseUnit: 's', size: '3600' },
  'vCPU-second': { baseUnit: 's', size: '1' },
  'GB-hour': { baseUnit: 'By.s', size: times(2 ** 30, 3600) },
  'GB-second': { baseUnit: 'By.s', size: String(2 ** 30) },
  GB: { baseUnit: 'By', size: String(2 ** 30) },
  '1M requests': { baseUnit: 'count', size: '1000000' },
};

/** price-per-usageUnit → price-per-record-unit, and usage amount → record-unit amount; or why not. */
function converter(info: GcpPricingInfo, unit: PriceUnit): { price: (p: string) => string; amount: (a: string) => string } | string {
  const e = info.pricingExpression ?? {};
  const direct = DIRECT[unit];
  if (direct && e.usageUnit === direct.usageUnit) {
    const factor = times(1, `1${'0'.repeat(direct.scale)}`);
    return { price: (p) => times(p, factor), amount: (a) => divide(a, factor) };
  }
  const base = IN_BASE_UNITS[unit];
  if (base && e.baseUnit === base.baseUnit && isDecimal(e.baseUnitConversionFactor) && e.baseUnitConversionFactor > 0) {
    const factor = e.baseUnitConversionFactor;
    // factor = base units per usage unit; size = base units per record unit.
    return { price: (p) => divide(times(p, base.size), factor), amount: (a) => divide(times(a, factor), base.size) };
  }
  return `usageUnit "${e.usageUnit ?? '?'}" (base ${e.baseUnit ?? '?'}, factor ${String(e.baseUnitConversionFactor ?? '?')}) does not convert to ${unit}`;
}

function pagesOf(input: unknown): GcpSku[] {
  if (isGcpSkuPage(input)) return input.skus;
  if (Array.isArray(input) && input.length > 0 && input.every(isGcpSkuPage)) return input.flatMap((page) => page.skus);
  throw new FormatError(`not a Cloud Billing Catalog SKUs page ({skus: [...], nextPageToken}); ${describeKeys(input)}`);
}

const effectiveTime = (info: GcpPricingInfo) => info.effectiveTime ?? info.EffectiveTime ?? '';

export function parseGcpBilling(input: unknown, options: GcpParseOptions): ParseResult {
  const skus = pagesOf(input);
  const records: PriceRecord[] = [];
  const skipped: Skipped[] = [];
  const trust = options.trust ?? 'A';
  skus.forEach((sku, index) => {
    if (index % 1000 === 0) options.onProgress?.(index, skus.length);
    const label = `${sku.skuId ?? '?'} (${sku.description ?? '?'})`;
    const skip = (reason: string) => void skipped.push({ key: label, reason });
    const target = mapSku(sku);
    if (typeof target === 'string') return skip(target);
    const info = [...(sku.pricingInfo ?? [])].sort((a, b) => (effectiveTime(a) < effectiveTime(b) ? 1 : -1))[0];
    const rates = info?.pricingExpression?.tieredRates ?? [];
    if (!info || rates.length === 0) return skip('no pricingInfo / tieredRates');
    const currencies = [...new Set(rates.map((r) => r.unitPrice?.currencyCode ?? '?'))];
    if (currencies.length > 1) return skip(`mixed currencies ${currencies.join(', ')}`);
    const currency = currencies[0]!;
    const rate = currency === 'USD' ? undefined : options.currencyRates?.[currency];
    if (currency !== 'USD' && !rate) {
      const first = rates[0]!.unitPrice ?? {};
      const quoted = isDecimal(info.currencyConversionRate) && info.currencyConversionRate !== 1 ? ` (the response's currencyConversionRate is ${decimalText(info.currencyConversionRate)} ${currency} per USD)` : '';
      return skip(
        `priced in ${currency}, not USD: ${unitsNanos(first.units, first.nanos)} ${currency} per ${info.pricingExpression?.usageUnit ?? '?'}${quoted}; request currencyCode=USD or pass a ${currency} rate`,
      );
    }
    const convert = converter(info, target.unit);
    if (typeof convert === 'string') return skip(convert);
    const steps: TierStep[] = rates.map((r) => {
      let usd = convert.price(unitsNanos(r.unitPrice?.units, r.unitPrice?.nanos));
      if (rate) usd = divide(usd, rate, 12);
      return { from: convert.amount(String(r.startUsageAmount ?? 0)), usd };
    });
    const price = tiered(steps, compare);
    if (typeof price === 'string') return skip(price);
    const effectiveDate = options.effectiveDate ?? datePart(effectiveTime(info));
    if (!effectiveDate) return skip('no effectiveTime; pass an effective date');
    const regions = sku.serviceRegions?.length ? sku.serviceRegions : sku.geoTaxonomy?.regions?.length ? sku.geoTaxonomy.regions : ['global'];
    for (const region of regions) {
      records.push({
        cloud: 'gcp',
        service: target.service,
        sku: target.sku,
        region,
        term: target.term,
        unit: target.unit,
        usd: price.usd,
        ...(price.tiers ? { tiers: price.tiers } : {}),
        attributes: { ...target.attributes },
        source: { file: options.sourceFile, key: `${sku.skuId ?? '?'}${rate ? ` (converted from ${currency} at ${rate} per USD)` : ''}`, trust },
        effectiveDate,
      });
    }
  });
  options.onProgress?.(skus.length, skus.length);
  return dedupe({ records, skipped });
}
