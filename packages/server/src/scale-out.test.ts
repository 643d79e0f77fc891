import { applyChangeSetToYDoc, readDocument } from '@backarch/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateLog } from './collab/update-log';
import { fromBase64, base64Of } from './db/bytes';
import { Client, team, testServer, type TestServer } from './testing/app';
import { LiveClient } from './testing/live';
import { TEST_REDIS_URL, testRedisPrefix } from './testing/redis';
import { sharedSchema, testStorage } from './testing/storage';

// Several instances need Redis (the relay, shared sign-in limits) and one shared PostgreSQL database: PGlite lives
// inside one process and cannot be shared. vitest.config.ts includes this file only when TEST_REDIS_URL and
// TEST_DATABASE_URL are both set, and fails the run when CI requires them and one is missing.

const DEBOUNCE_MS = 300;
const add = (id: string) => ({ origin: 'user' as const, summary: `Add ${id}`, ops: [{ op: 'addComponent' as const, component: { id, type: 'service' } }] });
const ids = (doc: Y.Doc) => readDocument(doc).document.components.map((c) => c.id).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

describe('several server instances sharing live documents through Redis (on PostgreSQL)', () => {
  let schema: Awaited<ReturnType<typeof sharedSchema>>;
  let a: TestServer;
  let b: TestServer;
  const stopped = new Set<TestServer>();
  let cast: Awaited<ReturnType<typeof team>>;
  const clients: LiveClient[] = [];
  const live = async (server: TestServer, who: Client, diagramId = cast.diagram.id) => {
    const client = new LiveClient(server.url, diagramId, who);
    clients.push(client);
    await client.synced();
    expect(client.failed).toBeUndefined();
    return client;
  };
  /** The same signed-in person, talking to another instance (sessions are in the shared database). */
  const via = (server: TestServer, who: Client) => Object.assign(new Client(server.url), { cookie: who.cookie, csrf: who.csrf, user: who.user });
  const stop = async (server: TestServer) => {
    if (stopped.has(server)) return;
    stopped.add(server);
    await server.close();
  };
  const versions = async (diagramId = cast.diagram.id) =>
    a.storage.db.selectFrom('versions').select(['number', 'authors', 'changes', 'components_after']).where('diagram_id', '=', diagramId).orderBy('number').execute();

  beforeAll(async () => {
    schema = await sharedSchema();
    const prefix = testRedisPrefix();
    const env = { REDIS_URL: TEST_REDIS_URL!, VERSION_DEBOUNCE_MS: String(DEBOUNCE_MS) };
    a = await testServer('postgres', env, { schema: schema.schema, redisPrefix: prefix });
    b = await testServer('postgres', env, { schema: schema.schema, redisPrefix: prefix });
    cast = await team(a);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([a && stop(a), b && stop(b)]);
    await schema?.drop();
  });

  it('reports Redis in /readyz', async () => {
    for (const server of [a, b]) expect((await new Client(server.url).call('GET', '/readyz')).body).toEqual({ status: 'ready', database: 'postgres', redis: 'ready' });
  });

  it('converges an editor on instance A and an editor on instance B, relaying awareness, and logs each update once', async () => {
    const onA = await live(a, cast.owner);
    const onB = await live(b, via(b, cast.editor));
    // no `by` in the annotations: the authors of the next version can only come from the instances that took the edits
    expect(applyChangeSetToYDoc(onA.doc, add('orders')).ok).toBe(true);
    expect(applyChangeSetToYDoc(onB.doc, add('payments')).ok).toBe(true);
    await until(() => onA.acked === onA.sent && onB.acked === onB.sent, 'both edits are acknowledged');
    await until(() => ids(onA.doc).join() === 'orders,payments' && ids(onB.doc).join() === 'orders,payments', 'both editors see both edits');
    for (const server of [a, b]) expect(ids(server.services.live.hocuspocus.documents.get(cast.diagram.id)!)).toEqual(['orders', 'payments']);

    onA.provider.setAwarenessField('user', { name: 'Olivia' });
    await until(() => [...onB.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Olivia'), 'B sees A’s cursor');

    // every Yjs item is in the log exactly once: the instance that took an edit logged it, the relayed copy was not
    const rows = await a.storage.db.selectFrom('diagram_updates').select(base64Of('data', 'data')).where('diagram_id', '=', cast.diagram.id).execute();
    const items = rows.flatMap((r) => Y.decodeUpdate(fromBase64(r.data)).structs.map((s) => `${s.id.client}:${s.id.clock}`));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(items).size).toBe(items.length);
  });

  it('records exactly one version for a change both instances hold, with the editors of both', async () => {
    await until(async () => (await versions()).some((v) => v.components_after === 2), 'a version with both edits is recorded');
    await sleep(DEBOUNCE_MS * 4); // both instances' timers have fired, and the trims they caused settled
    const list = await versions();
    expect(list.map((v) => v.number)).toEqual([1, 2]);
    expect(JSON.parse(list[1]!.changes).map((c: { summary: string }) => c.summary).sort()).toEqual(['Add orders', 'Add payments']);
    expect((JSON.parse(list[1]!.authors) as string[]).sort()).toEqual([cast.owner.user!.id, cast.editor.user!.id].sort());

    // both instances record at once: the lock lets one through, the other finds the change recorded
    const [onA] = clients;
    applyChangeSetToYDoc(onA!.doc, add('search'));
    await until(() => ids(b.services.live.hocuspocus.documents.get(cast.diagram.id)!).includes('search'), 'B has the change');
    const recorded = await Promise.all([a.services.live.recordVersion(cast.diagram.id), b.services.live.recordVersion(cast.diagram.id)]);
    expect(recorded.filter(Boolean)).toHaveLength(1);
    await sleep(DEBOUNCE_MS * 4);
    const after = await versions();
    expect(after.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(JSON.parse(after[2]!.changes).map((c: { summary: string }) => c.summary)).toEqual(['Add search']);
  });

  it('brings a REST change set made on B to a client on A, whether or not B has the diagram open', async () => {
    const [onA] = clients;
    const change = (id: string) => ({ origin: 'ai', summary: `Add ${id}`, ops: [{ op: 'addComponent', component: { id, type: 'aws.sqs', config: { deadLetter: true } } }] });
    expect((await via(b, cast.editor).call('POST', `/api/diagrams/${cast.diagram.id}/changes`, { changeSet: change('jobs') })).status).toBe(200);
    await until(() => ids(onA!.doc).includes('jobs'), 'A’s client sees the change made on B');

    // a second diagram only A holds live: B loads it, takes the state A holds, applies the change and relays it
    const other = (await cast.owner.call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Billing' })).body;
    const watcher = await live(a, cast.owner, other.id);
    expect(b.services.live.hocuspocus.documents.has(other.id)).toBe(false);
    expect((await via(b, cast.editor).call('POST', `/api/diagrams/${other.id}/changes`, { changeSet: change('invoices') })).status).toBe(200);
    await until(() => ids(watcher.doc).includes('invoices'), 'A’s client sees the change B made on a diagram it did not hold');
    expect((await cast.owner.call('GET', `/api/diagrams/${other.id}`)).body.document.components.map((c: { id: string }) => c.id)).toEqual(['invoices']);
  });

  it('counts failed sign-ins made on either instance against one limit', async () => {
    const email = `mallory.${Date.now()}@example.com`;
    await new Client(a.url).signUp('Mallory', email);
    for (let i = 0; i < 10; i++) {
      const server = i % 2 === 0 ? a : b;
      expect((await new Client(server.url).call('POST', '/api/auth/signin', { email, password: `guess number ${i}` })).status).toBe(401);
    }
    // five failures on each instance: only a shared count reaches the limit of 10
    for (const server of [a, b]) {
      const blocked = await new Client(server.url).call('POST', '/api/auth/signin', { email, password: 'correct horse battery staple' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    }
  });

  it('closes a member’s connections on every instance when they are removed (removed on A, connected to B)', async () => {
    const rex = await new Client(a.url).signUp('Rex Remote');
    expect((await cast.owner.call('POST', `/api/workspaces/${cast.workspace.id}/members`, { email: rex.user!.email, role: 'editor' })).status).toBe(201);
    const bystander = await live(b, via(b, cast.editor));
    const onB = await live(b, via(b, rex));
    expect((await cast.owner.call('DELETE', `/api/workspaces/${cast.workspace.id}/members/${rex.user!.id}`)).status).toBe(204);
    await until(() => onB.disconnects > 0, 'B closed the removed member’s connection');
    await until(() => onB.failed !== undefined, 'B refuses the member as they reconnect');
    expect(bystander.disconnects, 'other people stay connected').toBe(0);
  });

  it('keeps every acknowledged edit in the database after both instances stop', { timeout: 60_000 }, async () => {
    const diagram = (await cast.owner.call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Burst' })).body;
    const onA = await live(a, cast.owner, diagram.id);
    const onB = await live(b, via(b, cast.editor), diagram.id);
    let stopping: Promise<unknown> | undefined;
    for (let i = 0; i < 60; i++) {
      applyChangeSetToYDoc(onA.doc, add(`a-${i}`));
      applyChangeSetToYDoc(onB.doc, add(`b-${i}`));
      if (i % 5 === 4) await sleep(5);
      // both instances shut down in the middle of the burst
      if (i === 40) stopping = Promise.all([stop(a), stop(b)]);
    }
    await stopping;
    await sleep(200); // acknowledgements already on the wire are still read
    const acked = { a: onA.acked, b: onB.acked };
    expect(acked.a + acked.b, 'the instances acknowledged edits before they stopped').toBeGreaterThan(20);

    const storage = await testStorage('postgres', { schema: schema.schema });
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await new UpdateLog(storage.db).load(diagram.id))!);
      const stored = new Set(ids(doc));
      for (let i = 0; i < acked.a; i++) expect(stored.has(`a-${i}`), `acknowledged edit a-${i} is stored`).toBe(true);
      for (let i = 0; i < acked.b; i++) expect(stored.has(`b-${i}`), `acknowledged edit b-${i} is stored`).toBe(true);
      doc.destroy();
    } finally {
      await storage.close();
    }
  });
});

describe('a server whose Redis does not answer', () => {
  it('is not ready (503 from /readyz) and still stops promptly', async () => {
    const server = await testServer('postgres', { REDIS_URL: 'redis://127.0.0.1:9' }, { redisPrefix: testRedisPrefix() });
    try {
      const reply = await new Client(server.url).call('GET', '/readyz');
      expect(reply.status).toBe(503);
      expect(reply.body.error.message).toContain('Redis');
    } finally {
      const start = Date.now();
      await server.close();
      expect(Date.now() - start).toBeLessThan(5000);
    }
  });
});
