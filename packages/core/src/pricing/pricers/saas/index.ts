import type { Pricer } from '../../types';
import anthropic from './anthropic';
import { cohereEmbedding, googleEmbedding, openaiEmbedding, voyageEmbedding } from './embedding';
import google from './google';
import openai from './openai';

/** Pricers for SaaS products and model providers, priced on their own price lists. One file + one line here. */
export const SAAS_PRICERS: readonly Pricer[] = [anthropic, openai, google, openaiEmbedding, googleEmbedding, voyageEmbedding, cohereEmbedding];
