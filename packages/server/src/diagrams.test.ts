import { readFileSync } from 'node:fs';
import { parseDocumentOrThrow, serializeDocument, TEMPLATES } from '@backarch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testServer, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

const shop = readFileSync(new URL('../../../examples/microservices-shop.backarch.json', import.meta.url), 'utf8');

/** Polls until `check` passes (versions are recorded after a quiet period). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(ENGINES)('diagrams on %s', (engine) => {
  let server: TestServer;
  let ann: Client;
  let projectId: string;
  let workspaceId: string;
  beforeAll(async () => {
    server = await testServer(engine);
    ann = await new Client(server.url).signUp('Ann');
    workspaceId = (await ann.call('GET', '/api/workspaces')).body.workspaces[0].id;
    projectId = (await ann.call('GET', `/api/workspaces/${workspaceId}/projects`)).body.projects[0].id;
  });
  afterAll(() => server.close());

  it('imports a .backarch.json and exports it byte for byte', async () => {
    const created = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { document: shop });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Microservices shop on AWS', projectId, createdBy: ann.user!.id, deletedAt: null });
    const exported = await ann.call('GET', `/api/diagrams/${created.body.id}/export`);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="microservices-shop-on-aws.backarch.json"');
    expect(JSON.stringify(exported.body, null, 2) + '\n').toBe(shop);
    const got = await ann.call('GET', `/api/diagrams/${created.body.id}`);
    expect(got.body.role).toBe('owner');
    expect(serializeDocument(got.body.document)).toBe(serializeDocument(parseDocumentOrThrow(shop)));
  });

  it('answers an invalid import with every error and its path, and creates nothing', async () => {
    const before = (await ann.call('GET', `/api/projects/${projectId}/diagrams`)).body.diagrams.length;
    const broken = { backarch: 1, name: 'Broken', components: [{ id: 'db', type: 'postgress', config: {} }, { id: 'api', type: 'service', config: { replicas: -1 } }] };
    const reply = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { document: broken });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_document');
    const paths = reply.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.document.components[0].type', 'body.document.components[1].config.replicas']));
    expect(reply.body.error.details.find((d: { path: string }) => d.path.endsWith('[0].type')).message).toContain('postgresql');
    expect((await ann.call('GET', `/api/projects/${projectId}/diagrams`)).body.diagrams.length).toBe(before);
  });

  it('creates a diagram from a template, labelled as such in its first version', async () => {
    const template = TEMPLATES[0];
    if (!template) return expect(TEMPLATES.length, 'templates exist').toBeGreaterThan(0);
    const created = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { template: template.id });
    expect(created.status).toBe(201);
    const versions = (await ann.call('GET', `/api/diagrams/${created.body.id}/versions`)).body.versions;
    expect(versions[0].changes).toEqual([expect.objectContaining({ origin: `template:${template.id}`, by: ann.user!.id })]);
    expect(versions[0].components).toEqual({ before: 0, after: parseDocumentOrThrow(template.document).components.length });
    const unknown = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { template: 'no-such-template' });
    expect(unknown.status).toBe(400);
  });

  it('renames, searches, moves, deletes and restores', async () => {
    const { body: d } = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { name: 'Zanzibar 100%_done' });
    const search = async (q: string) => (await ann.call('GET', `/api/workspaces/${workspaceId}/diagrams?search=${encodeURIComponent(q)}`)).body.diagrams.map((x: { id: string }) => x.id);
    // % and _ are literal characters in a search, not wildcards
    expect(await search('0%_d')).toEqual([d.id]);
    expect(await search('0%xd')).toEqual([]);
    expect((await ann.call('PATCH', `/api/diagrams/${d.id}`, { name: 'Zanzibar flow', description: 'Card and quokka wallets' })).body.name).toBe('Zanzibar flow');
    expect(await search('zanZIBAR')).toEqual([d.id]);
    expect(await search('quokka')).toEqual([d.id]);
    const other = (await ann.call('POST', `/api/workspaces/${workspaceId}/projects`, { name: 'Billing' })).body;
    expect((await ann.call('PATCH', `/api/diagrams/${d.id}`, { projectId: other.id })).body.projectId).toBe(other.id);
    expect((await ann.call('DELETE', `/api/diagrams/${d.id}`)).status).toBe(204);
    expect((await ann.call('GET', `/api/diagrams/${d.id}`)).status).toBe(404);
    const deleted = (await ann.call('GET', `/api/projects/${other.id}/diagrams?deleted=true`)).body.diagrams;
    expect(deleted.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect((await ann.call('POST', `/api/diagrams/${d.id}/restore`)).body.deletedAt).toBeNull();
    expect((await ann.call('GET', `/api/diagrams/${d.id}`)).status).toBe(200);
  });

  it('refuses to delete a project whose deleted diagrams can still be restored, and deletes it once they cannot', async () => {
    const project = (await ann.call('POST', `/api/workspaces/${workspaceId}/projects`, { name: 'Short-lived' })).body;
    const { body: d } = await ann.call('POST', `/api/projects/${project.id}/diagrams`, { name: 'Binned' });
    expect((await ann.call('DELETE', `/api/projects/${project.id}`)).status, 'a live diagram keeps the project').toBe(409);
    expect((await ann.call('DELETE', `/api/diagrams/${d.id}`)).status).toBe(204);
    const refused = await ann.call('DELETE', `/api/projects/${project.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toContain('deleted diagrams that can still be restored');
    // nothing was lost: the diagram can still be restored
    expect((await ann.call('GET', `/api/projects/${project.id}/diagrams?deleted=true`)).body.diagrams.map((x: { id: string }) => x.id)).toEqual([d.id]);
    // past the restore window the diagram is as good as purged, and no longer holds the project
    await server.storage.db.updateTable('diagrams').set({ deleted_at: new Date(Date.now() - 31 * 86400_000) }).where('id', '=', d.id).execute();
    expect((await ann.call('DELETE', `/api/projects/${project.id}`)).status).toBe(204);
    expect((await ann.call('GET', `/api/projects/${project.id}`)).status).toBe(404);
  });

  it('pages through a long list', async () => {
    const project = (await ann.call('POST', `/api/workspaces/${workspaceId}/projects`, { name: 'Many' })).body;
    for (let i = 0; i < 5; i++) await ann.call('POST', `/api/projects/${project.id}/diagrams`, { name: `D${i}` });
    const first = (await ann.call('GET', `/api/projects/${project.id}/diagrams?limit=3`)).body;
    const second = (await ann.call('GET', `/api/projects/${project.id}/diagrams?limit=3&cursor=${first.nextCursor}`)).body;
    expect(first.diagrams).toHaveLength(3);
    expect(second.diagrams).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.diagrams, ...second.diagrams].map((x: { name: string }) => x.name))).toEqual(new Set(['D0', 'D1', 'D2', 'D3', 'D4']));
  });

  it('applies change sets, records labelled versions, and restores one as a new version', async () => {
    const { body: d } = await ann.call('POST', `/api/projects/${projectId}/diagrams`, { name: 'Orders' });
    const add = { origin: 'pattern:cache-aside', summary: 'Add a cache in front of the orders DB', ops: [{ op: 'addComponent', component: { id: 'cache', type: 'redis' } }] };
    expect((await ann.call('POST', `/api/diagrams/${d.id}/changes`, { changeSet: add })).status).toBe(200);
    const bad = await ann.call('POST', `/api/diagrams/${d.id}/changes`, { changeSet: { origin: 'user', summary: 'x', ops: [{ op: 'removeComponent', id: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.changeSet.ops[0].id');
    const versions = await eventually(
      async () => (await ann.call('GET', `/api/diagrams/${d.id}/versions`)).body.versions,
      (v) => v.length === 2,
    );
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ components: { before: 0, after: 1 }, changes: [{ origin: 'pattern:cache-aside', summary: 'Add a cache in front of the orders DB' }] });
    expect(versions[0].authors).toEqual([{ id: ann.user!.id, name: 'Ann' }]);

    const restored = await ann.call('POST', `/api/diagrams/${d.id}/versions/${versions[1].id}/restore`);
    expect(restored.body).toEqual({ restored: 1, changed: true });
    expect((await ann.call('GET', `/api/diagrams/${d.id}`)).body.document.components).toEqual([]);
    const after = (await ann.call('GET', `/api/diagrams/${d.id}/versions`)).body.versions;
    expect(after[0]).toMatchObject({ number: 3, components: { before: 1, after: 0 }, changes: [{ origin: 'restore:1', summary: 'Restore version 1' }] });
    const one = await ann.call('GET', `/api/diagrams/${d.id}/versions/${versions[0].id}`);
    expect(one.body.document.components.map((c: { id: string }) => c.id)).toEqual(['cache']);
    const page = (await ann.call('GET', `/api/diagrams/${d.id}/versions?limit=2`)).body;
    expect(page.versions.map((v: { number: number }) => v.number)).toEqual([3, 2]);
    expect(page.nextBefore).toBe(2);
    expect((await ann.call('GET', `/api/diagrams/${d.id}/versions?before=2`)).body.versions.map((v: { number: number }) => v.number)).toEqual([1]);
  });
});
