import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'gcp.api-gateway',
  name: 'Google Cloud API Gateway',
  description: 'Managed gateway that serves an OpenAPI or gRPC API in front of Cloud Run, Cloud Functions and App Engine backends, billed per million calls (first 2 million a month free).',
  category: 'gateway',
  vendor: 'gcp',
  roles: ['edge', 'gateway', 'ha-managed'],
  equivalence: 'api-gateway',
  config: {
    protocol: z.enum(['rest', 'grpc']).default('rest').describe('API described by an OpenAPI 2.0 spec (REST) or a gRPC service config.'),
    auth: fields.auth.optional().describe('How callers are authenticated: "api-key" (API keys), "jwt" (Firebase, Auth0, Okta, Google ID tokens) or "iam" (Google service accounts). Unset or "none" means requests are not authenticated.'),
    quotaRequestsPerMinute: z.number().int().min(1).optional().describe('Per-consumer (per API key) quota set in the API config, in requests per minute. Unset means no quota.'),
    rateLimit: fields.rateLimit.describe('Rate limit set as a per-consumer quota in the API config (counted per API key); other keys need Cloud Armor in front.'),
  },
});
