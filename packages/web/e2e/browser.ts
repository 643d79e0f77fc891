import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); BACKARCH_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.BACKARCH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export type E2eContext = { chromium: string; missing: string | null; required: boolean; baseUrl: string | null };

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export function browserStatus(): Omit<E2eContext, 'baseUrl'> {
  const required = process.env.BACKARCH_REQUIRE_BROWSER === '1';
  const missing = existsSync(CHROMIUM)
    ? null
    : `Chromium is not at ${CHROMIUM}: install it with \`DEBIAN_FRONTEND=noninteractive apt-get install -y chromium\` (or set BACKARCH_CHROMIUM).`;
  return { chromium: CHROMIUM, missing, required };
}

/**
 * A browser suite: runs with a launched Chromium and the server's URL, is skipped when Chromium is missing, and
 * fails with the reason instead when BACKARCH_REQUIRE_BROWSER=1 (CI).
 */
export function browserSuite(name: string, body: (env: { browser: () => Browser; baseUrl: string }) => void): void {
  const context = inject('e2e');
  if (context.missing || !context.baseUrl) {
    const reason = context.missing ?? 'the end-to-end server did not start';
    if (context.required) {
      describe(name, () => {
        it('needs Chromium (BACKARCH_REQUIRE_BROWSER=1)', () => {
          throw new Error(`BACKARCH_REQUIRE_BROWSER=1 but the browser suite cannot run: ${reason}`);
        });
      });
    } else describe.skip(`${name} (skipped: ${reason})`, () => it('needs Chromium', () => {}));
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
