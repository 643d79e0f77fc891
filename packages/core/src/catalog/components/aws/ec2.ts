import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.ec2',
  name: 'Amazon EC2',
  description: 'Virtual machines billed per hour by instance type; you manage the OS and the software on it.',
  category: 'compute',
  vendor: 'aws',
  roles: ['service', 'self-managed'],
  equivalence: 'vm',
  capacity: { rpsPerVcpu: 100, basis: 'a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    instanceType: fields.instanceType.default('t3.medium'),
    replicas: fields.replicas,
    autoscaling: fields.autoscaling.optional(),
    term: fields.term,
    operatingSystem: z.enum(['linux', 'windows']).default('linux').describe('Windows adds a licence charge per hour.'),
    storageGb: fields.storageGb.default(20).describe('EBS gp3 volume size per instance, in GB.'),
    auth: fields.auth.optional(),
    public: fields.public,
    loadShedding: fields.loadShedding,
    leaderElection: fields.leaderElection,
    personalData: fields.personalData,
  },
});
