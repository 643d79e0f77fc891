import type { AnyPattern } from '../types';

/** Security patterns, in library order. Adding one = one file here + one line below. */
export const SECURITY_PATTERNS: readonly AnyPattern[] = [];
