import { z } from 'zod';

/** Every environment variable the server reads; the README's configuration table lists the same. */
const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number (0–65535)' }).int({ error: 'must be a port number (0–65535)' }).min(0).max(65535).default(3000).describe('Port for the API, the collaboration WebSocket and the web app.'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on; 0.0.0.0 to accept connections from other machines.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional()
    .describe('PostgreSQL connection URL; unset = embedded PGlite in BACKARCH_DATA_DIR.'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' })
    .optional()
    .describe('Redis connection URL; set it to run several server instances that share live documents and sign-in limits (needs DATABASE_URL).'),
  BACKARCH_DATA_DIR: z.string().min(1).default('./.backarch-data').describe('Where the embedded database lives when DATABASE_URL is unset.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto').describe('Secure flag on the session cookie; auto = when the request came over https.'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').describe('Trust X-Forwarded-* headers (behind a reverse proxy).'),
  SESSION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(365).default(30).describe('How long a sign-in lasts.'),
  VERSION_DEBOUNCE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(10).max(600000).default(2500).describe('Quiet time after the last edit before a version is recorded.'),
  WEB_DIST: z.string().min(1).optional().describe('Directory of the built web app (default: packages/web/dist).'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  sessionDays: number;
  versionDebounceMs: number;
  webDist?: string;
};

export const CONFIG_VARIABLES = Object.entries(envSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));

export class ConfigError extends Error {}

/** Reads the configuration from environment variables; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}=${JSON.stringify(picked[String(issue.path[0])])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // instances on embedded PGlite would each keep their own data: sharing live documents needs one PostgreSQL database
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(`Invalid configuration:\n  REDIS_URL=${JSON.stringify(picked.REDIS_URL)}: several instances must share one PostgreSQL database; set DATABASE_URL too`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.BACKARCH_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    sessionDays: e.SESSION_DAYS,
    versionDebounceMs: e.VERSION_DEBOUNCE_MS,
    webDist: e.WEB_DIST,
  };
}
