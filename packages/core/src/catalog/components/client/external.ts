import { defineComponent } from '../../define';

export default defineComponent({
  id: 'client.external',
  name: 'External system',
  description: 'Partner or third-party systems that call your API machine to machine (integrations, webhook senders, B2B clients).',
  category: 'client',
  vendor: 'neutral',
  roles: ['entrypoint'],
  equivalence: 'client',
  config: {},
});
