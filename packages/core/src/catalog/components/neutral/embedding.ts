import { z } from 'zod';
import { defineComponent } from '../../define';
import { modelField } from '../../fields';

export default defineComponent({
  id: 'embedding',
  name: 'Embedding model',
  description:
    'A hosted text embedding model API (Voyage AI, OpenAI, Google, Cohere) that turns text into vectors for search and RAG, billed per million input tokens.',
  category: 'ai',
  vendor: 'neutral',
  roles: ['embedding', 'ha-managed'],
  equivalence: 'embedding',
  config: {
    provider: z
      .enum(['anthropic-voyage', 'openai', 'google', 'cohere'])
      .default('openai')
      .describe('Embedding provider; Anthropic has no embedding model of its own and recommends Voyage AI.'),
    model: modelField('text-embedding-3-small')
      .default('text-embedding-3-small')
      .describe(
        'Model id as the provider names it, e.g. "text-embedding-3-small" (OpenAI), "voyage-3.5" (Voyage AI), "gemini-embedding-001" (Google), "embed-v4.0" (Cohere).',
      ),
    dimensions: z
      .number()
      .int()
      .min(1)
      .max(8192)
      .optional()
      .describe("Output vector dimensions for models that can shorten them. Unset means the model's default."),
    batch: z.boolean().default(false).describe('Use the provider\'s batch API (asynchronous, discounted) for bulk indexing.'),
  },
});
