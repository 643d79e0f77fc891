import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testServer, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

describe.each(ENGINES)('workspace owners on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(engine);
  });
  afterAll(() => server.close());

  /** A workspace owned by two people. */
  const twoOwners = async () => {
    const [a, b] = await Promise.all([new Client(server.url).signUp('Ada Owner'), new Client(server.url).signUp('Bo Owner')]);
    const workspace = (await a.call('POST', '/api/workspaces', { name: 'Payments' })).body;
    expect((await a.call('POST', `/api/workspaces/${workspace.id}/members`, { email: b.user!.email, role: 'owner' })).status).toBe(201);
    const owners = async () => (await a.call('GET', `/api/workspaces/${workspace.id}/members`)).body.members.filter((m: { role: string }) => m.role === 'owner').length;
    return { a, b, workspace, owners };
  };

  it('refuses to demote or remove the last owner, and changes nothing', async () => {
    const { a, b, workspace, owners } = await twoOwners();
    expect((await a.call('PATCH', `/api/workspaces/${workspace.id}/members/${b.user!.id}`, { role: 'editor' })).status).toBe(204);
    const demote = await a.call('PATCH', `/api/workspaces/${workspace.id}/members/${a.user!.id}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toBe('A workspace needs at least one owner: make someone else owner first.');
    expect((await a.call('DELETE', `/api/workspaces/${workspace.id}/members/${a.user!.id}`)).status).toBe(409);
    expect(await owners()).toBe(1);
  });

  it('keeps an owner when two owners demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b, workspace, owners } = await twoOwners();
      const statuses = await Promise.all([
        a.call('PATCH', `/api/workspaces/${workspace.id}/members/${b.user!.id}`, { role: 'editor' }),
        b.call('PATCH', `/api/workspaces/${workspace.id}/members/${a.user!.id}`, { role: 'editor' }),
      ]).then((replies) => replies.map((r) => r.status).sort());
      // the second is refused: as the last owner's demotion (409), or as a caller no longer an owner (403)
      expect(statuses[0]).toBe(204);
      expect([403, 409]).toContain(statuses[1]);
      expect(await owners()).toBe(1);
    }
  });

  it('keeps an owner when both owners leave at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b, workspace } = await twoOwners();
      const replies = await Promise.all([a, b].map((who) => who.call('DELETE', `/api/workspaces/${workspace.id}/members/${who.user!.id}`)));
      expect(replies.map((r) => r.status).sort()).toEqual([204, 409]);
      const stayer = replies[0]!.status === 409 ? a : b;
      const members = (await stayer.call('GET', `/api/workspaces/${workspace.id}/members`)).body.members;
      expect(members.map((m: { role: string }) => m.role)).toEqual(['owner']);
    }
  });
});
