import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.cognito',
  name: 'Amazon Cognito',
  description: 'Managed user directory and OAuth 2.0 / OpenID Connect token issuer for app sign-up and sign-in, billed per monthly active user by feature plan.',
  category: 'auth',
  vendor: 'aws',
  roles: ['auth-provider', 'ha-managed'],
  equivalence: 'identity-provider',
  config: {
    featurePlan: z
      .enum(['lite', 'essentials', 'plus'])
      .default('essentials')
      .describe('User pool feature plan: Lite (basic sign-in), Essentials (managed login, passwordless, access-token customisation) or Plus (threat protection); each has its own price per MAU.'),
    monthlyActiveUsers: z.number().int().min(0).default(1000).describe('Users who sign in or refresh a token in a month; Cognito bills per MAU.'),
    federatedShare: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Fraction of active users who sign in through a SAML or OIDC federated identity provider, billed at a separate MAU rate (0–1).'),
    mfa: z.enum(['off', 'optional', 'required']).default('optional').describe('Multi-factor authentication for user sign-in.'),
    personalData: fields.personalData.default(true).describe('Holds or processes personal data (GDPR, HIPAA); a user directory holds it by nature.'),
  },
});
