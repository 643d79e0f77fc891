import type { ChangeSet } from '../document/change-set';
import type { ArchDocument } from '../document/schema';
import type { PriceBook } from '../pricing/price-book';
import type { PriceResult } from '../pricing/types';
import type { TrafficResult } from '../traffic/traffic';
import type { ArchGraph } from '../graph/graph';

export const HEALTH_CATEGORIES = ['resilience', 'security', 'observability', 'cost', 'operability'] as const;
export type HealthCategory = (typeof HEALTH_CATEGORIES)[number];

/** Points each category can lose at most, so one noisy category cannot zero the score. They add up to 100. */
export const CATEGORY_MAX: Record<HealthCategory, number> = { resilience: 30, security: 25, observability: 15, cost: 15, operability: 15 };

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Default penalty of one finding, by severity. */
export const SEVERITY_PENALTY: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1 };

/** A named, fixable reason for lost points. */
export interface Finding {
  rule: string;
  category: HealthCategory;
  severity: Severity;
  /** Component ids the finding concerns; the first is the one to look at. */
  components: string[];
  connections: string[];
  /** Why, with the numbers. */
  message: string;
  penalty: number;
  remediation: string;
  /** A change set (origin `fix:<rule>`) that resolves the finding, when it can be fixed mechanically. */
  fix?: ChangeSet;
}

/** What a rule returns: the engine adds rule, category, and default severity and penalty. */
export type FindingDraft = Omit<Finding, 'rule' | 'category' | 'severity' | 'penalty'> & { severity?: Severity; penalty?: number };

export interface AcceptedRisk {
  finding: Finding;
  /** The reasons given by the components that accepted it. */
  reasons: Array<{ component: string; reason: string }>;
}

/** What every rule can read; expensive parts (prices) are computed once, on first use. */
export interface RuleContext {
  doc: ArchDocument;
  graph: ArchGraph;
  traffic: TrafficResult;
  /** Effective config (defaults filled in) of component i. */
  config(component: number): Record<string, unknown>;
  /** Display name of component i: its label, or its id. */
  name(component: number): string;
  /** The bill, when a price book was given (budget and cost rules need it); undefined otherwise. */
  price(): PriceResult | undefined;
  book?: PriceBook;
  /** Whether component i accepts findings of `rule` (config.health.accept). */
  accepts(component: number, rule: string): boolean;
}

export interface HealthRule {
  id: string;
  name: string;
  category: HealthCategory;
  /** Default severity of its findings; a finding may raise or lower it. */
  severity: Severity;
  /** What it checks, in one or two sentences (README and `backarch check --help`). */
  description: string;
  check(ctx: RuleContext): FindingDraft[];
}

export interface HealthOptions {
  book?: PriceBook;
  /** Reuse an analysis already computed for this document. */
  traffic?: TrafficResult;
  price?: PriceResult;
}

export interface CategoryScore {
  score: number;
  max: number;
  /** Points lost: the findings' penalties, capped at `max`. */
  lost: number;
  findings: Finding[];
}

export interface HealthResult {
  /** 0–100: 100 minus the points lost in each category (each capped). */
  score: number;
  categories: Record<HealthCategory, CategoryScore>;
  findings: Finding[];
  acceptedRisks: AcceptedRisk[];
}
