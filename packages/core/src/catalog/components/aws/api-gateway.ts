import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.api-gateway',
  name: 'Amazon API Gateway',
  description: 'Managed REST, HTTP and WebSocket APIs in front of Lambda functions and services, billed per request.',
  category: 'gateway',
  vendor: 'aws',
  roles: ['edge', 'gateway', 'ha-managed'],
  equivalence: 'api-gateway',
  config: {
    apiType: z.enum(['http', 'rest', 'websocket']).default('http').describe('HTTP APIs are cheaper; REST APIs add usage plans, caching and request validation.'),
    auth: fields.auth,
    rateLimitRps: z.number().int().min(1).describe('Steady-state throttle in requests per second.').optional(),
    rateLimit: fields.rateLimit.describe('Per-key rate limit: usage plans with API keys, or an AWS WAF rate-based rule per IP (both need a REST API); "global" is stage throttling.'),
  },
});
