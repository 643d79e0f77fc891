import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.functions',
  name: 'Azure Functions',
  description: 'Functions run per HTTP request or event trigger, billed per execution and GB-second on the Consumption and Flex Consumption plans, or per instance-hour on Premium and App Service plans.',
  category: 'compute',
  vendor: 'azure',
  roles: ['service', 'serverless', 'ha-managed'],
  equivalence: 'serverless-function',
  config: {
    plan: z
      .enum(['flex-consumption', 'consumption', 'premium', 'dedicated'])
      .default('flex-consumption')
      .describe('Flex Consumption (per use, VNet, always-ready instances), Consumption (legacy per-use plan), Premium (pre-warmed Elastic Premium EP1–EP3 instances) or Dedicated (an App Service plan).'),
    instanceType: fields.instanceType.optional().describe('Plan SKU for Premium or Dedicated, e.g. "EP1", "P1v3".'),
    memoryMb: fields.memoryMb.default(2048).describe('Instance memory in MB (Flex Consumption offers 512, 2048 or 4096; Consumption is capped at 1536).'),
    timeoutMs: z.number().int().min(1000).max(3600000).default(300000).describe('Maximum run time of one execution, in ms (Consumption caps at 10 min; HTTP responses are cut at 230 s by the front end).'),
    alwaysReadyInstances: z.number().int().min(0).max(1000).default(0).describe('Instances kept warm to avoid cold starts (Flex Consumption always-ready, Premium pre-warmed), billed while idle.'),
    maxInstances: z.number().int().min(1).max(1000).default(100).describe('Most instances the app may scale out to.'),
    auth: fields.auth.optional().describe('How callers are authenticated: "api-key" (function keys), "oidc"/"jwt" (built-in authentication). Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('HTTP triggers are reachable from the internet.'),
    personalData: fields.personalData,
  },
});
