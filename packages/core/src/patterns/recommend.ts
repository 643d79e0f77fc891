import { applyChangeSet } from '../document/apply';
import type { ArchDocument } from '../document/schema';
import { health } from '../health/engine';
import type { Finding, HealthResult } from '../health/types';
import { price } from '../pricing/engine';
import type { PriceBook } from '../pricing/price-book';
import type { PriceResult } from '../pricing/types';
import { PATTERNS } from './registry';
import type { AnyPattern, PatternTarget } from './types';

/** "What patterns am I missing?": a pattern, where it would go, and what it would change. */
export interface Recommendation {
  pattern: string;
  name: string;
  /** Where to apply it: only targets where it resolves at least one current finding. */
  targets: PatternTarget[];
  reason: string;
  /** The current findings it resolves at those targets. */
  findingsAddressed: Finding[];
  /** Score after applying it at every target, minus the score now (category caps included). */
  scoreDelta: number;
  /**
   * Monthly cost after applying it at every target, minus the cost now, in USD; null without a price book or when
   * something it adds has no price (unknown is not $0).
   */
  estimatedCostDeltaUsd: number | null;
}

export interface RecommendOptions {
  book?: PriceBook;
  /** Patterns to consider (default: all). */
  patterns?: readonly AnyPattern[];
}

/**
 * Whether a finding is about the place a target names: by connection when both name connections (a circuit breaker on
 * one call does not fix another call into the same service), else by component.
 */
export function findingAt(finding: Finding, target: PatternTarget): boolean {
  if (finding.connections.length > 0 && target.connections.length > 0) return finding.connections.some((id) => target.connections.includes(id));
  return finding.components.some((id) => target.components.includes(id));
}

/** Whether `later` (in a report after a change) still reports the problem `earlier` reported: same rule, same place. */
export function sameProblem(earlier: Finding, later: Finding): boolean {
  if (earlier.rule !== later.rule) return false;
  if (earlier.connections.length > 0) return earlier.connections.some((id) => later.connections.includes(id));
  if (earlier.components.length > 0) return earlier.components.some((id) => later.components.includes(id));
  return true;
}

/**
 * Patterns that would resolve findings of `report` (the health of `doc`), ranked by the points they win back, then by
 * what they cost. Each is applied for real (every target, in turn) and the document re-scored and re-priced, so the
 * figures are the engine's, not guesses.
 */
export function recommendPatterns(doc: ArchDocument, report: HealthResult, options: RecommendOptions = {}): Recommendation[] {
  const { book } = options;
  const before = book ? price(doc, book) : undefined;
  const recommendations: Recommendation[] = [];
  for (const pattern of options.patterns ?? PATTERNS) {
    if (pattern.addresses.length === 0) continue;
    const relevant = report.findings.filter((f) => pattern.addresses.includes(f.rule));
    if (relevant.length === 0) continue;
    const targets = pattern.appliesTo(doc).filter((t) => relevant.some((f) => findingAt(f, t)));
    if (targets.length === 0) continue;

    let after = doc;
    const applied: PatternTarget[] = [];
    for (const target of targets) {
      try {
        const result = applyChangeSet(after, pattern.apply(after, target));
        if (!result.ok) continue;
        after = result.document;
        applied.push(target);
      } catch {
        // a target an earlier one already covered (or removed) is skipped
      }
    }
    if (applied.length === 0) continue;

    const findingsAddressed = relevant.filter((f) => applied.some((t) => findingAt(f, t)));
    // priced once: the health rules that need the bill (budget) read this one
    const cost = before && book ? price(after, book) : undefined;
    const scored = health(after, { book, price: cost });
    const resolved = findingsAddressed.filter((f) => !scored.findings.some((g) => sameProblem(f, g)));
    if (resolved.length === 0) continue;
    const names = [...new Set(applied.flatMap((t) => t.components.slice(0, 1)))];
    recommendations.push({
      pattern: pattern.id,
      name: pattern.name,
      targets: applied,
      reason: `${pattern.name} at ${names.length === 1 ? names[0] : `${names.length} places`} resolves ${resolved.length} finding${resolved.length === 1 ? '' : 's'} (${[...new Set(resolved.map((f) => f.rule))].join(', ')}). ${applied[0]!.reason}`,
      findingsAddressed: resolved,
      scoreDelta: scored.score - report.score,
      estimatedCostDeltaUsd: before && cost ? costDelta(before, cost) : null,
    });
  }
  return recommendations.sort(
    (a, b) =>
      b.scoreDelta - a.scoreDelta ||
      b.findingsAddressed.length - a.findingsAddressed.length ||
      (a.estimatedCostDeltaUsd ?? Infinity) - (b.estimatedCostDeltaUsd ?? Infinity) ||
      a.pattern.localeCompare(b.pattern),
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The bill's lines without a price, with their quantities: what the total cannot see. */
const unknownLines = (bill: PriceResult) =>
  new Set(bill.components.flatMap((c) => c.costComponents.filter((l) => l.monthlyUsd === null).map((l) => `${c.id}|${l.name}|${l.quantity}`)));

/**
 * After − before, or null when the change touches anything without a price: an unpriced line that appears, disappears
 * or changes quantity (two tasks instead of one at an unknown rate) makes the difference unknown, not $0.
 */
function costDelta(before: PriceResult, after: PriceResult): number | null {
  const a = unknownLines(before);
  const b = unknownLines(after);
  if (a.size !== b.size || [...a].some((line) => !b.has(line))) return null;
  return round2(Number(after.totalMonthlyUsd) - Number(before.totalMonthlyUsd));
}
