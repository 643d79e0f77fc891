import { defineComponent } from '../../define';

export default defineComponent({
  id: 'client.web',
  name: 'Web app',
  description: 'Browsers loading your web front end: where user traffic enters the system.',
  category: 'client',
  vendor: 'neutral',
  roles: ['entrypoint'],
  equivalence: 'client',
  config: {},
});
