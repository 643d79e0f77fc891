import type { AnyPattern } from '../types';
import activeActiveMultiRegion from './active-active-multi-region';
import activePassiveMultiRegion from './active-passive-multi-region';
import bulkhead from './bulkhead';
import circuitBreaker from './circuit-breaker';
import deadLetterQueue from './dead-letter-queue';
import healthCheckFailover from './health-check-failover';
import leaderElection from './leader-election';
import loadShedding from './load-shedding';
import multiAz from './multi-az';
import rateLimiting from './rate-limiting';
import retryWithBackoff from './retry-with-backoff';
import timeout from './timeout';

/** Resilience patterns, in library order. Adding one = one file here + one line below. */
export const RESILIENCE_PATTERNS: readonly AnyPattern[] = [
  circuitBreaker,
  retryWithBackoff,
  timeout,
  bulkhead,
  rateLimiting,
  loadShedding,
  healthCheckFailover,
  multiAz,
  activePassiveMultiRegion,
  activeActiveMultiRegion,
  deadLetterQueue,
  leaderElection,
];
