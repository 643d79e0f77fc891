/**
 * Azure Retail Prices API (`https://prices.azure.com/api/retail/prices`) → price records.
 *
 * A response page is `{BillingCurrency, Items: [...], NextPageLink, Count}`; `fetchAzureRetailPages` follows
 * `NextPageLink` through a page fetcher you pass in (so tests feed recorded pages, and the CLI a real `fetch`). Items of
 * one meter arrive as one item per tier (`tierMinimumUnits`), possibly on different pages, so all pages are collected
 * before parsing and tiers are grouped by meter.
 *
 * Mapping (VOCABULARY.md, Azure):
 * - Virtual Machines → `vm`, sku = `armSkuName`, `os: "linux"`. Skipped: Windows (productName ends in "Windows"),
 *   Low Priority, Cloud Services and Dedicated Host products, `DevTestConsumption`. "Spot" meters → term `spot`.
 *   `Reservation` items → `reserved-1y` / `reserved-3y`: the API states a reservation's price for the **whole term**
 *   (unitOfMeasure still says "1 Hour"), so the hourly rate is that price ÷ 8,760 or ÷ 26,280 hours, rounded to 10
 *   decimals, with `commitment: "reservation"` and the term price kept as the `termUsd` attribute.
 * - Functions → `functions`: Consumption plan `executions` (unitOfMeasure "10" → per 1M, × 100,000) and
 *   `execution-time` (GB-second), the free grant being the first tier at 0; Flex Consumption on-demand
 *   `flex-executions` / `flex-execution-time`; Elastic Premium `premium-vcpu` (vCPU-hour) / `premium-memory`
 *   ("1 GiB Hour" → GB-hour). Flex "Always Ready" meters have no vocabulary entry and are skipped.
 * - Storage, block blobs → `blob` `storage-<tier>-<redundancy>` (GB-month) and `write-operations` /
 *   `read-operations` ("10K" → per 1K, ÷ 10) with `accessTier`/`redundancy` attributes; managed disks →
 *   `managed-disk` `premium-ssd-p10` … ("1/Month" → month) with `redundancy`.
 * Everything else is skipped with its serviceName/productName/meterName. Non-USD items are skipped unless a rate is
 * given (ask the API for `currencyCode='USD'` instead).
 */
import type { PriceRecord, PriceUnit } from '@backarch/core';
import { compare, decimalText, divide, isDecimal, times } from './decimal-text';
import { datePart, dedupe, describeKeys, FormatError, isObject, tiered, type ParseOptions, type ParseResult, type Skipped, type TierStep } from './types';

export const AZURE_RETAIL_ENDPOINT = 'https://prices.azure.com/api/retail/prices';

export interface AzureRetailItem {
  currencyCode?: string;
  tierMinimumUnits?: number;
  retailPrice?: number;
  unitPrice?: number;
  armRegionName?: string;
  location?: string;
  effectiveStartDate?: string;
  meterId?: string;
  meterName?: string;
  productId?: string;
  skuId?: string;
  productName?: string;
  skuName?: string;
  serviceName?: string;
  serviceFamily?: string;
  unitOfMeasure?: string;
  type?: string;
  reservationTerm?: string;
  isPrimaryMeterRegion?: boolean;
  armSkuName?: string;
}

export interface AzureRetailPage {
  BillingCurrency?: string;
  Items: AzureRetailItem[];
  NextPageLink?: string | null;
  Count?: number;
}

export interface AzureParseOptions extends ParseOptions {
  /** Units of a currency per 1 USD, e.g. {EUR: "0.92"}, to convert non-USD items instead of skipping them. */
  currencyRates?: Record<string, string>;
}

/** Fetches one page (a URL of the API) and returns its parsed JSON. */
export type PageFetcher = (url: string) => Promise<unknown>;

export function isAzureRetailPage(value: unknown): value is AzureRetailPage {
  return isObject(value) && Array.isArray(value.Items);
}

/**
 * Every page from `firstUrl` on, following `NextPageLink`. `onPage(pages, items)` reports progress.
 * Stops with an error on a page that is not a Retail Prices page or a link that repeats.
 */
export async function fetchAzureRetailPages(
  firstUrl: string,
  fetchPage: PageFetcher,
  options: { onPage?: (pages: number, items: number) => void; maxPages?: number } = {},
): Promise<AzureRetailPage[]> {
  const pages: AzureRetailPage[] = [];
  const seen = new Set<string>();
  let items = 0;
  for (let url: string | null | undefined = firstUrl; url; ) {
    if (seen.has(url)) throw new FormatError(`NextPageLink repeats ${url}`);
    if (pages.length >= (options.maxPages ?? 100_000)) throw new FormatError(`more than ${options.maxPages ?? 100_000} pages; narrow the $filter`);
    seen.add(url);
    const page = await fetchPage(url);
    if (!isAzureRetailPage(page)) throw new FormatError(`${url} did not return a Retail Prices page ({Items, NextPageLink}); ${describeKeys(page)}`);
    pages.push(page);
    items += page.Items.length;
    options.onPage?.(pages.length, items);
    url = page.NextPageLink;
  }
  return pages;
}

interface UnitOfMeasure {
  /** How many base units one price covers ("10K" → 10000). */
  quantity: string;
  dimension: 'count' | 'hour' | 'GB-second' | 'GB-hour' | 'GB-month' | 'month' | 'GB';
}

const DIMENSIONS: Record<string, UnitOfMeasure['dimension']> = {
  '': 'count',
  hour: 'hour',
  hours: 'hour',
  '/hour': 'hour',
  'gb second': 'GB-second',
  'gb-second': 'GB-second',
  'gib second': 'GB-second',
  'gb/hour': 'GB-hour',
  'gib/hour': 'GB-hour',
  'gib hour': 'GB-hour',
  'gb hour': 'GB-hour',
  'gb/month': 'GB-month',
  'gib/month': 'GB-month',
  '/month': 'month',
  month: 'month',
  gb: 'GB',
  gib: 'GB',
};

/** "1 Hour", "1/Hour", "1 GB Second", "10", "10K", "1M", "1 GB/Month", "1/Month" → quantity and dimension. */
export function parseUnitOfMeasure(text: string | undefined): UnitOfMeasure | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([KM])?\s*(.*)$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const dimension = DIMENSIONS[match[3]!.trim().toLowerCase()];
  if (!dimension) return undefined;
  const multiplier = match[2] === 'K' ? '1000' : match[2] === 'M' ? '1000000' : '1';
  return { quantity: times(match[1]!, multiplier), dimension };
}

/** Record units and how many base units each covers. */
const RECORD_UNITS: Partial<Record<PriceUnit, { dimension: UnitOfMeasure['dimension']; size: string }>> = {
  hour: { dimension: 'hour', size: '1' },
  'vCPU-hour': { dimension: 'hour', size: '1' },
  'GB-second': { dimension: 'GB-second', size: '1' },
  'GB-hour': { dimension: 'GB-hour', size: '1' },
  'GB-month': { dimension: 'GB-month', size: '1' },
  month: { dimension: 'month', size: '1' },
  GB: { dimension: 'GB', size: '1' },
  request: { dimension: 'count', size: '1' },
  '1K requests': { dimension: 'count', size: '1000' },
  '1M requests': { dimension: 'count', size: '1000000' },
};

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  attributes: Record<string, string | number | boolean>;
}

const lower = (s: string) => s.toLowerCase().replace(/\s+/g, '-');

function mapItem(item: AzureRetailItem): Target | string {
  const product = item.productName ?? '';
  const meter = item.meterName ?? '';
  const skuName = item.skuName ?? '';
  const unsupported = `no vocabulary mapping for ${item.serviceName ?? '?'}: ${product} / ${skuName} / ${meter}`;
  switch (item.serviceName) {
    case 'Virtual Machines': {
      if (/ Windows$/.test(product)) return 'Windows (the price includes the Windows licence; only Linux is booked)';
      if (/Low Priority/i.test(`${skuName} ${meter}`)) return 'Low Priority (Batch) meter';
      if (/Cloud ?Services/i.test(product)) return 'Cloud Services product, not a plain VM';
      if (/Dedicated ?Host/i.test(`${product} ${skuName}`)) return 'Dedicated Host (priced per host)';
      const sku = item.armSkuName || (skuName ? `Standard_${skuName.replace(/ Spot$/, '').replace(/\s+/g, '_')}` : '');
      if (!sku) return 'no armSkuName';
      return { service: 'vm', sku, unit: 'hour', attributes: { os: 'linux' } };
    }
    case 'Functions':
      if (product === 'Functions' && skuName === 'Standard') {
        if (meter === 'Standard Total Executions') return { service: 'functions', sku: 'executions', unit: '1M requests', attributes: {} };
        if (meter === 'Standard Execution Time') return { service: 'functions', sku: 'execution-time', unit: 'GB-second', attributes: {} };
      }
      if (product === 'Flex Consumption' && skuName === 'On Demand') {
        if (meter === 'On Demand Total Executions') return { service: 'functions', sku: 'flex-executions', unit: '1M requests', attributes: {} };
        if (meter === 'On Demand Execution Time') return { service: 'functions', sku: 'flex-execution-time', unit: 'GB-second', attributes: {} };
      }
      if (product === 'Premium Functions') {
        if (meter === 'Premium vCPU Duration') return { service: 'functions', sku: 'premium-vcpu', unit: 'vCPU-hour', attributes: {} };
        if (meter === 'Premium Memory Duration') return { service: 'functions', sku: 'premium-memory', unit: 'GB-hour', attributes: {} };
      }
      return unsupported;
    case 'Storage': {
      if (/Block Blob|^Blob Storage$/.test(product) && !/Premium|Hierarchical/.test(product)) {
        const m = /^(Hot|Cool|Cold|Archive) (LRS|ZRS|GRS|RA-GRS|GZRS|RA-GZRS) (Data Stored|Write Operations|Read Operations)$/.exec(meter);
        if (!m) return unsupported;
        const [, tier, redundancy, what] = m;
        if (what === 'Data Stored') return { service: 'blob', sku: `storage-${lower(tier!)}-${lower(redundancy!)}`, unit: 'GB-month', attributes: {} };
        return { service: 'blob', sku: what === 'Write Operations' ? 'write-operations' : 'read-operations', unit: '1K requests', attributes: { accessTier: lower(tier!), redundancy: lower(redundancy!) } };
      }
      const disk = /^(Premium SSD|Standard SSD|Standard HDD) Managed Disks$/.exec(product);
      const size = /^([PES]\d+) (LRS|ZRS) Disk$/.exec(meter);
      if (disk && size) {
        const kind = lower(disk[1]!);
        return { service: 'managed-disk', sku: `${kind}-${size[1]!.toLowerCase()}`, unit: 'month', attributes: { redundancy: size[2]!.toLowerCase() } };
      }
      return unsupported;
    }
    default:
      return unsupported;
  }
}

function termOf(item: AzureRetailItem): { term: PriceRecord['term']; hours?: string } | string {
  const type = item.type ?? 'Consumption';
  if (type === 'DevTestConsumption') return 'DevTestConsumption (Dev/Test subscription price)';
  if (type === 'Reservation') {
    if (item.reservationTerm === '1 Year') return { term: 'reserved-1y', hours: '8760' };
    if (item.reservationTerm === '3 Years') return { term: 'reserved-3y', hours: '26280' };
    return `reservationTerm "${item.reservationTerm ?? ''}"`;
  }
  if (type !== 'Consumption') return `price type "${type}"`;
  return { term: / Spot$/.test(item.meterName ?? '') || / Spot$/.test(item.skuName ?? '') ? 'spot' : 'on-demand' };
}

function itemsOf(input: unknown): AzureRetailItem[] {
  if (isAzureRetailPage(input)) return input.Items;
  if (Array.isArray(input) && input.length > 0 && input.every(isAzureRetailPage)) return input.flatMap((page) => page.Items);
  throw new FormatError(`not an Azure Retail Prices API page ({BillingCurrency, Items, NextPageLink}); ${describeKeys(input)}`);
}

/** Parses one page, an array of pages (all of one query), or the pages `fetchAzureRetailPages` returned. */
export function parseAzureRetail(input: unknown, options: AzureParseOptions): ParseResult {
  const items = itemsOf(input);
  const skipped: Skipped[] = [];
  const records: PriceRecord[] = [];
  const trust = options.trust ?? 'A';

  // One meter = its tiers; the key keeps reservations and Spot apart from pay-as-you-go.
  const meters = new Map<string, AzureRetailItem[]>();
  for (const item of items) {
    const key = [item.meterId, item.skuId, item.type, item.reservationTerm ?? '', item.armRegionName].join('|');
    let list = meters.get(key);
    if (!list) meters.set(key, (list = []));
    list.push(item);
  }

  let done = 0;
  for (const tiers of meters.values()) {
    if (done++ % 1000 === 0) options.onProgress?.(done, meters.size);
    const first = tiers[0]!;
    const label = `${first.meterId ?? '?'} (${first.productName ?? '?'} / ${first.meterName ?? '?'}${first.type && first.type !== 'Consumption' ? ` / ${first.type}` : ''})`;
    const skip = (reason: string) => void skipped.push({ key: label, reason });
    const target = mapItem(first);
    if (typeof target === 'string') {
      skip(target);
      continue;
    }
    const term = termOf(first);
    if (typeof term === 'string') {
      skip(term);
      continue;
    }
    const currency = first.currencyCode ?? 'USD';
    const rate = currency === 'USD' ? undefined : options.currencyRates?.[currency];
    if (currency !== 'USD' && !rate) {
      skip(`priced in ${currency}, not USD; request currencyCode='USD' or pass a ${currency} rate`);
      continue;
    }
    const measure = parseUnitOfMeasure(first.unitOfMeasure);
    const recordUnit = RECORD_UNITS[target.unit];
    if (!measure || !recordUnit || measure.dimension !== recordUnit.dimension) {
      skip(`unitOfMeasure "${first.unitOfMeasure ?? ''}" does not convert to ${target.unit}`);
      continue;
    }
    if (term.hours && measure.dimension !== 'hour') {
      skip('reservation of a non-hourly meter');
      continue;
    }
    const steps: TierStep[] = [];
    let bad: string | undefined;
    for (const item of tiers) {
      if (!isDecimal(item.retailPrice) || !isDecimal(item.tierMinimumUnits ?? 0)) {
        bad = `retailPrice ${String(item.retailPrice)} / tierMinimumUnits ${String(item.tierMinimumUnits)} not numbers`;
        break;
      }
      // price per record unit = retailPrice × (record unit size ÷ quantity priced); tier start the other way round.
      let usd = divide(times(item.retailPrice, recordUnit.size), measure.quantity);
      if (term.hours) usd = divide(usd, term.hours, 10);
      if (rate) usd = divide(usd, rate, 12);
      steps.push({ from: divide(times(item.tierMinimumUnits ?? 0, measure.quantity), recordUnit.size), usd });
    }
    const price = bad ?? tiered(steps, compare);
    if (typeof price === 'string') {
      skip(price);
      continue;
    }
    const attributes: Target['attributes'] = { ...target.attributes };
    if (term.hours) {
      attributes.commitment = 'reservation';
      attributes.termUsd = decimalText(first.retailPrice!);
    }
    const effectiveDate = options.effectiveDate ?? datePart(first.effectiveStartDate);
    if (!effectiveDate) {
      skip('no effectiveStartDate; pass an effective date');
      continue;
    }
    records.push({
      cloud: 'azure',
      service: target.service,
      sku: target.sku,
      region: first.armRegionName || 'global',
      term: term.term,
      unit: target.unit,
      usd: price.usd,
      ...(price.tiers ? { tiers: price.tiers } : {}),
      attributes,
      source: {
        file: options.sourceFile,
        key: `${first.meterId ?? '?'}${first.reservationTerm ? ` ${first.reservationTerm}` : ''}${rate ? ` (converted from ${currency} at ${rate} per USD)` : ''}`,
        trust,
      },
      effectiveDate,
    });
  }
  options.onProgress?.(meters.size, meters.size);
  return dedupe({ records, skipped });
}
