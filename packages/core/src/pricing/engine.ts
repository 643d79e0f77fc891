import { getComponentDef } from '../catalog/catalog';
import type { ComponentDef } from '../catalog/types';
import { resolveConfig } from '../document/resolve';
import type { ArchDocument, Component } from '../document/schema';
import { buildGraph, type ArchGraph } from '../graph/graph';
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
  /** Reuse the document's graph. */
  graph?: ArchGraph;
}

const PRICED_CLOUD_SET: ReadonlySet<string> = new Set(PRICED_CLOUDS);
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
  if (PRICED_CLOUD_SET.has(def.vendor)) return target ?? def.vendor;
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

/** What pricing one component needs besides the component: the document, its traffic, the book, the target cloud. */
interface PricingRun {
  doc: ArchDocument;
  book: PriceBook;
  traffic: TrafficResult;
  target: PricedCloud | undefined;
  docCloud: PricedCloud;
  /** The component's connections with their loads, made only when a pricer asks (most never do). */
  links(component: Component, index: number | undefined, direction: 'incoming' | 'outgoing'): Link[];
}

/** A pricer's view of one component; its connections are looked up on first use. */
class ComponentPricing implements PricerContext {
  #incoming?: Link[];
  #outgoing?: Link[];
  readonly doc: ArchDocument;
  readonly traffic: TrafficResult;
  readonly book: PriceBook;
  readonly term: PriceTerm;
  constructor(
    private readonly run: PricingRun,
    private readonly index: number | undefined,
    readonly component: Component,
    readonly def: ComponentDef,
    readonly config: Record<string, unknown>,
    readonly cloud: string,
    readonly region: string,
    readonly load: Load,
  ) {
    this.doc = run.doc;
    this.traffic = run.traffic;
    this.book = run.book;
    this.term = (config.term as PriceTerm | undefined) ?? 'on-demand';
  }
  get incoming(): readonly Link[] {
    return (this.#incoming ??= this.run.links(this.component, this.index, 'incoming'));
  }
  get outgoing(): readonly Link[] {
    return (this.#outgoing ??= this.run.links(this.component, this.index, 'outgoing'));
  }
}

/** Links from the graph's adjacency lists: O(degree). */
function graphLinks(graph: ArchGraph, trafficResult: TrafficResult) {
  return (_component: Component, i: number | undefined, direction: 'incoming' | 'outgoing'): Link[] => {
    const incoming = direction === 'incoming';
    return (incoming ? graph.in : graph.out)[i!]!.map((e) => {
      const other = incoming ? graph.from[e]! : graph.to[e]!;
      return { connection: graph.doc.connections[e]!, other: graph.doc.components[other]!, otherDef: graph.defs[other], load: trafficResult.connectionLoad(e) };
    });
  };
}

/** Links found by scanning the document's connections: O(connections), for pricing a single component. */
function scannedLinks(doc: ArchDocument, trafficResult: TrafficResult) {
  return (component: Component, _i: number | undefined, direction: 'incoming' | 'outgoing'): Link[] => {
    const links: Link[] = [];
    doc.connections.forEach((connection, e) => {
      const otherId = direction === 'incoming' ? (connection.to === component.id ? connection.from : undefined) : connection.from === component.id ? connection.to : undefined;
      const other = otherId === undefined ? undefined : doc.components.find((c) => c.id === otherId);
      if (other) links.push({ connection, other, otherDef: getComponentDef(other.type), load: trafficResult.connectionLoad(e) });
    });
    return links;
  };
}

/** Prices one component; returns the priced component and whatever could not be priced. */
export function priceComponent(
  doc: ArchDocument,
  component: Component,
  book: PriceBook,
  trafficResult: TrafficResult,
  target?: PricedCloud,
): { priced: PricedComponent; unpriced: UnpricedItem[]; total?: Decimal } {
  const run: PricingRun = { doc, book, traffic: trafficResult, target, docCloud: target ?? documentCloud(doc), links: scannedLinks(doc, trafficResult) };
  const load = trafficResult.components.get(component.id) ?? { peakRps: 0, averageRps: 0, monthlyRequests: 0, egressGb: 0 };
  return priceOne(run, undefined, component, getComponentDef(component.type)!, resolveConfig(component) ?? {}, load);
}

function priceOne(
  run: PricingRun,
  index: number | undefined,
  component: Component,
  def: ComponentDef,
  config: Record<string, unknown>,
  load: Load,
): { priced: PricedComponent; unpriced: UnpricedItem[]; total?: Decimal } {
  const { target, book } = run;
  const cloud = pricingCloud(def, config, run.docCloud, target);
  const isCloud = PRICED_CLOUD_SET.has(cloud);
  const region = isCloud ? regionFor(cloud as PricedCloud, (config.region as string | undefined) ?? run.doc.constraints.region) : 'global';
  const label = component.label ?? component.id;
  if (def.roles.includes('entrypoint')) {
    const priced: PricedComponent = { id: component.id, label, type: component.type, cloud, region, product: def.name, monthlyUsd: '0', costComponents: [], notes: ['clients are not billed'], free: true };
    return { priced, unpriced: [] };
  }
  const pricer = findPricer(cloud, def, config);
  const mapped = target !== undefined && def.vendor !== cloud && PRICED_CLOUD_SET.has(def.vendor);
  if (!pricer) {
    const reason = mapped
      ? `no ${def.equivalence} equivalent of ${def.name} is priced on ${cloud}`
      : isCloud
        ? `no pricer for ${def.name} on ${cloud}`
        : `${def.name} (${cloud}) has no prices in the price book`;
    const priced: PricedComponent = { id: component.id, label, type: component.type, cloud, region, product: def.name, monthlyUsd: null, costComponents: [], notes: [reason] };
    return { priced, unpriced: [{ id: component.id, reason }] };
  }
  const result = pricer.price(new ComponentPricing(run, index, component, def, config, cloud, region, load));
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
    id: component.id,
    label,
    type: component.type,
    cloud,
    region,
    product: result.product,
    ...(result.sku !== undefined && { sku: result.sku }),
    monthlyUsd: total ? toText(total) : lines.length === 0 ? '0' : null,
    costComponents: lines,
    notes: result.notes ?? [],
  };
  const mapping = mapped ? (result.mapping ? `${def.name} → ${result.product} (same class: ${def.equivalence}); ${result.mapping}` : `${def.name} → ${result.product} (same class: ${def.equivalence})`) : result.mapping;
  if (mapping) priced.mapping = mapping;
  return { priced, unpriced, ...(total && { total }) };
}

/**
 * Prices a document against a price book: an itemised monthly bill per component (730 hours a month), the total,
 * and every line the book has no price for — never priced as $0. With `options.cloud`, the whole design is priced
 * on that cloud, each component mapped to its nearest equivalent there.
 */
export function price(doc: ArchDocument, book: PriceBook, options: PriceOptions = {}): PriceResult {
  const graph = options.graph ?? buildGraph(doc);
  const trafficResult = options.traffic ?? computeTraffic(doc, graph);
  const cloud = options.cloud ?? documentCloud(doc);
  const run: PricingRun = { doc, book, traffic: trafficResult, target: options.cloud, docCloud: cloud, links: graphLinks(graph, trafficResult) };
  const components: PricedComponent[] = [];
  const unpriced: UnpricedItem[] = [];
  let total = ZERO;
  for (let i = 0; i < graph.n; i++) {
    const result = priceOne(run, i, doc.components[i]!, graph.defs[i]!, graph.configs[i]!, trafficResult.componentLoad(i));
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
