import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.vm',
  name: 'Azure Virtual Machines',
  description: 'Virtual machines billed for running time by VM size (with Reserved Instance, Savings Plan and Spot discounts); you manage the OS and the software on it.',
  category: 'compute',
  vendor: 'azure',
  roles: ['service', 'self-managed'],
  equivalence: 'vm',
  capacity: { rpsPerVcpu: 100, basis: 'a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    instanceType: fields.instanceType.default('Standard_D2s_v5').describe('VM size, e.g. "Standard_B2s", "Standard_D2s_v5", "Standard_E4s_v5".'),
    replicas: fields.replicas.describe('Number of VM instances running at once.'),
    autoscaling: fields.autoscaling.optional().describe('Virtual Machine Scale Set autoscale bounds.'),
    multiZone: z.boolean().default(false).describe('Instances spread over availability zones, so losing one zone leaves the rest running.'),
    term: fields.term.describe('Purchase term used for pricing: reserved-1y/3y are Reserved VM Instances, spot is Spot VMs (can be evicted).'),
    operatingSystem: z.enum(['linux', 'windows']).default('linux').describe('Windows Server adds a licence charge per hour unless Azure Hybrid Benefit applies.'),
    storageGb: fields.storageGb.default(30).describe('OS managed disk size per instance, in GB.'),
    diskType: z
      .enum(['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'PremiumV2_LRS', 'UltraSSD_LRS'])
      .default('Premium_LRS')
      .describe('Managed disk type: Standard HDD, Standard SSD, Premium SSD, Premium SSD v2 or Ultra Disk.'),
    auth: fields.auth.optional().describe('How callers of the software on the VMs are authenticated. Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Instances have public IP addresses reachable from the internet.'),
    loadShedding: fields.loadShedding,
    leaderElection: fields.leaderElection,
    personalData: fields.personalData,
  },
});
