import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'client.mobile',
  name: 'Mobile app',
  description: 'iOS and Android apps calling your APIs from users\' phones: where mobile user traffic enters the system.',
  category: 'client',
  vendor: 'neutral',
  roles: ['entrypoint'],
  equivalence: 'client',
  config: {
    platforms: z
      .array(z.enum(['ios', 'android']))
      .min(1)
      .default(['ios', 'android'])
      .describe('Platforms the app ships on.'),
  },
});
