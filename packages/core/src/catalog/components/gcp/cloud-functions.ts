import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.cloud-functions',
  name: 'Google Cloud Functions',
  description: 'Functions (now branded Cloud Run functions) run per HTTP request or event, billed per invocation and per vCPU-second and GB-second; no servers to manage.',
  category: 'compute',
  vendor: 'gcp',
  roles: ['service', 'serverless', 'ha-managed'],
  equivalence: 'serverless-function',
  config: {
    generation: z.enum(['gen1', 'gen2']).default('gen2').describe('2nd gen runs on Cloud Run: longer timeouts, bigger instances and concurrent requests per instance.'),
    memoryMb: fields.memoryMb.default(256).describe('Memory per instance in MB (up to 32768 for gen2); the vCPU share follows from it unless set separately.'),
    timeoutMs: z.number().int().min(1000).max(3600000).default(60000).describe('Maximum run time of one invocation, in ms (up to 60 min for gen2 HTTP functions, 9 min for event-driven and gen1).'),
    concurrency: z.number().int().min(1).max(1000).default(1).describe('Requests one instance handles at once (gen2 only; gen1 is always 1).'),
    minInstances: z.number().int().min(0).max(1000).default(0).describe('Instances kept warm to avoid cold starts, billed while idle.'),
    maxInstances: z.number().int().min(1).max(1000).default(100).describe('Most instances the function may scale out to.'),
    auth: fields.auth.optional().describe('How callers are authenticated: "iam" requires the Cloud Functions/Run Invoker role. Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('The HTTP trigger allows unauthenticated invocations from the internet (allUsers invoker).'),
    personalData: fields.personalData,
  },
});
