import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'keycloak',
  name: 'Keycloak',
  description: 'Open-source identity and access management server (OIDC, OAuth 2.0, SAML, user federation) that you run yourself, priced as the compute it runs on; it keeps its data in a separate relational database.',
  category: 'auth',
  vendor: 'neutral',
  roles: ['auth-provider', 'self-managed'],
  equivalence: 'identity-provider',
  capacity: { rpsPerVcpu: 50, basis: 'about 50 token requests/s per vCPU' },
  config: {
    version: z.string().regex(/^\d+(\.\d+)*$/, { error: 'must be a Keycloak version such as "26"' }).default('26').describe('Major Keycloak version.'),
    replicas: fields.replicas.default(2).describe('Keycloak nodes in the cluster; two or more keep sign-in up when one fails.'),
    instanceType: fields.instanceType.optional(),
    vcpus: fields.vcpus.default(2),
    memoryMb: fields.memoryMb.default(2048),
    term: fields.term,
    mfa: z.enum(['off', 'optional', 'required']).default('optional').describe('Multi-factor authentication for user sign-in.'),
    public: fields.public,
    personalData: fields.personalData.default(true).describe('Holds or processes personal data (GDPR, HIPAA); a user directory holds it by nature.'),
  },
});
