import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'azure.load-balancer',
  name: 'Azure Load Balancer',
  description: 'Managed layer 4 (TCP/UDP) load balancer, zone-redundant on the Standard SKU, billed per rule-hour and per GB processed; use Application Gateway or Front Door for HTTP routing.',
  category: 'load-balancer',
  vendor: 'azure',
  roles: ['edge', 'load-balancer', 'ha-managed'],
  equivalence: 'load-balancer',
  config: {
    tier: z.enum(['regional', 'global']).default('regional').describe('Regional, or the global cross-region tier that fronts regional load balancers with one anycast IP.'),
    public: fields.public.default(true).describe('Public load balancer with an internet-facing IP; false means an internal load balancer in the VNet.'),
    rules: z.number().int().min(1).max(1000).default(1).describe('Load-balancing and outbound rules; the first five are billed as one block, each further rule per hour.'),
    healthCheck: fields.healthCheck.describe('Health probe: instances that fail it are taken out of the backend pool until they pass again.'),
  },
});
