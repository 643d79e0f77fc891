import type { HealthRule } from '../types';
import circuitBreaker from './circuit-breaker';
import deadLetterQueue from './dead-letter-queue';
import spof from './spof';

/** Every health rule, in report order. Adding one = one file + one line here. */
export const HEALTH_RULES: readonly HealthRule[] = [spof, circuitBreaker, deadLetterQueue];
