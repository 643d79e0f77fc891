import type { AnyPattern } from '../types';

/** Messaging patterns, in library order. Adding one = one file here + one line below. */
export const MESSAGING_PATTERNS: readonly AnyPattern[] = [];
