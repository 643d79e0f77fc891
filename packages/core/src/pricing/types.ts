import type { ComponentDef, EquivalenceClass } from '../catalog/types';
import type { ArchDocument, Component, Connection } from '../document/schema';
import type { Load, TrafficResult } from '../traffic/traffic';
import type { PriceBook, PriceQuery, PriceRecord, PriceTerm } from './price-book';

/** One line of a bill as a pricer describes it: what, how much, and which price to look up. Never a price. */
export interface CostItem {
  /** Infracost-style name: `Instance usage (on-demand, t3.large)`, `Requests`, `Storage (gp3)`. */
  name: string;
  /** Monthly quantity, in the unit of the price record the query finds. */
  quantity: number;
  /** Plural display unit for the quantity: `hours`, `GB-months`, `1M requests`. */
  unit: string;
  price: Omit<PriceQuery, 'region'> & { region?: string };
  /** True when the quantity comes from traffic (or usage overrides) rather than from provisioned capacity. */
  usageBased: boolean;
}

/** A connection of the component being priced, with the component at its other end and the traffic it carries. */
export interface Link {
  connection: Connection;
  /** The component at the other end. */
  other: Component;
  otherDef?: ComponentDef;
  load: Load;
}

export interface PricerContext {
  doc: ArchDocument;
  component: Component;
  def: ComponentDef;
  /** The component's config with the type's defaults filled in. */
  config: Record<string, unknown>;
  /** The cloud (or SaaS vendor) being priced on. */
  cloud: string;
  region: string;
  term: PriceTerm;
  load: Load;
  /** Connections into and out of the component, with their loads (reads vs writes, deliveries, consumers). */
  incoming: readonly Link[];
  outgoing: readonly Link[];
  /** The traffic of the whole document (any component's load, usage overrides included). */
  traffic: TrafficResult;
  book: PriceBook;
}

export interface PricerResult {
  /** The product and size chosen, shown in the bill and the cloud comparison: `RDS for PostgreSQL db.t3.medium`. */
  product: string;
  sku?: string;
  items: CostItem[];
  /** Assumptions worth reading: "2 nodes: Standard caches are replicated", "free tier not applied". */
  notes?: string[];
  /**
   * Set when this pricer stands in for a component of another cloud or another size (cross-cloud comparison): why
   * this product and size were chosen ("same engine, nearest vCPU/memory: 2 vCPU 8 GiB").
   */
  mapping?: string;
}

/**
 * A resource pricer: one product family on one cloud (or SaaS vendor), for one or more equivalence classes. Turns a
 * component's config and load into cost items; the engine looks the prices up (infracost's split).
 */
export interface Pricer {
  id: string;
  /** Cloud or SaaS vendor whose prices it uses: aws, gcp, azure, anthropic, openai, google. */
  cloud: string;
  equivalence: readonly EquivalenceClass[];
  /** Restricts the pricer to these component types (otherwise every type of its equivalence classes). */
  types?: readonly string[];
  /** Restricts the pricer by config, e.g. `(config) => config.managed === false` for self-hosted Kafka on VMs. */
  when?: (config: Record<string, unknown>) => boolean;
  price(ctx: PricerContext): PricerResult;
}

/** A priced line of the bill. Money is an exact decimal string in USD. */
export interface CostLine {
  name: string;
  unit: string;
  quantity: number;
  /** USD per unit (the first tier when tiered), or null when the book has no price. */
  unitPriceUsd: string | null;
  monthlyUsd: string | null;
  usageBased: boolean;
  /** Set when the price came from another region's list price: the line is an estimate. */
  estimate?: string;
  /** For a reserved or spot line: what the same quantity costs on demand, to show the saving. */
  onDemandMonthlyUsd?: string;
  /** Why there is no price, when there is none. */
  missing?: string;
  source?: { service: string; sku: string; file: string; key: string; trust: PriceRecord['source']['trust']; effectiveDate: string; region: string; term: PriceTerm };
}

export interface PricedComponent {
  id: string;
  label: string;
  type: string;
  cloud: string;
  region: string;
  product: string;
  sku?: string;
  /**
   * Sum of the priced lines, exact decimal string; lines without a price are not in it (see `unpriced`). Null when
   * nothing about the component could be priced: unknown, never $0.
   */
  monthlyUsd: string | null;
  costComponents: CostLine[];
  notes: string[];
  mapping?: string;
  /** Not billed (clients). */
  free?: boolean;
}

export interface UnpricedItem {
  id: string;
  /** The cost line, when only part of the component is unpriced. */
  line?: string;
  reason: string;
}

export interface PriceResult {
  currency: 'USD';
  cloud: string;
  region: string;
  totalMonthlyUsd: string;
  /** True when some line has no price: the total is a lower bound. */
  incomplete: boolean;
  /** True when some line uses another region's price. */
  hasEstimates: boolean;
  components: PricedComponent[];
  unpriced: UnpricedItem[];
  /** How the traffic was derived, for the bill's footnote. */
  trafficBasis: string;
}
