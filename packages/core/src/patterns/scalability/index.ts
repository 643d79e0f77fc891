import type { AnyPattern } from '../types';

/** Scalability patterns, in library order. Adding one = one file here + one line below. */
export const SCALABILITY_PATTERNS: readonly AnyPattern[] = [];
