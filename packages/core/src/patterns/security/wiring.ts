import type { Op } from '../../document/change-set';
import { fmt } from '../../format';
import type { ArchDocument } from '../../document/schema';
import { HEALTH_RULES } from '../../health/rules/registry';
import type { FindingDraft, RuleContext } from '../../health/types';
import { patternContext, round3 } from '../context';

/**
 * Helpers shared by the security, observability, AI and cost patterns.
 *
 * `ruleFindings` runs one health rule over the pattern context (same graph, configs and traffic), so a pattern that
 * claims to resolve a rule finds its targets exactly where the rule reports findings, not by a second reading of the
 * rule's logic that could drift from it.
 */
export function ruleFindings(doc: ArchDocument, ruleId: string): FindingDraft[] {
  const rule = HEALTH_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no health rule ${ruleId}`);
  const ctx = patternContext(doc);
  const { graph } = ctx;
  const ruleContext: RuleContext = {
    doc,
    graph,
    traffic: ctx.traffic,
    config: (i) => ctx.config(graph.ids[i]!),
    name: (i) => ctx.name(graph.ids[i]!),
    price: () => undefined,
    accepts: (i, id) => ((ctx.config(graph.ids[i]!).health as { accept?: Array<{ rule: string }> } | undefined)?.accept ?? []).some((a) => a.rule === id),
  };
  // accepted risks are not problems to solve: drop findings every concerned component accepts
  return rule.check(ruleContext).filter((f) => f.components.length === 0 || !f.components.every((id) => ruleContext.accepts(graph.index.get(id)!, ruleId)));
}

/** Compliance regimes that ask for mTLS and encryption at rest (the `mtls` and `encryption-at-rest` rules). */
export const STRICT_REGIMES = ['hipaa', 'pci', 'soc2'] as const;

/** Whether the document is under HIPAA, PCI DSS or SOC 2. */
export const underStrictCompliance = (doc: ArchDocument): boolean =>
  (doc.constraints.compliance ?? []).some((c) => (STRICT_REGIMES as readonly string[]).includes(c));

export { fmt };

/** "a, b and c", shortened after `max` names. */
export function names(list: readonly string[], max = 4): string {
  if (list.length > max) return `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Share of a rate, rounded to 3 decimals, for `share` on connections. */
export const share3 = (x: number): number => round3(Math.min(1, Math.max(0, x)));

/**
 * Ops copying `from`'s telemetry connections to `to` (a component the pattern adds beside it), so the new component is
 * observed exactly like its neighbour and adds no observability finding.
 */
export function copyTelemetry(doc: ArchDocument, from: string, to: string): Op[] {
  return doc.connections
    .filter((c) => c.from === from && c.type === 'telemetry')
    .map((c) => ({ op: 'addConnection' as const, connection: { from: to, to: c.to, type: 'telemetry', ...(c.config && Object.keys(c.config).length > 0 && { config: { ...c.config } }) } }));
}
