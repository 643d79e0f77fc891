import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.cloud-run',
  name: 'Google Cloud Run',
  description: 'Serverless containers that scale with requests, down to zero, billed per vCPU-second, GB-second and request; use it for stateless HTTP services and jobs without managing a cluster.',
  category: 'compute',
  vendor: 'gcp',
  roles: ['service', 'serverless', 'ha-managed'],
  equivalence: 'container-service',
  config: {
    vcpus: fields.vcpus.max(8).default(1).describe('vCPUs per instance (up to 8).'),
    memoryMb: fields.memoryMb.default(512).describe('Memory per instance in MB (up to 32768).'),
    billing: z
      .enum(['request', 'instance'])
      .default('request')
      .describe('Request-based billing charges CPU only while requests are served; instance-based billing charges for the whole instance lifetime (for background work) at a lower rate.'),
    concurrency: z.number().int().min(1).max(1000).default(80).describe('Requests one instance handles at once.'),
    minInstances: z.number().int().min(0).max(1000).default(0).describe('Instances kept warm to avoid cold starts, billed while idle.'),
    maxInstances: z.number().int().min(1).max(1000).default(100).describe('Most instances the service may scale out to.'),
    timeoutMs: z.number().int().min(1000).max(3600000).default(300000).describe('Request timeout, in ms (up to 60 min).'),
    auth: fields.auth.optional().describe('How callers are authenticated: "iam" requires the Cloud Run Invoker role. Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Ingress allows internet traffic and unauthenticated invocations (allUsers invoker).'),
    personalData: fields.personalData,
  },
});
