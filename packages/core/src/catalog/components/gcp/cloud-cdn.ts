import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'gcp.cloud-cdn',
  name: 'Google Cloud CDN',
  description: "Google's edge cache, enabled on an external Application Load Balancer's backend bucket or service; billed per GB served from cache, per GB of cache fill and per 10,000 lookups.",
  category: 'cdn',
  vendor: 'gcp',
  roles: ['edge', 'cdn', 'ha-managed'],
  equivalence: 'cdn',
  config: {
    cacheMode: z
      .enum(['cache-all-static', 'use-origin-headers', 'force-cache-all'])
      .default('cache-all-static')
      .describe('CACHE_ALL_STATIC caches static content types automatically, USE_ORIGIN_HEADERS obeys Cache-Control, FORCE_CACHE_ALL caches every response (never use with private content).'),
    defaultTtlS: z.number().int().min(0).max(31536000).default(3600).describe('Time to live for cached responses without their own max-age, in seconds.'),
    cacheHitRatio: z.number().min(0).max(1).default(0.9).describe('Share of requests served from the cache (0–1); the rest are fetched from the origin and billed as cache fill.'),
    signedUrls: z.boolean().default(false).describe('Private content is served only to requests carrying a signed URL or signed cookie.'),
  },
});
