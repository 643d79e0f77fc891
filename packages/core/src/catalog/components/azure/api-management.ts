import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.api-management',
  name: 'Azure API Management',
  description: 'Managed API gateway with policies, rate limits, a developer portal and API products, billed per million calls on the Consumption tier and per unit-hour on the other tiers.',
  category: 'gateway',
  vendor: 'azure',
  roles: ['edge', 'gateway', 'ha-managed'],
  equivalence: 'api-gateway',
  config: {
    sku: z
      .enum(['Consumption', 'Developer', 'Basic', 'Standard', 'Premium', 'BasicV2', 'StandardV2'])
      .default('Consumption')
      .describe('Pricing tier: Consumption bills per call; Developer has no SLA and is for non-production; Premium adds availability zones, multi-region and VNet injection.'),
    units: z.number().int().min(1).max(31).default(1).describe('Scale units of the gateway, each billed per hour (not used on Consumption).'),
    auth: fields.auth.optional().describe('How callers are authenticated: "api-key" (subscription keys), "jwt"/"oauth2" (validate-jwt policy), "mtls" (client certificates). Unset or "none" means requests are not authenticated.'),
    rateLimitRps: z.number().int().min(1).optional().describe('Rate-limit policy, in requests per second per subscription. Unset means no rate limit.'),
    rateLimit: fields.rateLimit.describe('A rate-limit-by-key policy: counted per subscription (api-key), client IP, JWT subject (user), or globally.'),
    public: fields.public.default(true).describe('The gateway has a public endpoint; false means internal VNet mode.'),
  },
});
