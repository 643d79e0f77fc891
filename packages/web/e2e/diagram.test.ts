import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, uniqueEmail } from './browser';

const seen = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

browserSuite('a diagram, renamed, opened and exported', ({ browser, baseUrl }) => {
  let context: BrowserContext;
  let page: Page;
  let projectId = '';

  beforeAll(async () => {
    context = await browser().newContext({ baseURL: baseUrl, acceptDownloads: true });
    page = await context.newPage();
    // the account and a template diagram through the API (the journey suite covers doing this by hand)
    const signup = await context.request.post('/api/auth/signup', { data: { name: 'Grace', email: uniqueEmail('grace'), password: 'a long enough password' } });
    expect(signup.status()).toBe(201);
    const { csrfToken } = (await signup.json()) as { csrfToken: string };
    const { workspaces } = (await (await context.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string }> };
    const { projects } = (await (await context.request.get(`/api/workspaces/${workspaces[0]!.id}/projects`)).json()) as { projects: Array<{ id: string }> };
    projectId = projects[0]!.id;
    const created = await context.request.post(`/api/projects/${projectId}/diagrams`, { headers: { 'x-csrf-token': csrfToken }, data: { template: 'three-tier-web-app', name: 'Storefront' } });
    expect(created.status()).toBe(201);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('[WEB8] renames a diagram in place', async () => {
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('button', { name: 'Rename Storefront' }).click();
    const input = page.getByLabel('New name for “Storefront”');
    expect(await input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await input.fill('   ');
    await page.getByRole('button', { name: 'Save' }).click();
    await seen(page.getByText('The name cannot be empty.'));
    await input.fill('Storefront v2');
    await page.getByRole('button', { name: 'Save' }).click();
    await seen(page.getByText('Renamed “Storefront” to “Storefront v2”.'));
    await seen(page.getByRole('link', { name: 'Storefront v2' }));
  });

  it('[WEB9] opens a diagram: counts, version history, export', async () => {
    await page.getByRole('link', { name: 'Storefront v2' }).click();
    await seen(page.getByRole('heading', { name: 'Storefront v2', level: 1 }));
    const components = Number(await page.getByTestId('component-count').textContent());
    const connections = Number(await page.getByTestId('connection-count').textContent());
    expect(components).toBeGreaterThan(3);
    expect(connections).toBeGreaterThan(2);

    const history = page.getByRole('list', { name: 'Versions, newest first' });
    await seen(history.getByText('Version 1'));
    expect(await history.textContent()).toContain('template:three-tier-web-app');
    expect(await history.textContent()).toContain(`Components 0 → ${components}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .backarch.json' }).click()]);
    expect(download.suggestedFilename()).toBe('storefront-v2.backarch.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { name: string; components: unknown[]; connections: unknown[] };
    expect(exported.name).toBe('Storefront v2');
    expect(exported.components).toHaveLength(components);
    expect(exported.connections).toHaveLength(connections);
  });

  it('[WEB10] goes back through the breadcrumbs, and shows a clear state for an unknown diagram', async () => {
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'First project' }).click();
    await seen(page.getByRole('heading', { name: 'First project', level: 1 }));
    await page.goto('/diagrams/does-not-exist');
    await seen(page.getByRole('alert').filter({ hasText: 'Could not open this diagram' }));
    await page.goto('/no/such/page');
    await seen(page.getByText('This page does not exist'));
  });
});
