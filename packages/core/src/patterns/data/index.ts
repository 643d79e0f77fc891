import type { AnyPattern } from '../types';

/** Data patterns, in library order. Adding one = one file here + one line below. */
export const DATA_PATTERNS: readonly AnyPattern[] = [];
