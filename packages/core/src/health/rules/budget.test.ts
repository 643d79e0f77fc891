import { describe, expect, it } from 'vitest';
import { price } from '../../pricing/engine';
import { createPriceBook } from '../../pricing/price-book';
import { PRICE_SLICE } from '../../testing/price-slice';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

const book = createPriceBook(PRICE_SLICE);

/** A chat front end calling Claude directly: 1 request/s at peak, 876,000 a month → 876M input + 87.6M output tokens = $3,942 (fully priced). */
const chat = (budget: object, llmConfig: object = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'llm', type: 'llm.anthropic', config: { model: 'claude-sonnet-4-5', usage: { inputTokensPerRequest: 1000, outputTokensPerRequest: 100 }, ...llmConfig } },
    ],
    [{ from: 'web', to: 'llm', type: 'http' }],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1 }, budgetUsdPerMonth: budget },
  );

/** Two t3.xlarge instances at 120 requests/s: $242.94 of instance hours, plus a disk the slice has no price for. */
const vms = (budget: object) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: 'aws.alb' },
      { id: 'api', type: 'aws.ec2', config: { instanceType: 't3.xlarge', replicas: 2 } },
    ],
    [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'api', type: 'http' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 120 }, budgetUsdPerMonth: budget },
  );

describe('budget', () => {
  it('[budget-1] fires when the bill is over the maximum, with the amount over, the share and the biggest costs', () => {
    expect(price(chat({ max: 3000 }), book).totalMonthlyUsd).toBe('3942');
    const [finding] = findingsOf(chat({ max: 3000 }), 'budget', { book });
    expect(finding!.message).toBe('$3,942/month is $942 (31.4 %) over the $3,000 budget; the biggest costs are llm $3,942 (100 %).');
    expect(finding!.severity).toBe('critical');
    expect(finding!.components).toEqual(['llm']);
  });

  it('[budget-2] an incomplete bill under budget says nothing; one whose priced part is already over says it is at least that much over', () => {
    expect(price(vms({ max: 1000 }), book).incomplete).toBe(true);
    expect(findingsOf(vms({ max: 1000 }), 'budget', { book })).toEqual([]);
    const [finding] = findingsOf(vms({ max: 150 }), 'budget', { book });
    // the slice has no price for the load balancer nor for the instances' disks
    expect(finding!.message).toBe(
      'The priced part of the bill, $243/month, is already $92.94 (62 %) over the $150 budget, and 2 components have prices missing, so the bill is at least that much over; the biggest costs are api $243 (100 %).',
    );
  });

  it('[budget-3] a component taking more than 40 % of the budget is medium, with the headroom it would use up', () => {
    const [finding] = findingsOf(chat({ max: 9000 }), 'budget', { book });
    expect(finding!.message).toBe(
      'llm costs $3,942/month, 43.8 % of the $9,000 budget (more than the 40 % one component should take): it is billed by usage, so 128 % more traffic on it alone would use up the $5,058 left under the budget.',
    );
    expect(finding!.severity).toBe('medium');
    expect(finding!.fix).toBeUndefined(); // the pricing engine knows no cheaper way to run a model API
    expect(findingsOf(chat({ max: 10000 }), 'budget', { book })).toEqual([]);
  });

  it('[budget-4] stays quiet without a price book, without a maximum, and when a minimum is far above the bill', () => {
    expect(findingsOf(chat({ max: 3000 }), 'budget')).toEqual([]);
    expect(findingsOf(chat({ min: 100000 }), 'budget', { book })).toEqual([]);
    expect(findingsOf(chat({ min: 100000, max: 200000 }), 'budget', { book })).toEqual([]);
  });

  it('[budget-5] the fix is the cheaper alternative that brings the bill back under budget, with origin fix:budget', () => {
    const over = findingsOf(vms({ max: 200 }), 'budget', { book })[0]!;
    expect(over.fix).toEqual({ origin: 'fix:budget', summary: 'Downsize api to t3.medium', ops: [{ op: 'updateComponent', id: 'api', config: { instanceType: 't3.medium' } }] });
    const fixed = afterFix(vms({ max: 200 }), 'budget', { book }); // $60.74 after: 30 % of the budget
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
  });

  it('[budget-6] the fix for a component over its share brings it under the share', () => {
    const share = findingsOf(vms({ max: 500 }), 'budget', { book })[0]!;
    expect(share.message).toBe(
      'api costs at least $243/month, 48.6 % of the $500 budget (more than the 40 % one component should take): it is provisioned capacity, paid whether used or not, and a 106 % rise in its cost alone would use up the $257 left under the budget (less, once the unpriced components are counted).',
    );
    const fixed = afterFix(vms({ max: 500 }), 'budget', { book });
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
  });

  it('[budget-7] an accepted risk costs nothing', () => {
    const d = chat({ max: 3000 }, { health: { accept: [{ rule: 'budget', reason: 'the model bill is funded separately' }] } });
    const result = health(d, { book });
    expect(result.findings.filter((f) => f.rule === 'budget')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.reasons)).toEqual([[{ component: 'llm', reason: 'the model bill is funded separately' }]]);
  });
});
