import { z } from 'zod';
import { defineComponent } from '../../define';
import { modelField } from '../../fields';

export default defineComponent({
  id: 'llm.anthropic',
  name: 'Anthropic Claude',
  description: 'Claude models through the Anthropic API, billed per million input and output tokens.',
  category: 'ai',
  vendor: 'anthropic',
  roles: ['llm', 'ha-managed'],
  equivalence: 'llm',
  config: {
    model: modelField('claude-sonnet-4-5').default('claude-sonnet-4-5').describe('Model id as the provider names it.'),
    promptCaching: z.boolean().default(false).describe('Reuse cached prompt prefixes, billed at a reduced input rate.'),
    batch: z.boolean().default(false).describe('Use the batch API (asynchronous, discounted).'),
  },
});
