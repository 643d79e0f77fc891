import type { AnyPattern } from '../types';
import circuitBreaker from './circuit-breaker';

/** Resilience patterns, in library order. Adding one = one file here + one line below. */
export const RESILIENCE_PATTERNS: readonly AnyPattern[] = [circuitBreaker];
