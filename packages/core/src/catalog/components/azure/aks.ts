import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.aks',
  name: 'Azure Kubernetes Service',
  description: 'Managed Kubernetes control plane, billed per cluster-hour by tier (Free has no SLA) plus the VM Scale Set nodes; the team operates the node pools and the workloads.',
  category: 'compute',
  vendor: 'azure',
  roles: ['service', 'self-managed'],
  equivalence: 'kubernetes',
  capacity: { rpsPerVcpu: 100, basis: 'workloads on the nodes: a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    controlPlaneTier: z
      .enum(['Free', 'Standard', 'Premium'])
      .default('Standard')
      .describe('AKS pricing tier: Free (no uptime SLA, for dev/test), Standard (financially backed uptime SLA, up to 5,000 nodes), Premium (Standard plus long-term support).'),
    multiZone: z.boolean().default(true).describe('Node pools and the control plane spread over availability zones.'),
    instanceType: fields.instanceType.default('Standard_D4s_v5').describe('VM size of the node pool, e.g. "Standard_D4s_v5", "Standard_D8as_v5".'),
    nodeCount: z.number().int().min(1).max(1000).default(3).describe('Nodes in the node pool.'),
    autoscaling: fields.autoscaling.optional().describe('Cluster autoscaler bounds on the number of nodes.'),
    term: fields.term.describe('Purchase term for the nodes: reserved-1y/3y are Azure Reserved VM Instances, spot is Spot VMs (can be evicted).'),
    auth: fields.auth.optional().describe('How callers of the workloads are authenticated (at the ingress or mesh). Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Workloads are exposed to the internet through a public ingress or LoadBalancer service.'),
    personalData: fields.personalData,
  },
});
