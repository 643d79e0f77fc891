import { getComponentDef } from '../catalog/catalog';
import type { ComponentDef } from '../catalog/types';
import { resolveConfig } from '../document/resolve';
import type { ArchDocument, Component } from '../document/schema';
import { traffic as computeTraffic, type Load, type TrafficResult } from '../traffic/traffic';
import { add, compare, decimal, mul, sub, toText, ZERO, type Decimal } from './decimal';
import type { PriceBook, PriceRecord, PriceTerm } from './price-book';
import { findPricer } from './pricers/registry';
import { PRICED_CLOUDS, REFERENCE_REGION, regionOn, type PricedCloud } from './regions';
import type { CostItem, CostLine, Link, PricedComponent, PriceResult, PricerContext, UnpricedItem } from './types';

export interface PriceOptions {
  /** Price the whole design on this cloud, mapping cloud-specific components to their equivalents. */
  cloud?: PricedCloud;
  /** Reuse a traffic result already computed for this document. */
  traffic?: TrafficResult;
}

const SAAS_VENDORS = new Set(['cloudflare', 'datadog', 'pinecone', 'auth0', 'anthropic', 'openai', 'google']);

/** The document's cloud for neutral components: its `constraints.cloud`, AWS for "multi" or none. */
export function documentCloud(doc: ArchDocument): PricedCloud {
  const cloud = doc.constraints.cloud;
  return cloud && cloud !== 'multi' ? cloud : 'aws';
}

/** Embedding component `provider` values → the vendor whose price list applies. */
const EMBEDDING_VENDORS: Record<string, string> = { openai: 'openai', google: 'google', 'anthropic-voyage': 'voyage', cohere: 'cohere' };

/** Which cloud or vendor prices a component: its own for SaaS and (unless mapping) cloud-specific types. */
export function pricingCloud(def: ComponentDef, config: Record<string, unknown>, docCloud: PricedCloud, target?: PricedCloud): string {
  if (def.equivalence === 'embedding') return EMBEDDING_VENDORS[config.provider as string] ?? String(config.provider);
  if (SAAS_VENDORS.has(def.vendor)) return def.vendor;
  if ((PRICED_CLOUDS as readonly string[]).includes(def.vendor)) return target ?? def.vendor;
  return target ?? docCloud;
}

const recordDecimals = new WeakMap<object, Decimal>();
/** Parsed once per record and tier: the book is immutable. */
function usdOf(holder: { usd: string }): Decimal {
  let value = recordDecimals.get(holder);
  if (!value) recordDecimals.set(holder, (value = decimal(holder.usd)));
  return value;
}

/** Monthly cost of `quantity` units at a record's (possibly tiered) price. */
export function costOf(record: PriceRecord, quantity: number): Decimal {
  const q = decimal(quantity);
  if (!record.tiers) return mul(q, usdOf(record));
  let total = ZERO;
  record.tiers.forEach((tier, k) => {
    const from = decimal(tier.from);
    const next = record.tiers![k + 1];
    const upTo = next ? decimal(next.from) : undefined;
    const top = upTo && compare(upTo, q) < 0 ? upTo : q;
    const amount = sub(top, from);
    if (amount.units > 0n) total = add(total, mul(amount, usdOf(tier)));
  });
  return total;
}

/** Finds the price for a cost item in the region, else the cloud's reference region (labelled an estimate). */
function lookup(book: PriceBook, item: CostItem, region: string, cloud: string): { record?: PriceRecord; estimate?: string; missing?: string } {
  const query = { ...item.price, region: item.price.region ?? region };
  const exact = book.find(query);
  if (exact) return { record: exact };
  const term: PriceTerm = query.term ?? 'on-demand';
  const what = `${query.service} ${query.sku}${term === 'on-demand' ? '' : ` (${term})`}`;
  const fallbackRegion = (REFERENCE_REGION as Record<string, string>)[cloud] ?? 'global';
  const fallback = book.find({ ...query, region: fallbackRegion }) ?? book.candidates(query)[0];
  if (fallback) {
    return { record: fallback, estimate: `no price for ${what} in ${query.region}; estimated with the ${fallback.region} list price` };
  }
  return { missing: `no price for ${what} in ${query.region}` };
}

function priceLine(book: PriceBook, item: CostItem, region: string, cloud: string): { line: CostLine; cost?: Decimal } {
  const found = lookup(book, item, region, cloud);
  const cost = found.record ? costOf(found.record, item.quantity) : undefined;
  const line: CostLine = {
    name: item.name,
    unit: item.unit,
    quantity: item.quantity,
    unitPriceUsd: found.record ? found.record.usd : null,
    monthlyUsd: cost ? toText(cost) : null,
    usageBased: item.usageBased,
  };
  if (found.estimate) line.estimate = found.estimate;
  const term = item.price.term ?? 'on-demand';
  if (found.record && term !== 'on-demand') {
    const onDemand = book.find({ ...item.price, term: 'on-demand', region: found.record.region });
    if (onDemand) line.onDemandMonthlyUsd = toText(costOf(onDemand, item.quantity));
  }
  if (found.missing) line.missing = found.missing;
  if (found.record) {
    const r = found.record;
    line.source = { service: r.service, sku: r.sku, file: r.source.file, key: r.source.key, trust: r.source.trust, effectiveDate: r.effectiveDate, region: r.region, term: r.term };
  }
  return { line, ...(cost && { cost }) };
}

const regionCache = new Map<string, string>();
/** `regionOn`, memoised: a document asks the same few (cloud, region) pairs thousands of times. */
function regionFor(cloud: PricedCloud, region: string | undefined): string {
  const key = `${cloud}|${region ?? ''}`;
  let value = regionCache.get(key);
  if (value === undefined) regionCache.set(key, (value = regionOn(cloud, region)));
  return value;
}

const ZERO_LOAD: Load = { peakRps: 0, averageRps: 0, monthlyRequests: 0, egressGb: 0 };
interface LinkIndex {
  incoming: Map<string, Link[]>;
  outgoing: Map<string, Link[]>;
}
const linkIndexes = new WeakMap<TrafficResult, LinkIndex>();

/** Each component's connections with their loads, built once per document and traffic result (O(connections)). */
function linksOf(doc: ArchDocument, trafficResult: TrafficResult): LinkIndex {
  let index = linkIndexes.get(trafficResult);
  if (index) return index;
  const byId = new Map(doc.components.map((c) => [c.id, c]));
  index = { incoming: new Map(), outgoing: new Map() };
  for (const connection of doc.connections) {
    const from = byId.get(connection.from);
    const to = byId.get(connection.to);
    if (!from || !to) continue;
    const load = trafficResult.connections.get(connection.id) ?? ZERO_LOAD;
    const push = (map: Map<string, Link[]>, key: string, link: Link) => {
      const list = map.get(key);
      if (list) list.push(link);
      else map.set(key, [link]);
    };
    push(index.outgoing, from.id, { connection, other: to, otherDef: getComponentDef(to.type), load });
    push(index.incoming, to.id, { connection, other: from, otherDef: getComponentDef(from.type), load });
  }
  linkIndexes.set(trafficResult, index);
  return index;
}

/** Prices one component; returns the priced component and whatever could not be priced. */
export function priceComponent(
  doc: ArchDocument,
  component: Component,
  book: PriceBook,
  trafficResult: TrafficResult,
  target?: PricedCloud,
): { priced: PricedComponent; unpriced: UnpricedItem[]; total?: Decimal } {
  const def = getComponentDef(component.type)!;
  const config = resolveConfig(component) ?? {};
  const docCloud = target ?? documentCloud(doc);
  const cloud = pricingCloud(def, config, docCloud, target);
  const isCloud = (PRICED_CLOUDS as readonly string[]).includes(cloud);
  const region = isCloud ? regionFor(cloud as PricedCloud, (config.region as string | undefined) ?? doc.constraints.region) : 'global';
  const label = component.label ?? component.id;
  const base = { id: component.id, label, type: component.type, cloud, region };
  if (def.roles.includes('entrypoint')) {
    return { priced: { ...base, product: def.name, monthlyUsd: '0', costComponents: [], notes: ['clients are not billed'], free: true }, unpriced: [] };
  }
  const pricer = findPricer(cloud, def, config);
  const mapped = target !== undefined && def.vendor !== cloud && (PRICED_CLOUDS as readonly string[]).includes(def.vendor);
  if (!pricer) {
    const reason = mapped
      ? `no ${def.equivalence} equivalent of ${def.name} is priced on ${cloud}`
      : isCloud
        ? `no pricer for ${def.name} on ${cloud}`
        : `${def.name} (${cloud}) has no prices in the price book`;
    return { priced: { ...base, product: def.name, monthlyUsd: null, costComponents: [], notes: [reason] }, unpriced: [{ id: component.id, reason }] };
  }
  const ctx: PricerContext = {
    doc,
    component,
    def,
    config,
    cloud,
    region,
    term: (config.term as PriceTerm | undefined) ?? 'on-demand',
    load: trafficResult.components.get(component.id)!,
    // built on first use: most pricers never look at their connections
    get incoming() {
      return linksOf(doc, trafficResult).incoming.get(component.id) ?? [];
    },
    get outgoing() {
      return linksOf(doc, trafficResult).outgoing.get(component.id) ?? [];
    },
    traffic: trafficResult,
    book,
  };
  const result = pricer.price(ctx);
  const lines: CostLine[] = [];
  const unpriced: UnpricedItem[] = [];
  let total: Decimal | undefined;
  for (const item of result.items) {
    const { line, cost } = priceLine(book, item, region, cloud);
    lines.push(line);
    if (line.missing) unpriced.push({ id: component.id, line: line.name, reason: line.missing });
    if (cost) total = total ? add(total, cost) : cost;
  }
  const priced: PricedComponent = {
    ...base,
    product: result.product,
    ...(result.sku !== undefined && { sku: result.sku }),
    monthlyUsd: total ? toText(total) : lines.length === 0 ? '0' : null,
    costComponents: lines,
    notes: result.notes ?? [],
  };
  const mapping = [mapped ? `${def.name} → ${result.product} (same class: ${def.equivalence})` : undefined, result.mapping].filter(Boolean).join('; ');
  if (mapping) priced.mapping = mapping;
  return { priced, unpriced, ...(total && { total }) };
}

/**
 * Prices a document against a price book: an itemised monthly bill per component (730 hours a month), the total,
 * and every line the book has no price for — never priced as $0. With `options.cloud`, the whole design is priced
 * on that cloud, each component mapped to its nearest equivalent there.
 */
export function price(doc: ArchDocument, book: PriceBook, options: PriceOptions = {}): PriceResult {
  const trafficResult = options.traffic ?? computeTraffic(doc);
  const cloud = options.cloud ?? documentCloud(doc);
  const components: PricedComponent[] = [];
  const unpriced: UnpricedItem[] = [];
  let total = ZERO;
  for (const component of doc.components) {
    const result = priceComponent(doc, component, book, trafficResult, options.cloud);
    components.push(result.priced);
    unpriced.push(...result.unpriced);
    if (result.total) total = add(total, result.total);
  }
  return {
    currency: 'USD',
    cloud,
    region: regionFor(cloud, doc.constraints.region),
    totalMonthlyUsd: toText(total),
    incomplete: unpriced.length > 0,
    hasEstimates: components.some((c) => c.costComponents.some((l) => l.estimate)),
    components,
    unpriced,
    trafficBasis: trafficResult.basis,
  };
}
