import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.alb',
  name: 'Application Load Balancer',
  description: 'Managed layer-7 load balancer that routes HTTP(S) and gRPC requests by host and path to targets, billed per hour and per load balancer capacity unit (LCU).',
  category: 'load-balancer',
  vendor: 'aws',
  roles: ['edge', 'load-balancer', 'ha-managed'],
  equivalence: 'load-balancer',
  config: {
    public: fields.public.default(true).describe('Internet-facing scheme; false for an internal load balancer reachable only inside the VPC.'),
    httpsOnly: z.boolean().default(true).describe('Listeners terminate TLS; plain HTTP only redirects to HTTPS.'),
    auth: fields.auth.optional().describe('Authentication done by the load balancer before forwarding: "oidc" (including Cognito user pools) or "mtls". Unset means none.'),
    waf: z.boolean().default(false).describe('An AWS WAF web ACL is attached (billed per web ACL, per rule and per million requests).'),
    idleTimeoutS: z.number().int().min(1).max(4000).default(60).describe('Seconds an idle client connection stays open.'),
    healthCheck: fields.healthCheck,
  },
});
