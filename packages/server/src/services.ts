import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { Access } from './auth/access';
import { RateLimiter } from './auth/rate-limit';
import { Sessions } from './auth/sessions';
import { LiveDocuments } from './collab/live';
import { UpdateLog } from './collab/update-log';
import type { Config } from './config';
import type { Storage } from './db/database';
import type { Database } from './db/schema';

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
}

export function createServices(config: Config, storage: Storage, logger: FastifyBaseLogger): Services {
  const db = storage.db;
  const sessions = new Sessions(db, config);
  const access = new Access(db);
  const log = new UpdateLog(db);
  const live = new LiveDocuments({ db, log, sessions, access, logger, versionDebounceMs: config.versionDebounceMs });
  return { config, storage, db, sessions, access, signInLimits: { perEmail: new RateLimiter(10), perAddress: new RateLimiter(100) }, log, live };
}
