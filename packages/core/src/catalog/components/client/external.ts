import { defineComponent } from '../../define';

export default defineComponent({
  id: 'client.external',
  name: 'External system',
  description:
    'Partner or third-party systems outside your control: they call your API (integrations, webhook senders, B2B clients) or your services call theirs (payments, e-mail, partner APIs).',
  category: 'client',
  vendor: 'neutral',
  roles: ['entrypoint', 'external-api'],
  equivalence: 'client',
  config: {},
});
