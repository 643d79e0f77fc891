import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests } from '../helpers';
import { isForeign, num } from './common';

/** Share of requests served from the cache when the config does not say (the catalog's default). */
export const DEFAULT_CACHE_HIT_RATIO = 0.9;

const OWN_TYPES = ['gcp.cloud-cdn'];

/**
 * Cloud CDN: cache egress per GB (tiered) for the responses served from the cache, cache fill per GB for the misses
 * fetched from the origin, internet egress for those misses (served from the origin at Premium Tier rates), and a
 * cache lookup per request. The data sent comes from the traffic model (responses to clients) or
 * `usage.monthlyEgressGb`; the hit ratio from `cacheHitRatio`.
 */
export default definePricer({
  id: 'gcp.cloud-cdn',
  cloud: 'gcp',
  equivalence: ['cdn'],
  price(ctx): PricerResult {
    const hit = (ctx.config.cacheHitRatio as number | undefined) ?? DEFAULT_CACHE_HIT_RATIO;
    const egressGb = ctx.load.egressGb;
    const requests = monthlyRequests(ctx);
    const hitGb = egressGb * hit;
    const missGb = egressGb - hitGb;
    const items: CostItem[] = [
      { name: `Cache egress (${num(hit * 100)} % of responses)`, quantity: hitGb, unit: 'GB', price: { cloud: 'gcp', service: 'cloud-cdn', sku: 'data-out' }, usageBased: true },
    ];
    if (hit < 1) {
      items.push(
        { name: `Cache fill (${num((1 - hit) * 100)} % misses)`, quantity: missGb, unit: 'GB', price: { cloud: 'gcp', service: 'cloud-cdn', sku: 'cache-fill' }, usageBased: true },
        {
          name: 'Internet egress (cache misses, from the origin)',
          quantity: missGb,
          unit: 'GB',
          price: { cloud: 'gcp', service: 'data-transfer', sku: 'internet-egress' },
          usageBased: true,
        },
      );
    }
    items.push({ name: 'Cache lookups', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'cloud-cdn', sku: 'cache-lookups' }, usageBased: true });
    const notes = [`${num(egressGb)} GB a month to clients, ${num(hit * 100)} % served from the cache${ctx.config.cacheHitRatio === undefined ? ' (default)' : ''}`];
    const mapping = isForeign(ctx, OWN_TYPES) ? 'Cloud CDN serves through an external Application Load Balancer, priced separately' : undefined;
    return { product: 'Cloud CDN', items, notes, ...(mapping && { mapping }) };
  },
});
