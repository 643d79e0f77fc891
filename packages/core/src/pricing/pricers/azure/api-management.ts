import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyHours, monthlyRequests, termLabel } from '../helpers';
import { count, isForeign, recordFor } from '../gcp/common';

/** API Management tiers → price-book skus (per unit-hour), Consumption aside. */
export const TIER_SKUS: Record<string, string> = {
  Developer: 'developer',
  Basic: 'basic',
  Standard: 'standard',
  Premium: 'premium',
  BasicV2: 'basic-v2',
  StandardV2: 'standard-v2',
};

const OWN_TYPES = ['azure.api-management'];

/**
 * Azure API Management. Consumption: calls per million (the free first million a month applies where the book has it
 * as a tier). Other tiers: scale units per hour, calls included. Both add internet egress for the responses.
 */
export default definePricer({
  id: 'azure.api-management',
  cloud: 'azure',
  equivalence: ['api-gateway'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const tier = (c.sku as string | undefined) ?? 'Consumption';
    const calls = monthlyRequests(ctx);
    const items: CostItem[] = [];
    const notes = [`${count(calls)} calls a month`];
    if (tier === 'Consumption') {
      items.push({ name: 'Calls (Consumption)', quantity: calls / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'api-management', sku: 'consumption-calls' }, usageBased: true });
      if (!recordFor(ctx, { cloud: 'azure', service: 'api-management', sku: 'consumption-calls' })?.tiers) notes.push('the free first million calls a month are not deducted (the book has no tiers for this price)');
    } else {
      const units = (c.units as number | undefined) ?? 1;
      const sku = TIER_SKUS[tier] ?? tier.toLowerCase();
      items.push({ name: `${tier} units (${termLabel(ctx.term)}, ${units})`, quantity: monthlyHours(units), unit: 'unit-hours', price: { cloud: 'azure', service: 'api-management', sku, term: ctx.term }, usageBased: false });
      notes.push(`calls are included in the ${tier} tier`);
    }
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    const mapping = isForeign(ctx, OWN_TYPES) ? `${tier} tier` : undefined;
    return { product: `Azure API Management (${tier})`, items, notes, ...(mapping && { mapping }) };
  },
});
