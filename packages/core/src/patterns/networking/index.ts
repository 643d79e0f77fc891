import type { AnyPattern } from '../types';

/** Networking patterns, in library order. Adding one = one file here + one line below. */
export const NETWORKING_PATTERNS: readonly AnyPattern[] = [];
