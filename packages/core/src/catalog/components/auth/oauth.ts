import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'auth.oauth',
  name: 'OAuth 2.0 / OIDC provider',
  description: "A hosted OAuth 2.0 / OpenID Connect authorization server that signs users in and issues tokens, priced as the target cloud's identity service (Cognito, Identity Platform, Entra External ID) per monthly active user.",
  category: 'auth',
  vendor: 'neutral',
  roles: ['auth-provider', 'ha-managed'],
  equivalence: 'identity-provider',
  config: {
    protocol: z.enum(['oidc', 'oauth2', 'saml']).default('oidc').describe('Protocol relying parties use: OIDC for sign-in, plain OAuth 2.0 for delegated API access, or SAML 2.0.'),
    monthlyActiveUsers: z.number().int().min(0).default(1000).describe('Users who sign in or refresh a token in a month; identity services bill per MAU.'),
    mfa: z.enum(['off', 'optional', 'required']).default('optional').describe('Multi-factor authentication for user sign-in.'),
    accessTokenTtlS: z.number().int().min(60).max(86400).default(3600).describe('Lifetime of issued access tokens, in seconds.'),
    personalData: fields.personalData.default(true).describe('Holds or processes personal data (GDPR, HIPAA); a user directory holds it by nature.'),
  },
});
