import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.container-apps',
  name: 'Azure Container Apps',
  description: 'Serverless containers on managed Kubernetes with KEDA scaling, down to zero, billed per vCPU-second, GiB-second and request on the Consumption plan or per workload-profile node on the Dedicated plan.',
  category: 'compute',
  vendor: 'azure',
  roles: ['service', 'serverless', 'ha-managed'],
  equivalence: 'container-service',
  config: {
    plan: z.enum(['consumption', 'dedicated']).default('consumption').describe('Consumption bills per use; Dedicated runs on reserved workload-profile nodes billed per hour.'),
    workloadProfile: fields.instanceType.optional().describe('Dedicated workload profile type, e.g. "D4", "E8" (Dedicated plan only).'),
    vcpus: fields.vcpus.max(4).default(0.5).describe('vCPUs per replica (Consumption: 0.25–4, paired with memory at 2 GiB per vCPU).'),
    memoryMb: fields.memoryMb.min(512).max(8192).default(1024).describe('Memory per replica in MB.'),
    minInstances: z.number().int().min(0).max(1000).default(0).describe('Replicas kept running; 0 allows scale to zero with cold starts.'),
    maxInstances: z.number().int().min(1).max(1000).default(10).describe('Most replicas the app may scale out to.'),
    auth: fields.auth.optional().describe('How callers are authenticated (built-in authentication or in the app). Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Ingress is external: reachable from the internet.'),
    personalData: fields.personalData,
  },
});
