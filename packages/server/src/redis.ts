import { Redis, type RedisOptions } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The Redis side of a server that runs beside others (REDIS_URL): one client for commands (sign-in limits, /readyz)
 * and a factory for the collaboration relay's publisher and subscriber. Every key and channel starts with `prefix`, so
 * several deployments (or test runs) can share one Redis.
 */
export interface RedisConnection {
  /** For commands; fails a command after a short wait instead of queueing it while Redis is away. */
  readonly client: Redis;
  /** Key and channel prefix, ending in `:`. */
  readonly prefix: string;
  /** A new connection to the same Redis (the relay needs two: pub/sub blocks a connection for anything else). */
  create(purpose: string): Redis;
  /** Whether Redis answers a PING within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_REDIS_PREFIX = 'backarch:';

export function connectRedis(url: string, logger: FastifyBaseLogger, prefix = DEFAULT_REDIS_PREFIX): RedisConnection {
  const connections: Redis[] = [];
  const open = (purpose: string, options: RedisOptions = {}) => {
    const redis = new Redis(url, { connectionName: `backarch-${purpose}`, ...options });
    // ioredis reconnects by itself; report each outage once, not every retry
    let down = false;
    redis.on('error', (err) => {
      if (!down) logger.warn({ err, purpose }, 'Redis connection failed; retrying');
      down = true;
    });
    redis.on('ready', () => {
      if (down) logger.info({ purpose }, 'Redis connection restored');
      down = false;
    });
    connections.push(redis);
    return redis;
  };
  const client = open('commands', { maxRetriesPerRequest: 1, commandTimeout: 5000 });
  return {
    client,
    prefix,
    create: (purpose) => open(purpose),
    async ping(timeoutMs = 1000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([client.ping().then((r) => r === 'PONG', () => false), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      // the relay's connections are closed by the relay (LiveDocuments.close); whatever is still open goes now
      await Promise.all(connections.map(closeClient));
    },
  };
}

/** QUIT when connected (waiting at most a second), else just drop the connection: a QUIT queued for an unreachable Redis would wait forever. */
export async function closeClient(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([redis.quit().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
  }
  redis.disconnect(false);
}
