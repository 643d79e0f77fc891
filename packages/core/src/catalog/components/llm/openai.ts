import { z } from 'zod';
import { defineComponent } from '../../define';
import { modelField } from '../../fields';

export default defineComponent({
  id: 'llm.openai',
  name: 'OpenAI GPT',
  description: 'GPT models through the OpenAI API, billed per million input, cached input and output tokens.',
  category: 'ai',
  vendor: 'openai',
  roles: ['llm', 'ha-managed'],
  equivalence: 'llm',
  config: {
    model: modelField('gpt-5-mini').default('gpt-5-mini').describe('Model id as the provider names it.'),
    serviceTier: z
      .enum(['default', 'flex', 'priority'])
      .default('default')
      .describe('Processing tier: flex is about half price with slower, best-effort responses; priority costs more for faster, steadier latency.'),
    reasoningEffort: z
      .enum(['minimal', 'low', 'medium', 'high'])
      .default('medium')
      .describe('Reasoning models only: more effort spends more reasoning tokens, which are billed as output.'),
    batch: z.boolean().default(false).describe('Use the Batch API (asynchronous within 24 hours, half price).'),
  },
});
