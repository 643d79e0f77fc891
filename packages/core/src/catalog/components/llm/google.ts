import { z } from 'zod';
import { defineComponent } from '../../define';
import { modelField } from '../../fields';

export default defineComponent({
  id: 'llm.google',
  name: 'Google Gemini',
  description: 'Gemini models through the Gemini API or Vertex AI, billed per million input and output tokens (higher rates above 200k-token prompts on Pro models).',
  category: 'ai',
  vendor: 'google',
  roles: ['llm', 'ha-managed'],
  equivalence: 'llm',
  config: {
    model: modelField('gemini-2.5-flash').default('gemini-2.5-flash').describe('Model id as the provider names it, e.g. "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite".'),
    platform: z
      .enum(['gemini-api', 'vertex-ai'])
      .default('gemini-api')
      .describe('Gemini Developer API (API key) or Vertex AI (Google Cloud IAM, VPC Service Controls, regional endpoints); list token prices are the same.'),
    contextCaching: z.boolean().default(false).describe('Reuse cached prompt prefixes, billed at a reduced input rate plus cache storage per hour.'),
    batch: z.boolean().default(false).describe('Use batch mode (asynchronous, about half the price).'),
  },
});
