import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.nlb',
  name: 'Network Load Balancer',
  description: 'Managed layer-4 load balancer for TCP, UDP and TLS traffic with static IPs and very low latency, billed per hour and per network load balancer capacity unit (NLCU).',
  category: 'load-balancer',
  vendor: 'aws',
  roles: ['edge', 'load-balancer', 'ha-managed'],
  equivalence: 'load-balancer',
  config: {
    public: fields.public.default(true).describe('Internet-facing scheme; false for an internal load balancer reachable only inside the VPC.'),
    protocol: z.enum(['tcp', 'udp', 'tcp_udp', 'tls']).default('tcp').describe('Listener protocol; "tls" terminates TLS at the load balancer.'),
    crossZone: z
      .boolean()
      .default(false)
      .describe('Spread traffic over targets in every zone; off by default on NLBs because cross-zone traffic is billed as inter-AZ data transfer.'),
    healthCheck: fields.healthCheck,
  },
});
