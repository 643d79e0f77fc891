import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { CHROMIUM } from './chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export type E2eContext = { chromium: string; missing: string | null; baseUrl: string | null };

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

/** Whether Chromium is where we look for it, and if not, how to install it. */
export function browserStatus(): Omit<E2eContext, 'baseUrl'> {
  const missing = existsSync(CHROMIUM)
    ? null
    : `Chromium is not at ${CHROMIUM}: install it with \`DEBIAN_FRONTEND=noninteractive apt-get install -y chromium\` (or set BACKARCH_CHROMIUM).`;
  return { chromium: CHROMIUM, missing };
}

/**
 * A browser suite: runs with a launched Chromium and the server's URL. vitest.config.ts only includes the browser
 * suites when Chromium is installed or BACKARCH_REQUIRE_BROWSER=1 (CI); in the second case a missing browser fails
 * the suite with the reason.
 */
export function browserSuite(name: string, body: (env: { browser: () => Browser; baseUrl: string }) => void): void {
  const context = inject('e2e');
  if (context.missing || !context.baseUrl) {
    const reason = context.missing ?? 'the end-to-end server did not start';
    describe(name, () => {
      it('has Chromium and a running server', () => {
        throw new Error(`The browser suite cannot run: ${reason}`);
      });
    });
    return;
  }
  let browser: Browser | undefined;
  const baseUrl = context.baseUrl;
  describe(name, () => {
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: context.chromium, args: ARGS, headless: true });
    });
    afterAll(async () => {
      await browser?.close();
    });
    body({ browser: () => browser!, baseUrl });
  });
}

/** A unique e-mail address per run, so suites never meet each other's accounts. */
export const uniqueEmail = (who: string) => `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
