import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.eks',
  name: 'Amazon EKS',
  description: 'Managed Kubernetes control plane billed per cluster-hour, with worker nodes (EC2 or Fargate) billed separately; for teams that want the Kubernetes API and ecosystem.',
  category: 'compute',
  vendor: 'aws',
  roles: ['service', 'self-managed'],
  equivalence: 'kubernetes',
  capacity: { rpsPerVcpu: 100, basis: 'workloads on the nodes: a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    controlPlaneTier: z
      .enum(['standard', 'extended-support'])
      .default('standard')
      .describe('Standard support covers a Kubernetes version for 14 months; clusters left on a version in extended support pay six times the hourly control-plane price.'),
    computeMode: z
      .enum(['managed-node-group', 'auto-mode', 'fargate'])
      .default('managed-node-group')
      .describe('Managed node groups run EC2 nodes you size; Auto Mode lets AWS pick and manage nodes for a per-instance fee; Fargate bills per pod vCPU and memory.'),
    instanceType: fields.instanceType.default('m6i.large').describe('EC2 instance type of the worker nodes.'),
    nodeCount: z.number().int().min(1).max(1000).default(2).describe('Worker nodes running at once.'),
    autoscaling: fields.autoscaling.optional().describe('Node autoscaling bounds (Cluster Autoscaler or Karpenter).'),
    storageGb: fields.storageGb.default(20).describe('EBS volume size per worker node, in GB.'),
    term: fields.term.describe('Purchase term of the worker nodes.'),
    auth: fields.auth.optional(),
    public: fields.public.describe('Workloads are exposed directly to the internet (public node IPs or LoadBalancer services) rather than through another component.'),
    personalData: fields.personalData,
  },
});
