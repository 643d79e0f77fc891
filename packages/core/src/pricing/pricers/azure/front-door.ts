import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests } from '../helpers';
import { count, isForeign, num, recordFor } from '../gcp/common';

const OWN_TYPES = ['azure.front-door'];

/**
 * Azure Front Door (Standard / Premium): the profile's base fee, data transferred from the edge to clients per GB
 * (every response, cached or not), and requests per million. Cache misses add the origin's own egress, priced at the
 * origin. A WAF policy on Standard adds its fee (Premium includes the managed rule sets).
 */
export default definePricer({
  id: 'azure.front-door',
  cloud: 'azure',
  equivalence: ['cdn'],
  price(ctx): PricerResult {
    const premium = ctx.config.sku === 'Premium';
    const tier = premium ? 'premium' : 'standard';
    const tierName = premium ? 'Premium' : 'Standard';
    const tierAttribute = premium ? { attributes: { tier } } : {};
    const requests = monthlyRequests(ctx);
    const baseQuery = { cloud: 'azure', service: 'front-door', sku: `${tier}-base` };
    // the base fee is a monthly price in the book (Azure also lists it per hour): follow the record's unit
    const monthly = (recordFor(ctx, baseQuery)?.unit ?? 'month') === 'month';
    const items: CostItem[] = [
      { name: `Base fee (${tierName} profile)`, quantity: monthly ? 1 : monthlyHours(1), unit: monthly ? 'months' : 'hours', price: baseQuery, usageBased: false },
      { name: 'Data transfer out (edge to client)', quantity: ctx.load.egressGb, unit: 'GB', price: { cloud: 'azure', service: 'front-door', sku: 'data-out', ...tierAttribute }, usageBased: true },
      { name: 'Requests', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'front-door', sku: 'requests', ...tierAttribute }, usageBased: true },
    ];
    if (ctx.config.waf === true && !premium) items.push({ name: 'WAF policy', quantity: 1, unit: 'months', price: { cloud: 'azure', service: 'front-door', sku: 'waf-policy' }, usageBased: false });
    const hit = ctx.config.cacheHitRatio as number | undefined;
    const notes = [`${count(requests)} requests and ${num(ctx.load.egressGb)} GB to clients a month${hit !== undefined && hit < 1 ? `; ${num((1 - hit) * 100)} % cache misses also cost origin egress (priced at the origin)` : ''}`];
    const mapping = isForeign(ctx, OWN_TYPES) ? `${tierName} tier` : undefined;
    return { product: `Azure Front Door ${tierName}`, items, notes, ...(mapping && { mapping }) };
  },
});
