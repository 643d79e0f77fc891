import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'azure.front-door',
  name: 'Azure Front Door',
  description: "Microsoft's global edge network combining CDN caching, layer 7 load balancing over origins and an optional WAF, billed a monthly base fee per profile plus requests and GB delivered.",
  category: 'cdn',
  vendor: 'azure',
  roles: ['edge', 'cdn', 'ha-managed'],
  equivalence: 'cdn',
  config: {
    sku: z
      .enum(['Standard', 'Premium'])
      .default('Standard')
      .describe('Standard: CDN, routing and custom WAF rules. Premium (higher base fee): adds managed WAF rule sets, bot protection and Private Link origins.'),
    waf: z.boolean().default(false).describe('A WAF policy is attached to the endpoints.'),
    caching: z.boolean().default(true).describe('Routes cache responses at the edge; off means Front Door only accelerates and routes.'),
    cacheHitRatio: z.number().min(0).max(1).default(0.9).describe('Share of requests served from the cache (0–1); the rest go to the origin.'),
  },
});
