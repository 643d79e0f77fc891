import type { HealthRule } from '../types';
import auth from './auth';
import budget from './budget';
import capacity from './capacity';
import circuitBreaker from './circuit-breaker';
import cloudMismatch from './cloud-mismatch';
import dataResidency from './data-residency';
import deadLetterQueue from './dead-letter-queue';
import encryptionAtRest from './encryption-at-rest';
import mtls from './mtls';
import observability from './observability';
import spof from './spof';
import teamCapacity from './team-capacity';

/** Every health rule, in report order. Adding one = one file + one line here. */
export const HEALTH_RULES: readonly HealthRule[] = [
  spof,
  circuitBreaker,
  deadLetterQueue,
  capacity,
  budget,
  teamCapacity,
  cloudMismatch,
  auth,
  mtls,
  encryptionAtRest,
  dataResidency,
  observability,
];
