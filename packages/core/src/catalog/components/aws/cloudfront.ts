import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'aws.cloudfront',
  name: 'Amazon CloudFront',
  description: 'Global CDN that caches content from an origin (S3, a load balancer or an API) at edge locations, billed per GB delivered and per request, or at a flat monthly rate per distribution.',
  category: 'cdn',
  vendor: 'aws',
  roles: ['edge', 'cdn', 'ha-managed'],
  equivalence: 'cdn',
  config: {
    pricingPlan: z
      .enum(['pay-as-you-go', 'flat-rate-free', 'flat-rate-pro', 'flat-rate-business', 'flat-rate-premium'])
      .default('pay-as-you-go')
      .describe('Pay per GB and request, or a flat-rate plan per distribution that bundles WAF, DDoS protection, DNS and log ingestion up to a monthly allowance.'),
    priceClass: z
      .enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All'])
      .default('PriceClass_100')
      .describe('Edge locations used (pay-as-you-go): 100 = North America and Europe only (cheapest), 200 adds most of Asia and Africa, All = every location.'),
    viewerProtocolPolicy: z
      .enum(['redirect-to-https', 'https-only', 'allow-all'])
      .default('redirect-to-https')
      .describe('Whether viewers may use plain HTTP.'),
    waf: z.boolean().default(false).describe('An AWS WAF web ACL is attached (included in flat-rate plans; billed separately with pay-as-you-go).'),
    originShield: z.boolean().default(false).describe('Adds a regional caching layer in front of the origin to cut origin load, billed per request.'),
    cacheHitRatio: z.number().min(0).max(1).default(0.9).describe('Fraction of requests answered from the edge cache (0–1); the rest go to the origin.'),
  },
});
