import type { AnyPattern } from '../types';

/** State patterns, in library order. Adding one = one file here + one line below. */
export const STATE_PATTERNS: readonly AnyPattern[] = [];
