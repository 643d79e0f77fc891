import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, testRedisPrefix } from '../testing/redis';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limit';

const redis = TEST_REDIS_URL ? new Redis(TEST_REDIS_URL) : undefined;
afterAll(async () => {
  await redis?.quit();
});

const kinds: Array<[string, () => RateLimiter]> = [
  ['memory', () => new MemoryRateLimiter(3, 60_000)],
  ...(redis ? [['redis', () => new RedisRateLimiter(redis, testRedisPrefix(), 3, 60_000)] as [string, () => RateLimiter]] : []),
];

describe.each(kinds)('sign-in limits (%s)', (_kind, make) => {
  it('blocks after max failures in the window until the oldest of them leaves it', async () => {
    const limiter = make();
    const t = 1_700_000_000_000;
    await limiter.fail('ann', t);
    await limiter.fail('ann', t + 10_000);
    expect(await limiter.retryAfter('ann', t + 10_000)).toBe(0);
    await limiter.fail('ann', t + 20_000);
    expect(await limiter.retryAfter('ann', t + 20_000)).toBe(40);
    expect(await limiter.retryAfter('bob', t + 20_000), 'keys are counted apart').toBe(0);
    // the window slides: at t + 60 s the first failure is out, two remain
    expect(await limiter.retryAfter('ann', t + 60_001)).toBe(0);
    await limiter.fail('ann', t + 60_001);
    expect(await limiter.retryAfter('ann', t + 60_001)).toBe(10);
  });

  it('forgets a key on reset (a successful sign-in)', async () => {
    const limiter = make();
    const t = 1_700_000_000_000;
    for (let i = 0; i < 3; i++) await limiter.fail('cy', t + i);
    expect(await limiter.retryAfter('cy', t + 3)).toBeGreaterThan(0);
    await limiter.reset('cy');
    expect(await limiter.retryAfter('cy', t + 3)).toBe(0);
  });
});
