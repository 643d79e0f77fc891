import { applyChangeSetToYDoc, readDocument } from '@backarch/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { team, testServer, type TestServer } from './testing/app';
import { LiveClient } from './testing/live';
import { ENGINES } from './testing/storage';

const addComponent = (id: string) => ({ origin: 'user' as const, summary: `Add ${id}`, ops: [{ op: 'addComponent' as const, component: { id, type: 'service' } }] });

describe.each(ENGINES)('live documents on %s', (engine) => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof team>>;
  const clients: LiveClient[] = [];
  const connect = async (who: { cookie: string }, diagramId = cast.diagram.id) => {
    const client = new LiveClient(server.url, diagramId, who.cookie);
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
    const outsider = new LiveClient(server.url, cast.diagram.id, cast.outsider.cookie);
    const anonymous = new LiveClient(server.url, cast.diagram.id, '');
    clients.push(outsider, anonymous);
    await outsider.synced();
    await anonymous.synced();
    expect(outsider.failed).toBeDefined();
    expect(anonymous.failed).toBeDefined();
    expect(readDocument(outsider.doc).document.components).toEqual([]);
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
});
