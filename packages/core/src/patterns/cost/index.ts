import type { AnyPattern } from '../types';
import reservedCapacity from './reserved-capacity';

/** Cost patterns, in library order. Adding one = one file here + one line below. */
export const COST_PATTERNS: readonly AnyPattern[] = [reservedCapacity];
