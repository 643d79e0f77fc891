import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.gke',
  name: 'Google Kubernetes Engine',
  description: 'Managed Kubernetes control plane, billed a flat cluster management fee per hour plus the Compute Engine nodes (Standard mode) or the pod resource requests (Autopilot); the team operates the node pools and the workloads.',
  category: 'compute',
  vendor: 'gcp',
  roles: ['service', 'self-managed'],
  equivalence: 'kubernetes',
  capacity: { rpsPerVcpu: 100, basis: 'workloads on the nodes: a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    mode: z
      .enum(['standard', 'autopilot'])
      .default('standard')
      .describe('Standard: you size and pay for node pools. Autopilot: Google manages the nodes and bills the vCPU, memory and storage pods request.'),
    releaseChannel: z
      .enum(['rapid', 'regular', 'stable', 'extended'])
      .default('regular')
      .describe('Release channel for control plane and node upgrades; Extended keeps a minor version for up to 24 months, with an extra fee per cluster-hour once it leaves standard support.'),
    multiZone: z
      .boolean()
      .default(true)
      .describe('Regional cluster: control plane replicas and nodes spread over three zones. A zonal cluster has a single control plane.'),
    instanceType: fields.instanceType.default('e2-standard-4').describe('Machine type of the node pool (Standard mode), e.g. "e2-standard-4", "n2-standard-8".'),
    nodeCount: z.number().int().min(1).max(1000).default(3).describe('Nodes in the node pool across all its zones (Standard mode).'),
    autoscaling: fields.autoscaling.optional().describe('Cluster autoscaler bounds on the number of nodes (Standard mode).'),
    term: fields.term.describe('Purchase term for the nodes: reserved-1y/3y are committed-use discounts, spot is Spot VMs.'),
    auth: fields.auth.optional().describe('How callers of the workloads are authenticated (at the ingress or mesh). Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Workloads are exposed to the internet through a public ingress or LoadBalancer service.'),
    personalData: fields.personalData,
  },
});
