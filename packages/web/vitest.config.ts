import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['e2e/**/*.test.ts', 'src/**/*.test.ts'],
    // builds the server and web bundles when stale, starts the real server on a free port with a fresh data dir
    globalSetup: ['e2e/global-setup.ts'],
    // one Chromium at a time on this 2-core machine
    maxWorkers: 1,
    // last, after the server suites
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
