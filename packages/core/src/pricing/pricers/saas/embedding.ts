import { tokenPricer } from '../llm';

/** Embedding models of each provider; the engine picks the provider from the component's `provider` config. */
export const openaiEmbedding = tokenPricer('openai.embedding', 'openai', 'embedding', ['embedding']);
export const googleEmbedding = tokenPricer('google.embedding', 'google', 'embedding', ['embedding']);
export const voyageEmbedding = tokenPricer('voyage.embedding', 'voyage', 'embedding', ['embedding']);
export const cohereEmbedding = tokenPricer('cohere.embedding', 'cohere', 'embedding', ['embedding']);
