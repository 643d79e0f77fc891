import { getComponentDef } from '../catalog/catalog';
import { SAAS_VENDORS, type ComponentDef } from '../catalog/types';
import { resolveConfig } from '../document/resolve';
import type { ArchDocument, Component } from '../document/schema';
import { buildGraph, inOf, outOf, type ArchGraph } from '../graph/graph';
import { traffic as computeTraffic, type Load, type TrafficResult } from '../traffic/traffic';
import { add, compare, decimal, mul, sub, toText, ZERO, type Decimal } from './decimal';
import type { PriceBook, PriceRecord, PriceTerm } from './price-book';
import { findPricer } from './pricers/registry';
import { PRICED_CLOUDS, REFERENCE_REGION, regionOn, type PricedCloud } from './regions';
import type { CostItem, CostLine, Link, PricedComponent, Pricer, PriceResult, PricerContext, PricerResult, UnpricedItem } from './types';

export interface PriceOptions {
  /** Price the whole design on this cloud, mapping cloud-specific components to their equivalents. */
  cloud?: PricedCloud;
  /** Reuse a traffic result already computed for this document. */
  traffic?: TrafficResult;
  /** Reuse the document's graph. */
  graph?: ArchGraph;
}

const PRICED_CLOUD_SET: ReadonlySet<string> = new Set(PRICED_CLOUDS);

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

/** Everything that decides a priced line: the item (name, quantity, unit, query) and where it is priced. */
function lineKey(item: CostItem, region: string, cloud: string): string {
  const q = item.price;
  let key = `${cloud}|${region}|${q.cloud}|${q.service}|${q.sku}|${q.term ?? ''}|${q.region ?? ''}|${item.name}|${item.unit}|${item.quantity}|${item.usageBased}`;
  if (q.attributes) for (const name in q.attributes) key += `|${name}=${String(q.attributes[name])}`;
  return key;
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
  /**
   * Lines already priced in this run, by `lineKey`: a large design prices the same few lines (this task size, that
   * instance) thousands of times. Lines are immutable, so components share them.
   */
  lines: Map<string, PricedLine>;
  /** The empty sum, root of the run's memoised line sums. */
  sums: LineSum;
  /** Pricer results that depended only on the component's type, config and place, by type, cloud, region and config. */
  results: Map<string, ComponentBill>;
  /** Lookups and hits of `results` per pricer, to stop looking where configs never repeat. */
  reuse: Map<Pricer, { lookups: number; hits: number }>;
  /**
   * Pricers whose results this run does not reuse: they looked at a component's situation, or their components'
   * configs rarely repeat (the key costs more than it saves).
   */
  notShared: Set<Pricer>;
  loadOf(component: Component, index: number | undefined): Load;
  /** The component's connections with their loads, made only when a pricer asks (most never do). */
  links(component: Component, index: number | undefined, direction: 'incoming' | 'outgoing'): Link[];
}

/**
 * A pricer's view of one component. Its load and connections are looked up on first use, and any look past the
 * component's own type, config and place (its load, connections, the document or its traffic) marks the result as
 * situational: only results that are not can be reused for another component with the same config.
 */
class ComponentPricing implements PricerContext {
  #incoming?: Link[];
  #outgoing?: Link[];
  #load?: Load;
  situational = false;
  readonly book: PriceBook;
  readonly term: PriceTerm;
  constructor(
    private readonly run: PricingRun,
    private readonly index: number | undefined,
    private readonly self: Component,
    readonly def: ComponentDef,
    readonly config: Record<string, unknown>,
    readonly cloud: string,
    readonly region: string,
  ) {
    this.book = run.book;
    this.term = (config.term as PriceTerm | undefined) ?? 'on-demand';
  }
  get component(): Component {
    this.situational = true;
    return this.self;
  }
  get doc(): ArchDocument {
    this.situational = true;
    return this.run.doc;
  }
  get traffic(): TrafficResult {
    this.situational = true;
    return this.run.traffic;
  }
  get load(): Load {
    this.situational = true;
    return (this.#load ??= this.run.loadOf(this.self, this.index));
  }
  get incoming(): readonly Link[] {
    this.situational = true;
    return (this.#incoming ??= this.run.links(this.self, this.index, 'incoming'));
  }
  get outgoing(): readonly Link[] {
    this.situational = true;
    return (this.#outgoing ??= this.run.links(this.self, this.index, 'outgoing'));
  }
}

const NO_LOAD: Load = { peakRps: 0, averageRps: 0, monthlyRequests: 0, egressGb: 0 };

function newRun(doc: ArchDocument, book: PriceBook, trafficResult: TrafficResult, target: PricedCloud | undefined, links: PricingRun['links'], loadOf: PricingRun['loadOf']): PricingRun {
  const docCloud = target ?? documentCloud(doc);
  return { doc, book, traffic: trafficResult, target, docCloud, lines: new Map(), sums: emptySum(), results: new Map(), reuse: new Map(), notShared: new Set(), links, loadOf };
}

/** Links from the graph's adjacency lists, O(degree), each with its connection's load. */
function graphLinks(graph: ArchGraph, loadOf: (connection: number) => Load) {
  return (_component: Component, i: number | undefined, direction: 'incoming' | 'outgoing'): Link[] => {
    const incoming = direction === 'incoming';
    return (incoming ? inOf(graph, i!) : outOf(graph, i!)).map((e) => {
      const other = incoming ? graph.from[e]! : graph.to[e]!;
      return { connection: graph.doc.connections[e]!, other: graph.doc.components[other]!, otherDef: graph.defs[other], load: loadOf(e) };
    });
  };
}

const graphs = new WeakMap<ArchDocument, ArchGraph>();
/** The graph of a document priced one component at a time (cheaper alternatives): built once per document. */
function graphOf(doc: ArchDocument): ArchGraph {
  let graph = graphs.get(doc);
  if (!graph) graphs.set(doc, (graph = buildGraph(doc)));
  return graph;
}

/** Prices one component; returns the priced component and whatever could not be priced. */
export function priceComponent(
  doc: ArchDocument,
  component: Component,
  book: PriceBook,
  trafficResult: TrafficResult,
  target?: PricedCloud,
): { priced: PricedComponent; unpriced: UnpricedItem[]; total?: Decimal } {
  // connections are looked up only when the pricer asks, through the document's graph (built on that first ask)
  const links: PricingRun['links'] = (c, _i, direction) => {
    const graph = graphOf(doc);
    const i = graph.index.get(c.id);
    // by id: the traffic may have been computed for the document before a change (cheaper alternatives)
    const loadOf = (e: number) => trafficResult.connections.get(doc.connections[e]!.id) ?? NO_LOAD;
    return i === undefined ? [] : graphLinks(graph, loadOf)(c, i, direction);
  };
  const run = newRun(doc, book, trafficResult, target, links, (c) => trafficResult.components.get(c.id) ?? NO_LOAD);
  const { priced, unpriced, sum } = priceOne(run, undefined, component, getComponentDef(component.type)!, resolveConfig(component) ?? {});
  return { priced, unpriced, ...(sum.total && { total: sum.total }) };
}

function priceOne(
  run: PricingRun,
  index: number | undefined,
  component: Component,
  def: ComponentDef,
  config: Record<string, unknown>,
): { priced: PricedComponent; unpriced: UnpricedItem[]; sum: LineSum } {
  const { target } = run;
  const cloud = pricingCloud(def, config, run.docCloud, target);
  const isCloud = PRICED_CLOUD_SET.has(cloud);
  const region = isCloud ? regionFor(cloud as PricedCloud, (config.region as string | undefined) ?? run.doc.constraints.region) : 'global';
  const label = component.label ?? component.id;
  if (def.roles.includes('entrypoint')) {
    const priced: PricedComponent = { id: component.id, label, type: component.type, cloud, region, product: def.name, monthlyUsd: '0', costComponents: [], notes: ['clients are not billed'], free: true };
    return { priced, unpriced: NOTHING_UNPRICED, sum: run.sums };
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
    return { priced, unpriced: [{ id: component.id, reason }], sum: UNKNOWN };
  }
  const key = run.notShared.has(pricer) ? undefined : `${def.id}|${cloud}|${region}|${JSON.stringify(component.config ?? null)}`;
  let bill = key === undefined ? undefined : run.results.get(key);
  if (key !== undefined) countReuse(run, pricer, bill !== undefined);
  if (!bill) {
    const ctx = new ComponentPricing(run, index, component, def, config, cloud, region);
    bill = billOf(run, pricer.price(ctx), region, cloud);
    if (ctx.situational) run.notShared.add(pricer);
    else if (key !== undefined) run.results.set(key, bill);
  }
  const { result, lines, sum } = bill;
  const unpriced = bill.missing.length === 0 ? NOTHING_UNPRICED : bill.missing.map((line) => ({ id: component.id, line: line.name, reason: line.missing! }));
  const priced: PricedComponent = {
    id: component.id,
    label,
    type: component.type,
    cloud,
    region,
    product: result.product,
    ...(result.sku !== undefined && { sku: result.sku }),
    monthlyUsd: bill.monthlyUsd,
    costComponents: lines,
    notes: result.notes ?? [],
  };
  const mapping = mapped ? (result.mapping ? `${def.name} → ${result.product} (same class: ${def.equivalence}); ${result.mapping}` : `${def.name} → ${result.product} (same class: ${def.equivalence})`) : result.mapping;
  if (mapping) priced.mapping = mapping;
  return { priced, unpriced, sum };
}

/** After this many lookups, a pricer whose results were reused less than one time in eight stops being looked up. */
const REUSE_PROBE = 64;

function countReuse(run: PricingRun, pricer: Pricer, hit: boolean): void {
  let stats = run.reuse.get(pricer);
  if (!stats) run.reuse.set(pricer, (stats = { lookups: 0, hits: 0 }));
  stats.lookups++;
  if (hit) stats.hits++;
  if (stats.lookups === REUSE_PROBE && stats.hits * 8 < stats.lookups) run.notShared.add(pricer);
}

const NOTHING_UNPRICED: UnpricedItem[] = [];

/** A pricer's result with its lines priced: the bill of one component, or of every component with the same config. */
interface ComponentBill {
  result: PricerResult;
  lines: CostLine[];
  /** Lines with no price. */
  missing: CostLine[];
  sum: LineSum;
  monthlyUsd: string | null;
}

function billOf(run: PricingRun, result: PricerResult, region: string, cloud: string): ComponentBill {
  const lines: CostLine[] = [];
  const missing: CostLine[] = [];
  let sum = run.sums;
  for (const item of result.items) {
    const key = lineKey(item, region, cloud);
    let cached = run.lines.get(key);
    if (!cached) run.lines.set(key, (cached = priceLine(run.book, item, region, cloud)));
    lines.push(cached.line);
    if (cached.line.missing) missing.push(cached.line);
    sum = followedBy(sum, cached);
  }
  return { result, lines, missing, sum, monthlyUsd: textOf(sum, run.sums) };
}

/** The sum of a component nothing could be priced for. */
const UNKNOWN: LineSum = { total: undefined, text: null, uses: 0 };

/** A priced line, as cached for a run. */
interface PricedLine {
  line: CostLine;
  cost?: Decimal;
}

/**
 * The sum of a sequence of priced lines, memoised as a trie over the lines of a run: components of one kind bill the
 * same lines, so each distinct sequence is added up (exactly, in decimals) once, not once per component.
 */
interface LineSum {
  /** Sum of the priced lines so far; undefined while none has a price. */
  total: Decimal | undefined;
  text?: string | null;
  /** Components whose bill ends here, counted for the document's total. */
  uses: number;
  next?: Map<PricedLine, LineSum>;
}

const emptySum = (): LineSum => ({ total: undefined, uses: 0 });

function followedBy(sum: LineSum, line: PricedLine): LineSum {
  sum.next ??= new Map();
  let next = sum.next.get(line);
  if (!next) {
    const total = line.cost ? (sum.total ? add(sum.total, line.cost) : line.cost) : sum.total;
    sum.next.set(line, (next = { total, uses: 0 }));
  }
  return next;
}

/** A component's monthly USD: the sum of its priced lines; "0" with no lines; null when none has a price (unknown, never $0). */
function textOf(sum: LineSum, root: LineSum): string | null {
  if (sum.text === undefined) sum.text = sum.total ? toText(sum.total) : sum === root ? '0' : null;
  return sum.text;
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
  const run = newRun(doc, book, trafficResult, options.cloud, graphLinks(graph, (e) => trafficResult.connectionLoad(e)), (_, i) => trafficResult.componentLoad(i!));
  const components: PricedComponent[] = [];
  const unpriced: UnpricedItem[] = [];
  const ends: LineSum[] = [];
  for (let i = 0; i < graph.n; i++) {
    const result = priceOne(run, i, doc.components[i]!, graph.defs[i]!, graph.configs[i]!);
    components.push(result.priced);
    for (const item of result.unpriced) unpriced.push(item);
    if (result.sum.total && result.sum.uses++ === 0) ends.push(result.sum);
  }
  // each distinct bill × the components that have it
  let total = ZERO;
  for (const end of ends) total = add(total, mul(end.total!, decimal(end.uses)));
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
