import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.compute-engine',
  name: 'Google Compute Engine',
  description: 'Virtual machines billed per second by machine type (with sustained-use, committed-use and Spot discounts); you manage the OS and the software on it.',
  category: 'compute',
  vendor: 'gcp',
  roles: ['service', 'self-managed'],
  equivalence: 'vm',
  capacity: { rpsPerVcpu: 100, basis: 'a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    instanceType: fields.instanceType.default('e2-standard-2').describe('Machine type, e.g. "e2-standard-2", "n2-standard-4", "c3-highcpu-8", "t2a-standard-2".'),
    replicas: fields.replicas.describe('Number of VM instances running at once.'),
    autoscaling: fields.autoscaling.optional().describe('Managed instance group autoscaling bounds.'),
    multiZone: z.boolean().default(false).describe('Regional managed instance group: instances spread over zones, so losing one zone leaves the rest running.'),
    term: fields.term.describe('Purchase term used for pricing: reserved-1y/3y are committed-use discounts, spot is Spot VMs (can be preempted).'),
    operatingSystem: z.enum(['linux', 'windows']).default('linux').describe('Windows Server adds a licence charge per vCPU-hour.'),
    storageGb: fields.storageGb.default(20).describe('Boot persistent disk size per instance, in GB.'),
    diskType: z
      .enum(['pd-standard', 'pd-balanced', 'pd-ssd', 'hyperdisk-balanced'])
      .default('pd-balanced')
      .describe('Persistent disk type; pd-balanced is the usual default, pd-ssd and Hyperdisk for IOPS-heavy workloads.'),
    auth: fields.auth.optional().describe('How callers of the software on the VMs are authenticated. Unset or "none" means requests are not authenticated.'),
    public: fields.public.describe('Instances have external IP addresses reachable from the internet.'),
    loadShedding: fields.loadShedding,
    leaderElection: fields.leaderElection,
    personalData: fields.personalData,
  },
});
