import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHROMIUM } from './e2e/chromium';

// The browser suites join when Chromium is installed; CI sets BACKARCH_REQUIRE_BROWSER=1, which includes them even
// without it, so a missing browser fails the run instead of leaving the suites out.
const browserSuites = existsSync(CHROMIUM) || process.env.BACKARCH_REQUIRE_BROWSER === '1';

export default defineConfig({
  test: {
    name: 'web',
    include: [...(browserSuites ? ['e2e/**/*.test.ts'] : []), 'src/**/*.test.ts'],
    // builds the server and web bundles when stale, starts the real server on a free port with a fresh data dir
    globalSetup: browserSuites ? ['e2e/global-setup.ts'] : [],
    // one Chromium at a time on this 2-core machine
    maxWorkers: 1,
    // last, after the server suites
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
