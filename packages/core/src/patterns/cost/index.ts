import type { AnyPattern } from '../types';

/** Cost patterns, in library order. Adding one = one file here + one line below. */
export const COST_PATTERNS: readonly AnyPattern[] = [];
