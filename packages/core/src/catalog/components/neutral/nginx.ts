import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'nginx',
  name: 'NGINX',
  description: 'Reverse proxy, load balancer and lightweight API gateway that you run on your own VMs or as a Kubernetes ingress controller, priced as that compute (plus a subscription for NGINX Plus).',
  category: 'gateway',
  vendor: 'neutral',
  roles: ['edge', 'gateway', 'load-balancer', 'self-managed'],
  equivalence: 'api-gateway',
  capacity: { rpsPerVcpu: 5000, basis: 'about 5,000 proxied requests/s per vCPU' },
  config: {
    edition: z.enum(['oss', 'plus']).default('oss').describe('Open-source NGINX, or NGINX Plus with active health checks and a per-instance subscription.'),
    replicas: fields.replicas.default(2).describe('NGINX instances; two or more keep traffic flowing when one fails.'),
    instanceType: fields.instanceType.optional(),
    vcpus: fields.vcpus.default(1),
    memoryMb: fields.memoryMb.default(1024),
    autoscaling: fields.autoscaling.optional(),
    term: fields.term,
    loadBalancing: z
      .enum(['round-robin', 'least-conn', 'ip-hash'])
      .default('round-robin')
      .describe('How requests are spread over upstream servers.'),
    tlsTermination: z.boolean().default(true).describe('NGINX terminates TLS for clients.'),
    auth: fields.auth.optional().describe('Authentication done by NGINX before proxying ("basic", "mtls", or "jwt" with NGINX Plus or an auth_request subrequest). Unset means none.'),
    rateLimitRps: z.number().int().min(1).describe('Requests per second allowed per client key (limit_req).').optional(),
    rateLimit: fields.rateLimit.describe('limit_req with a limit_req_zone keyed by $binary_remote_addr (ip), an API key or user header, or a constant (global); burst is the queue.'),
    public: fields.public.default(true).describe('Reachable from the internet without going through another component (a load balancer or CDN).'),
  },
});
