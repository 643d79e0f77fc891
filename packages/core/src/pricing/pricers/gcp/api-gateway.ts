import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyRequests } from '../helpers';
import { count, isForeign, recordFor } from './common';

const OWN_TYPES = ['gcp.api-gateway'];

/**
 * API Gateway: API calls per million (the book's tiers, when it has them, include the free first 2 million a month),
 * plus internet egress for the responses. The backends behind it are priced on their own.
 */
export default definePricer({
  id: 'gcp.api-gateway',
  cloud: 'gcp',
  equivalence: ['api-gateway'],
  price(ctx): PricerResult {
    const calls = monthlyRequests(ctx);
    const items: CostItem[] = [{ name: 'API calls', quantity: calls / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'api-gateway', sku: 'calls' }, usageBased: true }];
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    const record = recordFor(ctx, { cloud: 'gcp', service: 'api-gateway', sku: 'calls' });
    const notes = [`${count(calls)} calls a month`];
    if (!record?.tiers) notes.push('the free first 2 million calls a month are not deducted (the book has no tiers for this price)');
    const mapping = isForeign(ctx, OWN_TYPES) ? 'billed per API call' : undefined;
    return { product: 'API Gateway', items, notes, ...(mapping && { mapping }) };
  },
});
