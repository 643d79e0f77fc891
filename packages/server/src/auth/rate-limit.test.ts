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

  it('counts attempts as it checks them: of parallel attempts, the ones past max are refused and not counted', async () => {
    const limiter = make();
    const t = 1_700_000_000_000;
    const results = await Promise.all(Array.from({ length: 5 }, () => limiter.attempt('dee', t)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, retryAfter: 60 }, { ok: false, retryAfter: 60 }]);
    expect(await limiter.retryAfter('dee', t)).toBe(60);
    // refused attempts are not counted: three more later in the window do not hold the key once the counted ones left it
    for (let i = 0; i < 3; i++) expect(await limiter.attempt('dee', t + 30_000)).toEqual({ ok: false, retryAfter: 30 });
    expect(await limiter.attempt('dee', t + 60_000)).toMatchObject({ ok: true });
  });

  it('forgives one counted attempt (a sign-in that succeeded)', async () => {
    const limiter = make();
    const t = 1_700_000_000_000;
    const first = await limiter.attempt('eve', t);
    await limiter.attempt('eve', t);
    await limiter.attempt('eve', t + 1);
    expect(await limiter.attempt('eve', t + 2)).toEqual({ ok: false, retryAfter: 60 });
    expect(first.ok).toBe(true);
    await limiter.forgive('eve', (first as { id: string }).id);
    expect(await limiter.retryAfter('eve', t + 2)).toBe(0);
    expect(await limiter.attempt('eve', t + 2)).toMatchObject({ ok: true });
    expect(await limiter.attempt('eve', t + 3)).toEqual({ ok: false, retryAfter: 60 });
  });
});
