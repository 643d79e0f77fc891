import type { ChangeSet } from '../../document/change-set';
import { cheaperAlternatives, type Alternative } from '../../pricing/alternatives';
import type { PricedComponent } from '../../pricing/types';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { count, fmt } from '../../format';
import { applyNearby, nameList } from './helpers';

/** Share of the monthly budget above which one component's cost is a finding. */
export const COMPONENT_SHARE = 0.4;
/** Most expensive components searched for a saving that brings an over-budget bill back under. */
const SEARCHED_FOR_SAVINGS = 5;

/** Money for messages: whole dollars from $100, cents below ("$7,412", "$48.50"). */
export function usd(n: number): string {
  return Math.abs(n) >= 100 ? `$${count(n)}` : `$${n.toFixed(2)}`;
}

/** A percentage for messages, 3 significant digits: "48.2 %", "99.6 %", "9,772 %", "<0.1 %". */
export function percent(ratio: number): string {
  const p = ratio * 100;
  return p > 0 && p < 0.1 ? '<0.1 %' : `${fmt(p)} %`;
}

interface Cost {
  index: number;
  priced: PricedComponent;
  usd: number;
  /** Some of its lines have no price: `usd` is a lower bound. */
  partial: boolean;
}

/** The cheapest way the pricing engine knows to run component i (smaller size, reserved term, Graviton, Lambda), as a fix that fits the document. */
function bestAlternative(ctx: RuleContext, i: number): Alternative | undefined {
  if (!ctx.book) return undefined;
  const component = ctx.doc.components[i]!;
  // the component alone: alternatives look at its config, price and load, not at the rest of the document
  const alone = { ...ctx.doc, components: [component], connections: [] };
  for (const alternative of cheaperAlternatives(alone, ctx.book, { traffic: ctx.traffic })) {
    if (applyNearby(ctx, i, alternative.change).ok) return alternative; // sorted by saving: the first that fits is the best
  }
  return undefined;
}

const asFix = (alternative: Alternative): ChangeSet => ({ ...alternative.change, origin: 'fix:budget' });

export default defineRule({
  id: 'budget',
  name: 'Budget',
  category: 'cost',
  severity: 'critical',
  description: `Needs prices: runs only when a price book is given (\`backarch check\` always gives one) and the constraints set \`budgetUsdPerMonth.max\`. A bill over the maximum is critical, with the amount over and the biggest costs; when some prices are unknown the bill is a lower bound, so it is flagged only when the priced part alone is already over. Under budget, a single component costing more than ${COMPONENT_SHARE * 100} % of the budget is a medium finding, saying how much more traffic (usage-billed) or cost (provisioned) would use up the headroom. The fix, when the pricing engine knows one, is the cheaper alternative (smaller size that still carries the peak, reserved term, Graviton, Lambda at low traffic) that resolves it. A budget minimum far above the bill is not a finding.`,
  check(ctx) {
    const max = ctx.doc.constraints.budgetUsdPerMonth?.max;
    const bill = max === undefined ? undefined : ctx.price();
    if (max === undefined || !bill) return [];
    const total = Number(bill.totalMonthlyUsd);
    const costs: Cost[] = [];
    bill.components.forEach((priced, index) => {
      if (priced.free || priced.monthlyUsd === null) return;
      costs.push({ index, priced, usd: Number(priced.monthlyUsd), partial: priced.costComponents.some((l) => l.missing !== undefined) });
    });
    costs.sort((a, b) => b.usd - a.usd);
    const unpricedComponents = new Set(bill.unpriced.map((u) => u.id)).size;
    const findings: FindingDraft[] = [];

    if (total > max) {
      const over = total - max;
      const top = costs.slice(0, 3).filter((c) => c.usd > 0);
      const biggest = top.length
        ? `; the biggest costs are ${nameList(top.map((c) => `${ctx.name(c.index)} ${usd(c.usd)} (${percent(c.usd / total)})`))}`
        : '';
      const message = bill.incomplete
        ? `The priced part of the bill, ${usd(total)}/month, is already ${usd(over)} (${percent(over / max)}) over the ${usd(max)} budget, and ${unpricedComponents} component${unpricedComponents === 1 ? ' has' : 's have'} prices missing, so the bill is at least that much over${biggest}.`
        : `${usd(total)}/month is ${usd(over)} (${percent(over / max)}) over the ${usd(max)} budget${biggest}.`;

      // one alternative that brings the bill under the budget is the fix; the others go in the remediation
      const options = costs
        .slice(0, SEARCHED_FOR_SAVINGS)
        .map((c) => bestAlternative(ctx, c.index))
        .filter((a): a is Alternative => a !== undefined)
        .sort((a, b) => Number(b.monthlySavingUsd) - Number(a.monthlySavingUsd));
      const resolving = options.find((a) => total - Number(a.monthlySavingUsd) <= max);
      const savings = options.length
        ? ` Cheaper options the pricing engine found: ${options.map((a) => `${a.change.summary} (saves ${usd(Number(a.monthlySavingUsd))}/month)`).join('; ')}.`
        : '';
      findings.push({
        // the biggest cost is the one to look at (and where the overrun is accepted, if it is)
        components: costs.slice(0, 1).map((c) => c.priced.id),
        connections: [],
        message,
        remediation: `Cut the biggest costs first: right-size or reserve always-on instances, cache or batch usage-billed calls, or raise the budget if the design is what it costs (\`backarch price\` itemises the bill).${savings}`,
        ...(resolving && { fix: asFix(resolving) }),
      });
      return findings;
    }

    const headroom = max - total;
    for (const cost of costs) {
      if (cost.usd <= COMPONENT_SHARE * max) break;
      const name = ctx.name(cost.index);
      // usage-billed costs grow with traffic on their own; provisioned ones are paid whether used or not
      const usageUsd = cost.priced.costComponents.reduce((sum, l) => sum + (l.usageBased && l.monthlyUsd !== null ? Number(l.monthlyUsd) : 0), 0);
      const byUsage = usageUsd > cost.usd / 2;
      const left = `the ${usd(headroom)} left under the budget${bill.incomplete ? ' (less, once the unpriced components are counted)' : ''}`;
      const rise =
        headroom <= 0
          ? 'the bill has no headroom left'
          : byUsage
            ? `it is billed by usage, so ${percent(headroom / usageUsd)} more traffic on it alone would use up ${left}`
            : `it is provisioned capacity, paid whether used or not, and a ${percent(headroom / cost.usd)} rise in its cost alone would use up ${left}`;
      const alternative = bestAlternative(ctx, cost.index);
      const resolves = alternative && cost.usd - Number(alternative.monthlySavingUsd) <= COMPONENT_SHARE * max;
      findings.push({
        components: [cost.priced.id],
        connections: [],
        severity: 'medium',
        message: `${name} costs ${cost.partial ? 'at least ' : ''}${usd(cost.usd)}/month, ${percent(cost.usd / max)} of the ${usd(max)} budget (more than the ${COMPONENT_SHARE * 100} % one component should take): ${rise}.`,
        remediation: alternative
          ? `${alternative.change.summary}: ${alternative.why}.${resolves ? '' : ` That still leaves it above ${COMPONENT_SHARE * 100} % of the budget; look at its size and usage too.`}`
          : byUsage
            ? `Bring its usage cost down (caching, batching, a cheaper tier or model for easy requests), cap it with a rate limit and a spend alert, or raise the budget if it is what the design needs.`
            : `Check ${name} is sized for its load and priced on the right term, or raise the budget if it is what the design needs.`,
        ...(alternative && resolves && { fix: asFix(alternative) }),
      });
    }
    return findings;
  },
});
