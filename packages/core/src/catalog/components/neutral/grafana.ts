import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'grafana',
  name: 'Grafana',
  description:
    'Dashboards and alerting over metrics, logs and traces from other stores, priced as Amazon Managed Grafana (per active user) or Azure Managed Grafana, or as a small self-hosted instance.',
  category: 'observability',
  vendor: 'neutral',
  roles: ['observability.dashboards'],
  equivalence: 'dashboards',
  config: {
    managed: z
      .boolean()
      .default(true)
      .describe("Use the cloud's managed Grafana (Amazon or Azure Managed Grafana) instead of running it yourself; GCP has none, so it is self-hosted there."),
    editors: z.number().int().min(0).max(10000).default(2).describe('Active editors and admins per month (billed per user on Amazon Managed Grafana).'),
    viewers: z.number().int().min(0).max(100000).default(5).describe('Active viewers per month (billed per user on Amazon Managed Grafana).'),
    alerting: z.boolean().default(true).describe('Grafana evaluates alert rules and sends notifications.'),
    auth: fields.auth.default('oidc').describe('How users sign in: single sign-on (OIDC/SAML through IAM Identity Center or Entra ID) or local passwords.'),
    public: fields.public,
  },
});
