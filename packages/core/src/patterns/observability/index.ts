import type { AnyPattern } from '../types';

/** Observability patterns, in library order. Adding one = one file here + one line below. */
export const OBSERVABILITY_PATTERNS: readonly AnyPattern[] = [];
