import { randomBytes } from 'node:crypto';

// CI (.ci/run) sets BACKARCH_REQUIRE_SERVICES=1: there the Redis suites must run, never skip silently.
if (process.env.BACKARCH_REQUIRE_SERVICES === '1' && !process.env.TEST_REDIS_URL) {
  throw new Error('BACKARCH_REQUIRE_SERVICES=1 but TEST_REDIS_URL is not set, so the Redis suites would be skipped: set it (CI uses redis://127.0.0.1:6379).');
}

/** The Redis of the Redis suites (TEST_REDIS_URL), or undefined: those suites are skipped. */
export const TEST_REDIS_URL: string | undefined = process.env.TEST_REDIS_URL || undefined;

/** A key and channel prefix no other test run uses, so runs sharing one Redis never see each other's keys. */
export const testRedisPrefix = (): string => `backarch-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
