import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Sign-in throttling: at most `max` failed attempts per key (e-mail, and client address) in a sliding window; past
 * that, the caller waits. In memory for one server process; in Redis when several instances share the work
 * (REDIS_URL), so the limit holds across all of them.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may now. */
  retryAfter(key: string, now?: number): Promise<number>;
  fail(key: string, now?: number): Promise<void>;
  reset(key: string): Promise<void>;
  /**
   * Counts an attempt as a failure before its outcome is known, unless the key has to wait (then nothing is counted).
   * Checking and counting are one step, so parallel attempts cannot all pass the same check. `forgive` takes the
   * attempt back when it turns out not to be a failure.
   */
  attempt(key: string, now?: number): Promise<{ ok: true; id: string } | { ok: false; retryAfter: number }>;
  /** Takes back one attempt counted by `attempt`. */
  forgive(key: string, id: string): Promise<void>;
}

/** Seconds to wait when `times` (ascending) hold at least `max` failures: until enough of them leave the window. */
function waitFor(times: readonly number[], max: number, windowMs: number, now: number): number {
  if (times.length < max) return 0;
  return Math.max(1, Math.ceil((times[times.length - max]! + windowMs - now) / 1000));
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  async retryAfter(key: string, now = Date.now()): Promise<number> {
    return waitFor(this.recent(key, now), this.max, this.windowMs, now);
  }

  async fail(key: string, now = Date.now()): Promise<void> {
    this.add(key, this.recent(key, now), now);
  }

  async reset(key: string): Promise<void> {
    this.failures.delete(key);
  }

  // synchronous inside: no other request runs between the check and the count
  async attempt(key: string, now = Date.now()): Promise<{ ok: true; id: string } | { ok: false; retryAfter: number }> {
    const recent = this.recent(key, now);
    const retryAfter = waitFor(recent, this.max, this.windowMs, now);
    if (retryAfter > 0) return { ok: false, retryAfter };
    this.add(key, recent, now);
    return { ok: true, id: String(now) };
  }

  async forgive(key: string, id: string): Promise<void> {
    // failures at the same time are alike: taking back any one of them is taking back this one
    const times = this.failures.get(key);
    const i = times?.lastIndexOf(Number(id)) ?? -1;
    if (i >= 0) times!.splice(i, 1);
  }

  private add(key: string, recent: number[], now: number): void {
    recent.push(now);
    this.failures.set(key, recent.slice(-this.max));
    if (this.failures.size > 100_000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (times.every((t) => t <= now - this.windowMs)) this.failures.delete(key);
  }
}

/**
 * The same sliding window in Redis: one sorted set per key, scored by failure time, cut to the window and to the last
 * `max` entries on every failure and expiring with the window. Instances' clocks only need to agree to within
 * seconds of a 15-minute window.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    /** Key prefix, e.g. `backarch:signin:email:`. */
    private readonly prefix: string,
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  async retryAfter(key: string, now = Date.now()): Promise<number> {
    const k = this.prefix + key;
    const replies = await this.redis.multi().zremrangebyscore(k, '-inf', now - this.windowMs).zrange(k, 0, -1, 'WITHSCORES').exec();
    const entries = results(replies)[1] as string[];
    const times = entries.filter((_, i) => i % 2 === 1).map(Number);
    return waitFor(times, this.max, this.windowMs, now);
  }

  async fail(key: string, now = Date.now()): Promise<void> {
    const k = this.prefix + key;
    const replies = await this.redis
      .multi()
      .zadd(k, now, `${now}:${randomUUID()}`)
      .zremrangebyscore(k, '-inf', now - this.windowMs)
      .zremrangebyrank(k, 0, -(this.max + 1))
      .pexpire(k, this.windowMs)
      .exec();
    results(replies);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async attempt(key: string, now = Date.now()): Promise<{ ok: true; id: string } | { ok: false; retryAfter: number }> {
    const id = `${now}:${randomUUID()}`;
    // one script, so checking and counting are atomic across instances too
    const oldest = (await this.redis.eval(ATTEMPT, 1, this.prefix + key, now, this.windowMs, this.max, id)) as string | null;
    if (oldest === null) return { ok: true, id };
    return { ok: false, retryAfter: waitFor([Number(oldest)], 1, this.windowMs, now) };
  }

  async forgive(key: string, id: string): Promise<void> {
    await this.redis.zrem(this.prefix + key, id);
  }
}

/**
 * KEYS[1]: the key's sorted set; ARGV: now, window (ms), max, the attempt's member. Cuts the set to the window; when it
 * holds `max` failures, answers the time of the one that must leave the window first and counts nothing, else counts
 * the attempt and answers nil.
 */
const ATTEMPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
local max = tonumber(ARGV[3])
if n >= max then
  return redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')[2]
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return false
`;

/** The replies of a MULTI, or the first error in it. */
function results(replies: [Error | null, unknown][] | null): unknown[] {
  if (!replies) throw new Error('Redis discarded the transaction');
  for (const [error] of replies) if (error) throw error;
  return replies.map(([, value]) => value);
}
