import { defineConfig } from 'vitest/config';

// Two instances sharing live documents need Redis and a shared PostgreSQL: that suite joins when both are configured.
// CI sets BACKARCH_REQUIRE_SERVICES=1, where a missing one is an error rather than a suite left out.
const scaleOut = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_DATABASE_URL);
if (process.env.BACKARCH_REQUIRE_SERVICES === '1' && !scaleOut) {
  throw new Error('BACKARCH_REQUIRE_SERVICES=1 needs TEST_DATABASE_URL and TEST_REDIS_URL (CI: postgres://postgres@127.0.0.1:5432/test, redis://127.0.0.1:6379).');
}

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    exclude: scaleOut ? [] : ['src/scale-out.test.ts'],
    // one migrated PGlite image, made once, that every test file starts its database from
    globalSetup: ['src/testing/global-setup.ts'],
    // each file holds its own embedded database (~0.3–0.7 GB): two at a time on this machine
    maxWorkers: 2,
    // runs after the pure packages, before the browser suite: they never compete for the 2 cores and the memory
    sequence: { groupOrder: 1 },
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
