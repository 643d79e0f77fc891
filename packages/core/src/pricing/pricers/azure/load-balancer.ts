import { DEFAULT_RESPONSE_SIZE_KB } from '../../../traffic/traffic';
import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyHours, monthlyRequests, usage } from '../helpers';
import { count, isForeign, KB_PER_GB, num } from '../gcp/common';

/** Request size when no `usage.requestSizeKb` is given (the response size defaults to the traffic model's). */
export const DEFAULT_REQUEST_SIZE_KB = 1;
/** The first five load-balancing and outbound rules are billed together as one block. */
export const RULES_IN_FIRST_BLOCK = 5;

const OWN_TYPES = ['azure.load-balancer'];

/**
 * Azure Load Balancer (Standard, regional or global tier): rules per hour (the first five together, each further rule
 * on its own) and data processed per GB, inbound and outbound. A public load balancer's responses add internet egress.
 * It is layer 4 only: HTTP routing, TLS termination and WAF need Application Gateway or Front Door (not priced here).
 */
export default definePricer({
  id: 'azure.load-balancer',
  cloud: 'azure',
  equivalence: ['load-balancer'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const prefix = c.tier === 'global' ? 'global' : 'standard';
    const rules = (c.rules as number | undefined) ?? (c.forwardingRules as number | undefined) ?? 1;
    const items: CostItem[] = [
      { name: `Rules (first ${RULES_IN_FIRST_BLOCK}${rules < RULES_IN_FIRST_BLOCK ? `, ${rules} used` : ''})`, quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'azure', service: 'load-balancer', sku: `${prefix}-rule` }, usageBased: false },
    ];
    if (rules > RULES_IN_FIRST_BLOCK) {
      items.push({ name: `Rules (additional, ${rules - RULES_IN_FIRST_BLOCK})`, quantity: monthlyHours(rules - RULES_IN_FIRST_BLOCK), unit: 'hours', price: { cloud: 'azure', service: 'load-balancer', sku: `${prefix}-additional-rule` }, usageBased: false });
    }
    const requests = monthlyRequests(ctx);
    const requestKb = u.requestSizeKb ?? DEFAULT_REQUEST_SIZE_KB;
    const responseKb = u.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB;
    items.push({ name: 'Data processed (inbound and outbound)', quantity: (requests * (requestKb + responseKb)) / KB_PER_GB, unit: 'GB', price: { cloud: 'azure', service: 'load-balancer', sku: 'data-processed' }, usageBased: true });
    if (c.public !== false) {
      const egress = internetEgressItem(ctx);
      if (egress) items.push(egress);
    }
    const notes = [`${count(requests)} requests a month × (${num(requestKb)} KB in + ${num(responseKb)} KB out)${u.requestSizeKb === undefined || u.responseSizeKb === undefined ? ' (defaults; set usage.requestSizeKb/responseSizeKb)' : ''}`];
    const layer7 = ctx.def.id === 'aws.alb' || (ctx.def.id === 'gcp.load-balancer' && c.type === 'application');
    const mapping = isForeign(ctx, OWN_TYPES) ? `layer 4 Standard${prefix === 'global' ? ' global' : ''} load balancer${layer7 ? '; layer 7 features need Application Gateway (not priced)' : ''}` : undefined;
    return { product: `Azure Load Balancer (${prefix === 'global' ? 'global' : 'Standard'})`, items, notes, ...(mapping && { mapping }) };
  },
});
