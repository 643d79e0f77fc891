import type { AnyPattern } from '../types';

/** AI patterns, in library order. Adding one = one file here + one line below. */
export const AI_PATTERNS: readonly AnyPattern[] = [];
