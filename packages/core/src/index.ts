// The public API of @backarch/core. Inside the package, import modules directly, not through this file.

// document
export { FORMAT_VERSION, COMPLIANCE, CLOUDS, defaultConnectionId, withConnectionId } from './document/schema';
export type { ArchDocument, Component, Connection, Constraints, Position, Compliance, Cloud } from './document/schema';
export { parseDocument, parseDocumentOrThrow, DocumentError, sortIssues } from './document/parse';
export type { ParseResult } from './document/parse';
export type { DocumentIssue } from './document/issues';
export { didYouMean } from './document/issues';
export type { JsonSyntaxError } from './document/json-text';
export { serializeDocument, canonicalDocument } from './document/serialize';
export { MIGRATIONS, migrate } from './document/migrations';
export { resolveConfig, resolveConnectionConfig } from './document/resolve';

// change sets
export { changeSetSchema, opSchema, originSchema } from './document/change-set';
export type { ChangeSet, Op, OpKind, Origin } from './document/change-set';
export { applyChangeSet } from './document/apply';
export { changeSetBetween } from './document/diff';
export type { ApplyResult } from './document/apply';

// catalog
export { CATEGORIES, ROLES, EQUIVALENCE_CLASSES } from './catalog/types';
export type { Category, Role, Vendor, EquivalenceClass, ComponentDef, ConnectionDef } from './catalog/types';
export { COMPONENT_DEFS } from './catalog/components/registry';
export type { ComponentType } from './catalog/components/registry';
export { CONNECTION_DEFS } from './catalog/connections/registry';
export type { ConnectionType } from './catalog/connections/registry';
export {
  COMPONENT_TYPES,
  CONNECTION_TYPES,
  getComponentDef,
  getConnectionDef,
  isComponentType,
  isConnectionType,
  connectionMismatch,
  fittingConnectionTypes,
  acceptedConnections,
} from './catalog/catalog';
export { describeConfigFields } from './catalog/describe';

// pricing
export { PRICE_TERMS, PRICE_UNITS, priceRecordSchema, createPriceBook, compareRecords } from './pricing/price-book';
export type { PriceRecord, PriceTier, PriceTerm, PriceUnit, PriceQuery, PriceBook, Trust } from './pricing/price-book';
export { decimal, add, sub, mul, div, compare, round, toText, toNumber, isZero, ZERO } from './pricing/decimal';
export type { Decimal } from './pricing/decimal';
export { price, priceComponent, costOf, documentCloud, pricingCloud } from './pricing/engine';
export type { PriceOptions } from './pricing/engine';
export { compareClouds } from './pricing/compare';
export { cheaperAlternatives, SERVERLESS_MAX_AVERAGE_RPS, TARGET_UTILISATION } from './pricing/alternatives';
export type { Alternative, AlternativeKind } from './pricing/alternatives';
export { capacityOf, instancesNeeded } from './capacity/capacity';
export type { Capacity } from './capacity/capacity';
export type { CloudComparison, CloudOption } from './pricing/compare';
export type { CostItem, CostLine, PricedComponent, PriceResult, Pricer, PricerContext, PricerResult, UnpricedItem } from './pricing/types';
export { PRICERS, findPricer } from './pricing/pricers/registry';
export { PRICED_CLOUDS, REFERENCE_REGION, regionOn, cloudOfRegion, isEuRegion } from './pricing/regions';
export type { PricedCloud } from './pricing/regions';

// traffic
export { traffic, entryRate, HOURS_PER_MONTH, SECONDS_PER_MONTH, DEFAULT_PEAK_TO_AVERAGE, DEFAULT_REQUESTS_PER_USER_PER_MONTH } from './traffic/traffic';
export type { Load, TrafficResult } from './traffic/traffic';
export type { ConfigFieldInfo } from './catalog/describe';

// health
export { health } from './health/engine';
export { HEALTH_RULES } from './health/rules/registry';
export { HEALTH_CATEGORIES, CATEGORY_MAX, SEVERITIES, SEVERITY_PENALTY } from './health/types';
export type { Finding, FindingDraft, HealthRule, HealthResult, HealthOptions, HealthCategory, Severity, CategoryScore, AcceptedRisk, RuleContext } from './health/types';
export { buildGraph, reachable, dominators } from './graph/graph';
export type { ArchGraph } from './graph/graph';

// patterns and templates
export { PATTERNS, getPattern } from './patterns/registry';
export { PATTERN_CATEGORIES, DIFFICULTIES } from './patterns/types';
export type { Pattern, AnyPattern, PatternTarget, PatternCategory, Difficulty, Tradeoffs } from './patterns/types';
export { recommendPatterns, findingAt, sameProblem } from './patterns/recommend';
export type { Recommendation, RecommendOptions } from './patterns/recommend';
export { TEMPLATES, getTemplate } from './templates/registry';
export { templateChangeSet } from './templates/apply';
export type { Template } from './templates/types';
