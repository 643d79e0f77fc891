import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.load-balancer',
  name: 'Google Cloud Load Balancing',
  description: 'Managed load balancers, from the global external Application Load Balancer (HTTP(S), anycast IP) to regional passthrough Network Load Balancers, billed per forwarding rule-hour and per GB processed.',
  category: 'load-balancer',
  vendor: 'gcp',
  roles: ['edge', 'load-balancer', 'ha-managed'],
  equivalence: 'load-balancer',
  config: {
    type: z
      .enum(['application', 'proxy-network', 'passthrough-network'])
      .default('application')
      .describe('Application (layer 7 HTTP(S), URL maps, Cloud CDN and Cloud Armor), proxy Network (layer 4 TCP/SSL proxy) or passthrough Network (layer 4, client IP preserved).'),
    global: z.boolean().default(true).describe('Global load balancer with one anycast IP and backends in several regions; false means regional.'),
    public: fields.public.default(true).describe('External load balancer reachable from the internet; false means internal to the VPC.'),
    forwardingRules: z.number().int().min(1).max(1000).default(1).describe('Forwarding rules (frontends); the first five are billed as one block, each further rule per hour.'),
    cloudArmor: z.boolean().default(false).describe('A Cloud Armor security policy (WAF rules, rate limiting, DDoS protection) is attached.'),
    healthCheck: fields.healthCheck,
  },
});
