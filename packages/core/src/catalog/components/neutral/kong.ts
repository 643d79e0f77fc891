import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'kong',
  name: 'Kong Gateway',
  description: 'API gateway built on NGINX with plugins for authentication, rate limiting and transformations, run on your own VMs or Kubernetes and priced as that compute (plus a licence for Enterprise).',
  category: 'gateway',
  vendor: 'kong',
  roles: ['edge', 'gateway', 'self-managed'],
  equivalence: 'api-gateway',
  capacity: { rpsPerVcpu: 2000, basis: 'about 2,000 proxied requests/s per vCPU with a few plugins' },
  config: {
    edition: z.enum(['oss', 'enterprise']).default('oss').describe('Open-source gateway, or Kong Enterprise with a paid licence (RBAC, OIDC and other enterprise plugins).'),
    deploymentMode: z
      .enum(['db-less', 'traditional', 'hybrid'])
      .default('db-less')
      .describe('DB-less reads declarative config; traditional keeps config in PostgreSQL; hybrid splits a control plane from data-plane nodes.'),
    replicas: fields.replicas.default(2).describe('Gateway (data-plane) nodes; two or more keep the API reachable when one fails.'),
    instanceType: fields.instanceType.optional(),
    vcpus: fields.vcpus.default(1),
    memoryMb: fields.memoryMb.default(2048),
    autoscaling: fields.autoscaling.optional(),
    term: fields.term,
    auth: fields.auth.optional(),
    rateLimitRps: z.number().int().min(1).describe('Requests per second allowed per consumer by the rate-limiting plugin.').optional(),
    rateLimit: fields.rateLimit.describe('The rate-limiting plugin: counted per consumer (client), credential (api-key), IP, or service (global).'),
    healthCheck: fields.healthCheck.describe('Active health checks on upstream targets; unhealthy targets get no traffic until they recover.'),
    public: fields.public.default(true).describe('Reachable from the internet without going through another component (a load balancer or CDN).'),
  },
});
