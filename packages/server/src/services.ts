import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { Access } from './auth/access';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './auth/rate-limit';
import { Sessions } from './auth/sessions';
import { LiveDocuments } from './collab/live';
import { RedisRelay } from './collab/relay';
import { UpdateLog } from './collab/update-log';
import type { Config } from './config';
import type { Storage } from './db/database';
import type { Database } from './db/schema';
import { connectRedis, type RedisConnection } from './redis';

/** Everything a route handler may use, built once per server. */
export interface Services {
  config: Config;
  storage: Storage;
  db: Kysely<Database>;
  sessions: Sessions;
  access: Access;
  /** Failed sign-ins: 10 per e-mail (guessing one password), 100 per client address (many people behind one NAT). */
  signInLimits: { perEmail: RateLimiter; perAddress: RateLimiter };
  log: UpdateLog;
  live: LiveDocuments;
  /** When several instances run side by side (REDIS_URL): shared sign-in limits, the collaboration relay, /readyz. */
  redis?: RedisConnection;
}

/** `redisPrefix` namespaces every Redis key and channel (tests give each run its own). */
export function createServices(config: Config, storage: Storage, logger: FastifyBaseLogger, options: { redisPrefix?: string } = {}): Services {
  const db = storage.db;
  const sessions = new Sessions(db, config);
  const access = new Access(db);
  const log = new UpdateLog(db);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger, options.redisPrefix) : undefined;
  const relay =
    redis && new RedisRelay({ createClient: () => redis.create('collab'), prefix: `${redis.prefix}collab`, onError: (err) => logger.warn({ err }, 'relaying a live document through Redis failed') });
  const live = new LiveDocuments({ db, log, sessions, access, logger, versionDebounceMs: config.versionDebounceMs, relay });
  const limiter = (name: string, max: number): RateLimiter => (redis ? new RedisRateLimiter(redis.client, `${redis.prefix}signin:${name}:`, max) : new MemoryRateLimiter(max));
  return { config, storage, db, sessions, access, signInLimits: { perEmail: limiter('email', 10), perAddress: limiter('address', 100) }, log, live, redis };
}
