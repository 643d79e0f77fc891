import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'service',
  name: 'Service',
  description:
    "Your own containerised application service, priced as the target cloud's container platform (ECS on Fargate, Cloud Run, Container Apps) by vCPU and memory per replica.",
  category: 'compute',
  vendor: 'neutral',
  roles: ['service'],
  equivalence: 'container-service',
  capacity: { rpsPerVcpu: 100, basis: 'a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    replicas: fields.replicas.default(2).describe('Container instances (tasks) running at once; 2 or more survive losing one.'),
    vcpus: fields.vcpus.default(0.5).describe('vCPUs per replica.'),
    memoryMb: fields.memoryMb.default(1024).describe('Memory per replica in MB.'),
    autoscaling: fields.autoscaling.optional(),
    term: fields.term.describe('Purchase term used for pricing; "spot" means Fargate Spot or Spot capacity, which can be interrupted.'),
    auth: fields.auth.optional(),
    public: fields.public,
    rateLimit: fields.rateLimit,
    loadShedding: fields.loadShedding,
    leaderElection: fields.leaderElection,
    personalData: fields.personalData,
  },
});
