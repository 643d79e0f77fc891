import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests } from '../helpers';
import { count } from './links';
import { wafItems } from './waf';

/**
 * Region of CloudFront's price records: CloudFront bills by where viewers are, and the book carries the United States /
 * Europe edge rates under us-east-1 (the AWS Price List's location for them).
 */
export const CLOUDFRONT_PRICE_REGION = 'us-east-1';
/** Share of requests served from the edge cache when the config gives no `cacheHitRatio`. */
export const DEFAULT_CACHE_HIT_RATIO = 0.9;

/**
 * CloudFront pay-as-you-go: data transfer out to viewers per GB (volume tiers from the book) and HTTPS requests per
 * million, at the United States/Europe rates; Origin Shield requests and WAF when configured. A flat-rate plan is one
 * monthly price. Requests the cache misses go to the origin (noted: transfer from AWS origins to CloudFront is free,
 * the origin bills its own requests). CloudFront's own data-out price replaces internet egress.
 */
export default definePricer({
  id: 'aws.cloudfront',
  cloud: 'aws',
  equivalence: ['cdn'],
  price(ctx) {
    const region = CLOUDFRONT_PRICE_REGION;
    const plan = (ctx.config.pricingPlan as string | undefined) ?? 'pay-as-you-go';
    const requests = monthlyRequests(ctx);
    const hitRatio = (ctx.config.cacheHitRatio as number | undefined) ?? DEFAULT_CACHE_HIT_RATIO;
    const originFetches = requests * (1 - hitRatio);
    const notes: string[] = [];
    const items: CostItem[] = [];
    if (plan !== 'pay-as-you-go') {
      items.push({ name: `Flat-rate plan (${plan.replace('flat-rate-', '')})`, quantity: 1, unit: 'months', price: { cloud: 'aws', service: 'cloudfront', sku: plan, region }, usageBased: false });
      notes.push('flat-rate plan: data transfer, requests and WAF within the plan allowance are included');
    } else {
      items.push(
        {
          name: 'Data transfer out to viewers',
          quantity: ctx.load.egressGb,
          unit: 'GB',
          price: { cloud: 'aws', service: 'cloudfront', sku: 'data-out', region },
          usageBased: true,
        },
        {
          name: `HTTPS requests (${count(requests)})`,
          quantity: requests / 1e6,
          unit: '1M requests',
          price: { cloud: 'aws', service: 'cloudfront', sku: 'https-requests', region },
          usageBased: true,
        },
      );
      if (ctx.config.originShield === true) {
        items.push({
          name: `Origin Shield requests (${count(originFetches)})`,
          quantity: originFetches / 1e6,
          unit: '1M requests',
          price: { cloud: 'aws', service: 'cloudfront', sku: 'origin-shield-requests', region },
          usageBased: true,
        });
      }
      if (ctx.config.waf === true) {
        const waf = wafItems(requests, region);
        items.push(...waf.items);
        notes.push(waf.note);
      }
      notes.push('priced at the United States/Europe edge rates; viewers elsewhere cost more per GB');
    }
    notes.push(
      `cache hit ratio ${hitRatio}${ctx.config.cacheHitRatio === undefined ? ' (default)' : ''}: ${count(originFetches)} requests a month go to the origin (transfer from an AWS origin to CloudFront is free; the origin bills its own requests)`,
    );
    return { product: `Amazon CloudFront (${plan})`, items, notes };
  },
});
