import type { AnyPattern } from '../types';
import bulkhead from './bulkhead';
import circuitBreaker from './circuit-breaker';
import retryWithBackoff from './retry-with-backoff';

/** Resilience patterns, in library order. Adding one = one file here + one line below. */
export const RESILIENCE_PATTERNS: readonly AnyPattern[] = [
  circuitBreaker,
  retryWithBackoff,
  bulkhead,
];
