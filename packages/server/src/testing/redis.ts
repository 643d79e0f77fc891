import { randomBytes } from 'node:crypto';

/** The Redis of the Redis suites (TEST_REDIS_URL), or undefined: those suites are not included (vitest.config.ts). */
export const TEST_REDIS_URL: string | undefined = process.env.TEST_REDIS_URL || undefined;

/** A key and channel prefix no other test run uses, so runs sharing one Redis never see each other's keys. */
export const testRedisPrefix = (): string => `backarch-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
