import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'auth0',
  name: 'Auth0',
  description: 'Hosted customer identity platform (Okta) for sign-up, social and enterprise login and tokens, billed by plan and monthly active users.',
  category: 'auth',
  vendor: 'auth0',
  roles: ['auth-provider', 'ha-managed'],
  equivalence: 'identity-provider',
  config: {
    plan: z
      .enum(['free', 'essentials', 'professional', 'enterprise'])
      .default('essentials')
      .describe('Subscription plan; self-service plans are priced in MAU bands, Enterprise by contract.'),
    audience: z.enum(['b2c', 'b2b']).default('b2c').describe('B2C (consumer) or B2B (organizations, enterprise connections) pricing.'),
    monthlyActiveUsers: z.number().int().min(0).default(1000).describe('Users who log in at least once in a month; Auth0 bills per MAU band.'),
    mfa: z.enum(['off', 'optional', 'required']).default('optional').describe('Multi-factor authentication for user sign-in.'),
    personalData: fields.personalData.default(true).describe('Holds or processes personal data (GDPR, HIPAA); a user directory holds it by nature.'),
  },
});
