import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { browserSuite, uniqueEmail } from './browser';

const seen = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });
const gone = (locator: Locator) => locator.waitFor({ state: 'detached', timeout: 15_000 });

browserSuite('a new user, end to end', ({ browser, baseUrl }) => {
  let context: BrowserContext;
  let page: Page;
  const email = uniqueEmail('ada');
  const password = 'correct horse battery';
  // names are untrusted text: they must show as typed, never become markup
  const name = 'Ada <b>Lovelace</b>';

  beforeAll(async () => {
    context = await browser().newContext({ baseURL: baseUrl });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  const diagramRows = () => page.getByRole('list', { name: 'Diagrams', exact: true }).getByRole('listitem');

  it('[WEB1] signs up, with field errors tied to their inputs, and sees the personal workspace', async () => {
    await page.goto('/');
    await seen(page.getByRole('heading', { name: 'Sign in to BackArch' }));
    await page.getByRole('button', { name: 'Create an account' }).click();
    await seen(page.getByRole('heading', { name: 'Create your account' }));

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const error = page.getByText('Use at least 10 characters.');
    await seen(error);
    const passwordInput = page.getByLabel('Password', { exact: true });
    expect(await passwordInput.getAttribute('aria-invalid')).toBe('true');
    expect((await passwordInput.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
    expect(await passwordInput.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await passwordInput.fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await seen(page.getByRole('heading', { name: 'Workspaces' }));
    const workspace = page.getByRole('list', { name: 'Your workspaces' }).getByRole('listitem').first();
    await seen(workspace.getByRole('link', { name: `${name}'s workspace` }));
    expect(await workspace.textContent()).toContain('owner');
    expect(await workspace.textContent()).toContain('Personal');
    expect(await page.locator('main b').count()).toBe(0);
  });

  it('[WEB2] opens the workspace and its first project, which has no diagrams yet', async () => {
    await page.getByRole('link', { name: `${name}'s workspace` }).click();
    await seen(page.getByRole('heading', { name: 'Projects' }));
    await page.getByRole('link', { name: 'First project' }).click();
    await seen(page.getByRole('heading', { name: 'First project' }));
    await seen(page.getByText('No diagrams yet'));
  });

  it('[WEB3] creates a diagram from a template and a blank one, and sees them listed', async () => {
    await page.getByRole('radio', { name: 'A template' }).check();
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Serverless' });
    await page.getByLabel('Name', { exact: true }).fill('Checkout pipeline');
    await page.getByRole('button', { name: 'Create diagram' }).click();
    await seen(page.getByText('Created “Checkout pipeline”.'));
    await seen(diagramRows().getByRole('link', { name: 'Checkout pipeline' }));

    await page.getByRole('radio', { name: 'A blank canvas' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Scratchpad');
    await page.getByRole('button', { name: 'Create diagram' }).click();
    await seen(diagramRows().getByRole('link', { name: 'Scratchpad' }));
    expect(await diagramRows().count()).toBe(2);
  });

  it('[WEB4] searches with the API search', async () => {
    const search = page.getByLabel('Search diagrams', { exact: true });
    await search.fill('checkout');
    await gone(diagramRows().getByRole('link', { name: 'Scratchpad' }));
    await seen(diagramRows().getByRole('link', { name: 'Checkout pipeline' }));
    expect(await diagramRows().count()).toBe(1);

    await search.fill('no such thing');
    await seen(page.getByText('No diagrams match “no such thing”'));
    await search.fill('');
    await seen(diagramRows().getByRole('link', { name: 'Scratchpad' }));
  });

  it('[WEB5] deletes a diagram, finds it under recently deleted and restores it', async () => {
    await page.getByRole('button', { name: 'Delete Checkout pipeline' }).click();
    await seen(page.getByText('Deleted “Checkout pipeline”.'));
    await gone(diagramRows().getByRole('link', { name: 'Checkout pipeline' }));

    await page.getByRole('button', { name: 'Recently deleted' }).click();
    const deleted = page.getByRole('list', { name: 'Recently deleted diagrams' });
    await seen(deleted.getByText('Checkout pipeline'));
    await deleted.getByRole('button', { name: 'Restore Checkout pipeline' }).click();
    await seen(page.getByText('Restored “Checkout pipeline”.'));
    await seen(page.getByText('Nothing was deleted recently'));

    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await seen(diagramRows().getByRole('link', { name: 'Checkout pipeline' }));
  });

  it('[WEB6] imports an invalid file and sees every error with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backarch-e2e-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'broken.backarch.json');
    writeFileSync(
      file,
      JSON.stringify({ backarch: 1, name: 'Broken', components: [{ id: 'db', type: 'no.such-type' }], connections: [{ from: 'db', to: 'ghost', type: 'http' }] }),
    );
    await page.getByRole('radio', { name: 'A .backarch.json file' }).check();
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import diagram' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await seen(alert);
    expect(await alert.textContent()).toContain('“broken.backarch.json” cannot be imported');
    await seen(alert.locator('code', { hasText: /^components\[0\]\.type$/ }));
    expect(await alert.locator('li').count()).toBeGreaterThanOrEqual(2);
    const fileInput = page.getByLabel('File', { exact: true });
    expect(await fileInput.getAttribute('aria-invalid')).toBe('true');
    expect(await diagramRows().count()).toBe(2);
  });

  it('[WEB7] signs out, is refused a wrong password, and signs back in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await seen(page.getByRole('heading', { name: 'Sign in to BackArch' }));

    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }));

    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // signed back in on the page they were on
    await seen(page.getByRole('heading', { name: 'First project' }));
    await seen(diagramRows().getByRole('link', { name: 'Checkout pipeline' }));
    await page.getByRole('link', { name: 'Workspaces' }).click();
    await seen(page.getByRole('link', { name: `${name}'s workspace` }));
  });
});
