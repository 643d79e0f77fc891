import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('defaults to port 3000 on localhost with the embedded database in ./.backarch-data', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './.backarch-data', databaseUrl: undefined, cookieSecure: 'auto', versionDebounceMs: 2500 });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://cache:6379/0', COOKIE_SECURE: 'true', TRUST_PROXY: 'true', SESSION_DAYS: '7', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u@db:5432/x', redisUrl: 'redis://cache:6379/0', cookieSecure: true, trustProxy: true, sessionDays: 7, logLevel: 'warn' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/x', REDIS_URL: 'rediss://:secret@cache.example.com:6380' }).redisUrl).toBe('rediss://:secret@cache.example.com:6380');
    expect(CONFIG_VARIABLES.map((v) => v.name)).toEqual(expect.arrayContaining(['PORT', 'HOST', 'DATABASE_URL', 'REDIS_URL', 'BACKARCH_DATA_DIR', 'LOG_LEVEL']));
    for (const v of CONFIG_VARIABLES) expect(v.description.length, v.name).toBeGreaterThan(10);
  });

  it('names every bad variable and what was wrong with it', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/x', REDIS_URL: 'http://cache:6379', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty": must be a port number (0–65535)');
    expect(message).toContain('DATABASE_URL="mysql://db/x": must be a postgres:// or postgresql:// URL');
    expect(message).toContain('REDIS_URL="http://cache:6379": must be a redis:// or rediss:// URL');
    expect(message).toContain('LOG_LEVEL="loud"');
  });

  it('refuses REDIS_URL without DATABASE_URL: instances on embedded PGlite would each keep their own data', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL="redis:\/\/cache:6379": several instances must share one PostgreSQL database; set DATABASE_URL too/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', REDIS_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined });
  });
});
