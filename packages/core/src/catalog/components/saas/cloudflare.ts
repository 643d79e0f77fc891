import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'cloudflare',
  name: 'Cloudflare',
  description: 'Global CDN and reverse proxy with DDoS protection, WAF and DNS in front of any origin, billed by monthly plan with unmetered CDN bandwidth.',
  category: 'cdn',
  vendor: 'cloudflare',
  roles: ['edge', 'cdn', 'ha-managed'],
  equivalence: 'cdn',
  config: {
    plan: z
      .enum(['free', 'pro', 'business', 'enterprise'])
      .default('pro')
      .describe('Plan per domain; Pro and above add the managed WAF ruleset, Enterprise is priced by contract.'),
    waf: z.boolean().default(true).describe('The managed WAF rules are switched on (needs Pro or above).'),
    argoSmartRouting: z.boolean().default(false).describe('Argo Smart Routing sends origin traffic over faster paths, billed per month plus per GB.'),
    cacheHitRatio: z.number().min(0).max(1).default(0.9).describe('Fraction of requests answered from the edge cache (0–1); the rest go to the origin.'),
    rateLimit: fields.rateLimit.describe('A rate limiting rule: counted per IP on every plan; per API key or user header needs Enterprise (Advanced Rate Limiting).'),
  },
});
