import { applyChangeSetToYDoc, readDocument } from '@backarch/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, team, testServer, type TestServer } from './testing/app';
import { LiveClient } from './testing/live';
import { ENGINES } from './testing/storage';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addComponent = (id: string) => ({ origin: 'user' as const, summary: `Add ${id}`, ops: [{ op: 'addComponent' as const, component: { id, type: 'service' } }] });

describe.each(ENGINES)('live documents on %s', (engine) => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof team>>;
  const clients: LiveClient[] = [];
  const connect = async (who: { cookie: string; csrf: string }, diagramId = cast.diagram.id) => {
    const client = new LiveClient(server.url, diagramId, who);
    clients.push(client);
    await client.synced();
    return client;
  };

  beforeAll(async () => {
    server = await testServer(engine);
    cast = await team(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('syncs editors with each other and stores what the server acknowledged', async () => {
    const a = await connect(cast.owner);
    const b = await connect(cast.editor);
    expect(a.readOnly).toBe(false);
    expect(applyChangeSetToYDoc(a.doc, addComponent('orders'), { by: cast.owner.user!.id }).ok).toBe(true);
    expect(applyChangeSetToYDoc(b.doc, addComponent('payments'), { by: cast.editor.user!.id }).ok).toBe(true);
    await a.until(() => a.acked === a.sent && b.acked === b.sent);
    await a.until(() => readDocument(a.doc).document.components.length === 2 && readDocument(b.doc).document.components.length === 2);
    // what the REST API reads is the stored live state
    const got = await cast.viewer.call('GET', `/api/diagrams/${cast.diagram.id}`);
    expect(got.body.document.components.map((c: { id: string }) => c.id)).toEqual(['orders', 'payments']);
    const rows = await server.storage.db.selectFrom('diagram_updates').select('seq').where('diagram_id', '=', cast.diagram.id).execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('connects viewers and commenters read-only and refuses their edits', async () => {
    for (const who of [cast.viewer, cast.commenter]) {
      const reader = await connect(who);
      expect(reader.readOnly).toBe(true);
      expect(readDocument(reader.doc).document.components.map((c) => c.id)).toContain('orders');
      applyChangeSetToYDoc(reader.doc, addComponent(`sneaky-${who.user!.name.split(' ')[0]}`));
      await new Promise((r) => setTimeout(r, 300));
      expect(reader.acked, 'the server does not acknowledge a read-only edit').toBe(0);
    }
    const got = await cast.owner.call('GET', `/api/diagrams/${cast.diagram.id}`);
    expect(got.body.document.components.map((c: { id: string }) => c.id)).not.toContain('sneaky-Victor');
    expect(got.body.document.components.map((c: { id: string }) => c.id)).not.toContain('sneaky-Carla');
  });

  it('refuses people without access and the signed-out', async () => {
    const outsider = new LiveClient(server.url, cast.diagram.id, cast.outsider);
    const anonymous = new LiveClient(server.url, cast.diagram.id, { cookie: '', csrf: '' });
    clients.push(outsider, anonymous);
    await outsider.synced();
    await anonymous.synced();
    expect(outsider.failed).toBeDefined();
    expect(anonymous.failed).toBeDefined();
    expect(readDocument(outsider.doc).document.components).toEqual([]);
  });

  it("refuses the session cookie without the session's CSRF token (a page of another origin on the same site)", async () => {
    const forged = new LiveClient(server.url, cast.diagram.id, { cookie: cast.owner.cookie, csrf: 'guessed' });
    clients.push(forged);
    await forged.synced();
    expect(forged.failed).toBe('csrf_failed');
    expect(readDocument(forged.doc).document.components).toEqual([]);
    applyChangeSetToYDoc(forged.doc, addComponent('planted'));
    await sleep(200);
    const got = await cast.owner.call('GET', `/api/diagrams/${cast.diagram.id}`);
    expect(got.body.document.components.map((c: { id: string }) => c.id)).not.toContain('planted');
  });

  it('records a version after the edits settle, labelled with who and what', async () => {
    const versions = async () => (await cast.owner.call('GET', `/api/diagrams/${cast.diagram.id}/versions`)).body.versions;
    const start = Date.now();
    let list = await versions();
    while (list[0].components.after < 2 && Date.now() - start < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      list = await versions();
    }
    expect(list[0].components).toEqual({ before: 0, after: 2 });
    expect(list[0].changes.map((c: { summary: string }) => c.summary).sort()).toEqual(['Add orders', 'Add payments']);
    expect(list[0].authors.map((a: { name: string }) => a.name).sort()).toEqual(['Eddie Editor', 'Olivia Owner']);
  });

  it("credits a version's edits to the people the server saw edit, not to whoever an edit's annotation names", async () => {
    const diagram = (await cast.owner.call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Credits' })).body;
    const editor = await connect(cast.editor, diagram.id);
    // a client writes its annotations itself: one names a colleague, one a user id that does not exist
    expect(applyChangeSetToYDoc(editor.doc, addComponent('mine'), { by: cast.editor.user!.id }).ok).toBe(true);
    expect(applyChangeSetToYDoc(editor.doc, addComponent('framed'), { by: cast.owner.user!.id }).ok).toBe(true);
    expect(applyChangeSetToYDoc(editor.doc, addComponent('ghost'), { by: 'no-such-user' }).ok).toBe(true);
    await editor.until(() => editor.acked === editor.sent);
    const versions = async () => (await cast.owner.call('GET', `/api/diagrams/${diagram.id}/versions`)).body.versions;
    const start = Date.now();
    let list = await versions();
    while (list[0].components.after < 3 && Date.now() - start < 5000) {
      await sleep(50);
      list = await versions();
    }
    expect(list[0].components.after, 'the version is recorded despite the unknown user id').toBe(3);
    expect(list[0].authors.map((a: { name: string }) => a.name)).toEqual(['Eddie Editor']);
    const byOf = Object.fromEntries(list[0].changes.map((c: { summary: string; by?: string }) => [c.summary, c.by ?? null]));
    expect(byOf).toEqual({ 'Add mine': cast.editor.user!.id, 'Add framed': null, 'Add ghost': null });
  });

  it('pushes server-side change sets to connected editors', async () => {
    const a = await connect(cast.owner);
    const change = { origin: 'ai', summary: 'Add a queue', ops: [{ op: 'addComponent', component: { id: 'jobs', type: 'aws.sqs', config: { deadLetter: true } } }] };
    expect((await cast.editor.call('POST', `/api/diagrams/${cast.diagram.id}/changes`, { changeSet: change })).status).toBe(200);
    await a.until(() => readDocument(a.doc).document.components.some((c) => c.id === 'jobs'));
  });

  it('versions a document whose text holds characters PostgreSQL jsonb refuses (NUL)', async () => {
    const a = await connect(cast.owner);
    const odd = { origin: 'user' as const, summary: 'Label with a NUL', ops: [{ op: 'updateComponent' as const, id: 'orders', label: 'Orders\u0000v2' }] };
    expect(applyChangeSetToYDoc(a.doc, odd).ok).toBe(true);
    await a.until(() => a.acked === a.sent);
    const version = await server.services.live.recordVersion(cast.diagram.id);
    expect(version).toBeDefined();
    const got = await cast.owner.call('GET', `/api/diagrams/${cast.diagram.id}/versions/${version!.id}`);
    expect(got.body.document.components.find((c: { id: string }) => c.id === 'orders').label).toBe('Orders\u0000v2');
  });

  it('loads a document from its log and snapshot after compaction without duplicating anything', async () => {
    await server.services.log.drain();
    await server.services.log.compact(cast.diagram.id);
    const rows = await server.storage.db.selectFrom('diagram_updates').select('seq').where('diagram_id', '=', cast.diagram.id).execute();
    expect(rows).toEqual([]);
    const fresh = await connect(cast.viewer);
    expect(readDocument(fresh.doc).document.components.map((c) => c.id)).toEqual(['jobs', 'orders', 'payments']);
  });

  /** A new member of the team workspace with `role`. */
  const member = async (name: string, role: string) => {
    const client = await new Client(server.url).signUp(name);
    const invited = await cast.owner.call('POST', `/api/workspaces/${cast.workspace.id}/members`, { email: client.user!.email, role });
    expect(invited.status).toBe(201);
    return client;
  };

  it('closes the live connections of a member whose role changes; they reconnect with the new role', async () => {
    const rita = await member('Rita Reassigned', 'editor');
    const bystander = await connect(cast.owner);
    const live = await connect(rita);
    expect(live.readOnly).toBe(false);
    expect((await cast.owner.call('PATCH', `/api/workspaces/${cast.workspace.id}/members/${rita.user!.id}`, { role: 'viewer' })).status).toBe(204);
    await live.until(() => live.disconnects > 0);
    await live.until(() => live.readOnly === true && live.provider.isSynced);
    expect(live.failed).toBeUndefined();
    applyChangeSetToYDoc(live.doc, addComponent('demoted'));
    await sleep(300);
    expect((await cast.owner.call('GET', `/api/diagrams/${cast.diagram.id}`)).body.document.components.map((c: { id: string }) => c.id)).not.toContain('demoted');
    expect(bystander.disconnects, 'other people stay connected').toBe(0);
  });

  it('closes the live connections of a member removed from the workspace, and refuses them as they reconnect', async () => {
    const rex = await member('Rex Removed', 'editor');
    const bystander = await connect(cast.editor);
    const live = await connect(rex);
    expect(live.failed).toBeUndefined();
    expect((await cast.owner.call('DELETE', `/api/workspaces/${cast.workspace.id}/members/${rex.user!.id}`)).status).toBe(204);
    await live.until(() => live.disconnects > 0);
    await live.until(() => live.failed !== undefined);
    expect(bystander.disconnects, 'other people stay connected').toBe(0);
  });

  it('closes the live connections of a session that signs out, not those of the same person’s other sessions', async () => {
    const sam = await member('Sam Signout', 'editor');
    const elsewhere = new Client(server.url);
    const signedIn = await elsewhere.call('POST', '/api/auth/signin', { email: sam.user!.email, password: 'correct horse battery staple' });
    expect(signedIn.status).toBe(200);
    elsewhere.csrf = signedIn.body.csrfToken;
    const other = await connect(elsewhere);
    const live = await connect(sam);
    expect((await sam.call('POST', '/api/auth/signout')).status).toBe(204);
    await live.until(() => live.disconnects > 0);
    await live.until(() => live.failed !== undefined);
    expect(other.disconnects, 'the other session stays connected').toBe(0);
  });

  it('closes everyone’s connections to a diagram that is deleted or moved to another workspace', async () => {
    const deleted = (await cast.owner.call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Doomed' })).body;
    const watcher = await connect(cast.viewer, deleted.id);
    expect((await cast.editor.call('DELETE', `/api/diagrams/${deleted.id}`)).status).toBe(204);
    await watcher.until(() => watcher.disconnects > 0);
    await watcher.until(() => watcher.failed !== undefined);

    const moved = (await cast.owner.call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Leaving' })).body;
    const personal = (await cast.owner.call('GET', '/api/workspaces')).body.workspaces.find((w: { personal: boolean }) => w.personal);
    const elsewhere = (await cast.owner.call('GET', `/api/workspaces/${personal.id}/projects`)).body.projects[0];
    const editor = await connect(cast.editor, moved.id);
    const owner = await connect(cast.owner, moved.id);
    expect((await cast.owner.call('PATCH', `/api/diagrams/${moved.id}`, { projectId: elsewhere.id })).status).toBe(200);
    await editor.until(() => editor.disconnects > 0 && owner.disconnects > 0);
    // the editor is no member over there; the owner is, and reconnects
    await editor.until(() => editor.failed !== undefined);
    await owner.until(() => owner.provider.isSynced);
    expect(owner.failed).toBeUndefined();
  });
});
