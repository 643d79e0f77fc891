import type { ArchDocument } from '../document/schema';
import { price as computePrice } from '../pricing/engine';
import type { PriceResult } from '../pricing/types';
import { traffic as computeTraffic } from '../traffic/traffic';
import { buildGraph } from '../graph/graph';
import { HEALTH_RULES } from './rules/registry';
import {
  CATEGORY_MAX,
  HEALTH_CATEGORIES,
  SEVERITY_PENALTY,
  type AcceptedRisk,
  type CategoryScore,
  type Finding,
  type HealthCategory,
  type HealthOptions,
  type HealthResult,
  type RuleContext,
} from './types';

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * Grades a document 0–100. Every rule runs over one shared graph index and traffic result; each finding costs its
 * penalty in its category, each category loses at most its maximum, and the score is 100 minus what was lost — so
 * every lost point maps to a finding. Findings on components that accept the rule (`config.health.accept`) are
 * listed as accepted risks instead and cost nothing.
 */
export function health(doc: ArchDocument, options: HealthOptions = {}): HealthResult {
  const graph = buildGraph(doc);
  const trafficResult = options.traffic ?? computeTraffic(doc, graph);
  const configs = graph.configs;
  let priced: PriceResult | undefined = options.price;
  const ctx: RuleContext = {
    doc,
    graph,
    traffic: trafficResult,
    config: (i) => configs[i]!,
    name: (i) => doc.components[i]!.label ?? doc.components[i]!.id,
    price: () => {
      if (!priced && options.book) priced = computePrice(doc, options.book, { traffic: trafficResult, graph });
      return priced;
    },
    ...(options.book && { book: options.book }),
    accepts: (i, rule) => acceptance(configs[i]!, rule) !== undefined,
  };

  const findings: Finding[] = [];
  const acceptedRisks: AcceptedRisk[] = [];
  const accepting = new Set(doc.components.filter((_, i) => (configs[i]!.health as { accept?: unknown[] } | undefined)?.accept?.length).map((c) => c.id));
  for (const rule of HEALTH_RULES) {
    for (const draft of rule.check(ctx)) {
      const severity = draft.severity ?? rule.severity;
      // drafts are the rule's own fresh objects: completed in place rather than copied (tens of thousands a run)
      const finding = Object.assign(draft, { rule: rule.id, category: rule.category, severity, penalty: draft.penalty ?? SEVERITY_PENALTY[severity] }) as Finding;
      // most documents accept nothing: skip the per-finding lookups unless a concerned component accepts some risk
      if (accepting.size === 0 || !finding.components.some((id) => accepting.has(id))) {
        findings.push(finding);
        continue;
      }
      const reasons = finding.components.map((id) => ({ component: id, reason: acceptance(configs[graph.index.get(id)!] ?? {}, rule.id) }));
      if (finding.components.length > 0 && reasons.every((r) => r.reason !== undefined)) {
        acceptedRisks.push({ finding, reasons: reasons as Array<{ component: string; reason: string }> });
      } else findings.push(finding);
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.penalty - a.penalty);

  const categories = Object.fromEntries(
    HEALTH_CATEGORIES.map((category): [HealthCategory, CategoryScore] => {
      const inCategory = findings.filter((f) => f.category === category);
      const lost = Math.min(CATEGORY_MAX[category], inCategory.reduce((sum, f) => sum + f.penalty, 0));
      return [category, { score: CATEGORY_MAX[category] - lost, max: CATEGORY_MAX[category], lost, findings: inCategory }];
    }),
  ) as Record<HealthCategory, CategoryScore>;
  const score = HEALTH_CATEGORIES.reduce((sum, c) => sum + categories[c].score, 0);
  return { score, categories, findings, acceptedRisks };
}

function acceptance(config: Record<string, unknown>, rule: string): string | undefined {
  const accept = (config.health as { accept?: Array<{ rule: string; reason: string }> } | undefined)?.accept;
  return accept?.find((a) => a.rule === rule)?.reason;
}
