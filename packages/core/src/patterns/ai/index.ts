import type { AnyPattern } from '../types';
import llmGateway from './llm-gateway';
import ragPipeline from './rag-pipeline';

/** AI patterns, in library order. Adding one = one file here + one line below. */
export const AI_PATTERNS: readonly AnyPattern[] = [ragPipeline, llmGateway];
