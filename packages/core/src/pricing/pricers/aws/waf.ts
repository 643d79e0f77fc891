import type { CostItem } from '../../types';

/** Rules (or managed rule groups) in a web ACL when nothing says how many. */
export const DEFAULT_WAF_RULES = 5;

/**
 * AWS WAF on a load balancer, API or distribution: the web ACL per month, its rules per month and the requests it
 * inspects. Shared by the ALB and CloudFront pricers; not a pricer itself.
 */
export function wafItems(requests: number, region?: string): { items: CostItem[]; note: string } {
  const at = region ? { region } : {};
  return {
    items: [
      { name: 'WAF web ACL', quantity: 1, unit: 'months', price: { cloud: 'aws', service: 'waf', sku: 'web-acl', ...at }, usageBased: false },
      { name: `WAF rules (${DEFAULT_WAF_RULES})`, quantity: DEFAULT_WAF_RULES, unit: 'rule-months', price: { cloud: 'aws', service: 'waf', sku: 'rule', ...at }, usageBased: false },
      { name: 'WAF requests', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'aws', service: 'waf', sku: 'requests', ...at }, usageBased: true },
    ],
    note: `WAF: ${DEFAULT_WAF_RULES} rules or managed rule groups assumed; managed rule groups from the Marketplace cost extra`,
  };
}
