import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
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
