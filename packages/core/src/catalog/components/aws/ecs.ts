import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.ecs',
  name: 'Amazon ECS',
  description: 'Managed container orchestration that runs long-lived services as tasks on Fargate (billed per vCPU-hour and GB-hour) or on EC2 instances you pay for.',
  category: 'compute',
  vendor: 'aws',
  roles: ['service'],
  equivalence: 'container-service',
  capacity: { rpsPerVcpu: 100, basis: 'a typical JSON API handles about 100 requests/s per vCPU' },
  config: {
    launchType: z
      .enum(['fargate', 'ec2'])
      .default('fargate')
      .describe('Fargate runs tasks without servers to manage; EC2 runs them on container instances you size and patch.'),
    vcpus: fields.vcpus.default(0.5).describe('vCPUs per task (Fargate sizes: 0.25, 0.5, 1, 2, 4, 8 or 16).'),
    memoryMb: fields.memoryMb.default(1024).describe('Memory per task in MB; Fargate allows about 2 to 8 GB per vCPU (0.5 to 2 GB for a 0.25-vCPU task).'),
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('arm64 (Graviton) tasks are about 20 % cheaper on Fargate.'),
    instanceType: fields.instanceType.optional().describe('EC2 container instance type, e.g. "m6i.large"; used only with the EC2 launch type.'),
    replicas: fields.replicas.default(2).describe('Desired task count; two or more spread over zones keep the service up when one zone fails.'),
    autoscaling: fields.autoscaling.optional().describe('Service auto scaling bounds on the task count.'),
    term: fields.term.describe('Purchase term: "spot" means Fargate Spot or Spot instances, reserved terms mean Savings Plans.'),
    auth: fields.auth.optional(),
    public: fields.public.describe('Tasks get public IPs and are reachable from the internet without a load balancer.'),
    loadShedding: fields.loadShedding,
    leaderElection: fields.leaderElection,
    personalData: fields.personalData,
  },
});
