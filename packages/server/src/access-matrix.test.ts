import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from './app';
import type { RouteDef } from './http/route';
import { Client, team, testServer, type Reply, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

/**
 * Every route of `apiRoutes()` × every kind of caller. The table states the expected status for each persona
 * explicitly: a route whose access check is missing, too lax or too strict fails here, and so does a new route
 * without an entry.
 */

type Persona = 'anonymous' | 'outsider' | 'viewer' | 'commenter' | 'editor' | 'owner';
const PERSONAS: readonly Persona[] = ['anonymous', 'outsider', 'viewer', 'commenter', 'editor', 'owner'];
const MEMBER_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
const PASSWORD = 'correct horse battery staple';
const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

type Team = Awaited<ReturnType<typeof team>>;

/** One request of the matrix: where, with what, as whom (default: a copy of the persona's session). */
interface Call {
  path: string;
  body?: unknown;
  client?: Client;
  /** What the owner sees of the target; a refused call must leave it unchanged. */
  probe?: () => Promise<unknown>;
}

interface Entry {
  expect: Record<Persona, number>;
  call(fx: Fixtures, as: Persona): Promise<Call>;
}

const routeKey = (def: Pick<RouteDef, 'method' | 'url'>) => `${def.method} ${def.url}`;

/** The cast of `team()` plus fresh targets for routes that destroy or consume what they act on. */
class Fixtures {
  versionId = '';
  signInEmail = '';
  private counter = 0;

  constructor(
    readonly server: TestServer,
    readonly t: Team,
  ) {}

  /** A copy of the persona's browser: a route that sets a cookie (sign-in) does not change the persona's session. */
  client(as: Persona): Client {
    const copy = new Client(this.server.url);
    if (as === 'anonymous') return copy;
    const original = this.t[as];
    copy.cookie = original.cookie;
    copy.csrf = original.csrf;
    copy.user = original.user;
    return copy;
  }

  /** A new session of the persona (for sign-out, which ends the session it is called with). */
  async session(as: Persona): Promise<Client> {
    const client = new Client(this.server.url);
    if (as === 'anonymous') return client;
    const reply = await client.call('POST', '/api/auth/signin', { email: this.t[as].user!.email, password: PASSWORD });
    if (reply.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(reply.body)}`);
    client.csrf = reply.body.csrfToken;
    client.user = reply.body.user;
    return client;
  }

  unique(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  /** The owner's request, failing loudly when it does not succeed. */
  async owner(method: string, path: string, body?: unknown): Promise<any> {
    const reply = await this.client('owner').call(method, path, body);
    if (reply.status >= 300) throw new Error(`fixture ${method} ${path} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** What the owner's GET answers: status and (a part of) the body. */
  async look(path: string, pick: (body: any) => unknown = (b) => b): Promise<unknown> {
    const reply = await this.client('owner').call('GET', path);
    return { status: reply.status, body: reply.status === 200 ? pick(reply.body) : reply.body?.error?.code };
  }

  async user(): Promise<Client> {
    return new Client(this.server.url).signUp(this.unique('Fresh User'));
  }

  /** A fresh member of the team workspace; returns its user id. */
  async member(role = 'viewer'): Promise<string> {
    const client = await this.user();
    await this.owner('POST', `/api/workspaces/${this.t.workspace.id}/members`, { email: client.user!.email, role });
    return client.user!.id;
  }

  async project(): Promise<string> {
    return (await this.owner('POST', `/api/workspaces/${this.t.workspace.id}/projects`, { name: this.unique('Disposable project') })).id;
  }

  async diagram(): Promise<string> {
    return (await this.owner('POST', `/api/projects/${this.t.project.id}/diagrams`, { name: this.unique('Disposable diagram') })).id;
  }

  async deletedDiagram(): Promise<string> {
    const id = await this.diagram();
    await this.owner('DELETE', `/api/diagrams/${id}`);
    return id;
  }

  /** A fresh diagram whose document has changed since its first version; returns that version to restore. */
  async changedDiagram(): Promise<{ diagramId: string; versionId: string }> {
    const diagramId = await this.diagram();
    const { versions } = await this.owner('GET', `/api/diagrams/${diagramId}/versions`);
    await this.owner('POST', `/api/diagrams/${diagramId}/changes`, { changeSet: regionChange('eu-west-1') });
    return { diagramId, versionId: versions[versions.length - 1].id };
  }

  members(): Promise<unknown> {
    return this.look(`/api/workspaces/${this.t.workspace.id}/members`, (b) => b.members.map((m: { userId: string; role: string }) => `${m.userId}:${m.role}`).sort());
  }

  document(diagramId: string): Promise<unknown> {
    return this.look(`/api/diagrams/${diagramId}`, (b) => b.document);
  }
}

const regionChange = (region: string) => ({ origin: 'user', summary: `Move to ${region}`, ops: [{ op: 'setConstraints', constraints: { region } }] });

// Column by column: who may call it. 401 = anonymous refused, 404 = not visible to a non-member, 403 = role too low.
const everyone = (status: number): Record<Persona, number> => ({ anonymous: status, outsider: status, viewer: status, commenter: status, editor: status, owner: status });

const MATRIX: Record<string, Entry> = {
  // meta and sign-in: public
  'GET /healthz': { expect: everyone(200), call: async () => ({ path: '/healthz' }) },
  'GET /readyz': { expect: everyone(200), call: async () => ({ path: '/readyz' }) },
  'GET /api/openapi.json': { expect: everyone(200), call: async () => ({ path: '/api/openapi.json' }) },
  'GET /api/docs': { expect: everyone(200), call: async () => ({ path: '/api/docs' }) },
  'POST /api/auth/signup': {
    expect: everyone(201),
    call: async (fx) => ({ path: '/api/auth/signup', body: { email: `${fx.unique('signup')}@example.com`, password: PASSWORD, name: 'New Person' } }),
  },
  'POST /api/auth/signin': {
    expect: everyone(200),
    call: async (fx) => ({ path: '/api/auth/signin', body: { email: fx.signInEmail, password: PASSWORD } }),
  },

  // signed in, on no particular resource
  'POST /api/auth/signout': {
    expect: { anonymous: 401, outsider: 204, viewer: 204, commenter: 204, editor: 204, owner: 204 },
    call: async (fx, as) => ({ path: '/api/auth/signout', client: await fx.session(as) }),
  },
  'GET /api/auth/session': {
    expect: { anonymous: 401, outsider: 200, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async () => ({ path: '/api/auth/session' }),
  },
  'GET /api/workspaces': {
    expect: { anonymous: 401, outsider: 200, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async () => ({ path: '/api/workspaces' }),
  },
  'POST /api/workspaces': {
    expect: { anonymous: 401, outsider: 201, viewer: 201, commenter: 201, editor: 201, owner: 201 },
    call: async (fx, as) => ({ path: '/api/workspaces', body: { name: fx.unique(`Workspace of ${as}`) } }),
  },
  'GET /api/templates': {
    expect: { anonymous: 401, outsider: 200, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async () => ({ path: '/api/templates' }),
  },

  // a workspace
  'GET /api/workspaces/:workspaceId': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/workspaces/${fx.t.workspace.id}` }),
  },
  'PATCH /api/workspaces/:workspaceId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 403, owner: 200 },
    call: async (fx, as) => ({
      path: `/api/workspaces/${fx.t.workspace.id}`,
      body: { name: fx.unique(`Renamed by ${as}`) },
      probe: () => fx.look(`/api/workspaces/${fx.t.workspace.id}`, (b) => b.name),
    }),
  },
  'GET /api/workspaces/:workspaceId/members': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/workspaces/${fx.t.workspace.id}/members` }),
  },
  'POST /api/workspaces/:workspaceId/members': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 403, owner: 201 },
    call: async (fx) => ({
      path: `/api/workspaces/${fx.t.workspace.id}/members`,
      body: { email: (await fx.user()).user!.email, role: 'editor' },
      probe: () => fx.members(),
    }),
  },
  'PATCH /api/workspaces/:workspaceId/members/:userId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 403, owner: 204 },
    call: async (fx) => ({
      path: `/api/workspaces/${fx.t.workspace.id}/members/${await fx.member('viewer')}`,
      body: { role: 'editor' },
      probe: () => fx.members(),
    }),
  },
  'DELETE /api/workspaces/:workspaceId/members/:userId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 403, owner: 204 },
    call: async (fx) => ({ path: `/api/workspaces/${fx.t.workspace.id}/members/${await fx.member('viewer')}`, probe: () => fx.members() }),
  },

  // projects
  'GET /api/workspaces/:workspaceId/projects': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/workspaces/${fx.t.workspace.id}/projects` }),
  },
  'POST /api/workspaces/:workspaceId/projects': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 201, owner: 201 },
    call: async (fx, as) => ({
      path: `/api/workspaces/${fx.t.workspace.id}/projects`,
      body: { name: fx.unique(`Project of ${as}`) },
      probe: () => fx.look(`/api/workspaces/${fx.t.workspace.id}/projects`, (b) => b.projects.length),
    }),
  },
  'GET /api/projects/:projectId': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/projects/${fx.t.project.id}` }),
  },
  'PATCH /api/projects/:projectId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 200, owner: 200 },
    call: async (fx, as) => ({
      path: `/api/projects/${fx.t.project.id}`,
      body: { description: fx.unique(`Described by ${as}`) },
      probe: () => fx.look(`/api/projects/${fx.t.project.id}`, (b) => b.description),
    }),
  },
  'DELETE /api/projects/:projectId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 403, owner: 204 },
    call: async (fx) => {
      const projectId = await fx.project();
      return { path: `/api/projects/${projectId}`, probe: () => fx.look(`/api/projects/${projectId}`, (b) => b.id) };
    },
  },

  // diagrams
  'GET /api/projects/:projectId/diagrams': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/projects/${fx.t.project.id}/diagrams` }),
  },
  'GET /api/workspaces/:workspaceId/diagrams': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/workspaces/${fx.t.workspace.id}/diagrams` }),
  },
  'POST /api/projects/:projectId/diagrams': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 201, owner: 201 },
    call: async (fx, as) => ({
      path: `/api/projects/${fx.t.project.id}/diagrams`,
      body: { name: fx.unique(`Diagram of ${as}`) },
      probe: () => fx.look(`/api/projects/${fx.t.project.id}/diagrams?limit=100`, (b) => b.diagrams.length),
    }),
  },
  'GET /api/diagrams/:diagramId': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/diagrams/${fx.t.diagram.id}` }),
  },
  'PATCH /api/diagrams/:diagramId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 200, owner: 200 },
    call: async (fx, as) => ({
      path: `/api/diagrams/${fx.t.diagram.id}`,
      body: { description: fx.unique(`Described by ${as}`) },
      probe: () => fx.look(`/api/diagrams/${fx.t.diagram.id}`, (b) => [b.name, b.description, b.projectId]),
    }),
  },
  'DELETE /api/diagrams/:diagramId': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 204, owner: 204 },
    call: async (fx) => {
      const diagramId = await fx.diagram();
      return { path: `/api/diagrams/${diagramId}`, probe: () => fx.look(`/api/diagrams/${diagramId}`, (b) => b.deletedAt) };
    },
  },
  'POST /api/diagrams/:diagramId/restore': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 200, owner: 200 },
    call: async (fx) => {
      const diagramId = await fx.deletedDiagram();
      return { path: `/api/diagrams/${diagramId}/restore`, probe: () => fx.look(`/api/diagrams/${diagramId}`, (b) => b.deletedAt) };
    },
  },
  'GET /api/diagrams/:diagramId/export': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/diagrams/${fx.t.diagram.id}/export` }),
  },
  'POST /api/diagrams/:diagramId/changes': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 200, owner: 200 },
    call: async (fx, as) => ({
      path: `/api/diagrams/${fx.t.diagram.id}/changes`,
      body: { changeSet: regionChange(`region-of-${as}`) },
      probe: () => fx.document(fx.t.diagram.id),
    }),
  },

  // versions
  'GET /api/diagrams/:diagramId/versions': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/diagrams/${fx.t.diagram.id}/versions` }),
  },
  'GET /api/diagrams/:diagramId/versions/:versionId': {
    expect: { anonymous: 401, outsider: 404, viewer: 200, commenter: 200, editor: 200, owner: 200 },
    call: async (fx) => ({ path: `/api/diagrams/${fx.t.diagram.id}/versions/${fx.versionId}` }),
  },
  'POST /api/diagrams/:diagramId/versions/:versionId/restore': {
    expect: { anonymous: 401, outsider: 404, viewer: 403, commenter: 403, editor: 200, owner: 200 },
    call: async (fx) => {
      const { diagramId, versionId } = await fx.changedDiagram();
      return { path: `/api/diagrams/${diagramId}/versions/${versionId}/restore`, probe: () => fx.document(diagramId) };
    },
  },
};

const ERROR_CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };

const ROUTES = apiRoutes();

describe('the access matrix table', () => {
  it('has exactly one entry per route of apiRoutes()', () => {
    const keys = ROUTES.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => !MATRIX[k]), 'routes without a matrix entry').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k)), 'matrix entries for routes that no longer exist').toEqual([]);
  });

  it.each(ROUTES.map((def) => [routeKey(def), def] as const))('agrees with what %s declares (access, role, success status)', (key, def) => {
    const entry = MATRIX[key];
    expect(entry, `no matrix entry for ${key}`).toBeDefined();
    // the success status is the declared one: a handler that answers 204 must say so, or the spec documents 200
    const ok = def.status ?? 200;
    const declared: Record<Persona, number> =
      def.access === 'public'
        ? everyone(ok)
        : Object.fromEntries(
            PERSONAS.map((p) => {
              if (p === 'anonymous') return [p, 401];
              if (!def.role) return [p, ok];
              if (p === 'outsider') return [p, 404];
              return [p, MEMBER_ROLES.indexOf(p) >= MEMBER_ROLES.indexOf(def.role) ? ok : 403];
            }),
          ) as Record<Persona, number>;
    expect(declared).toEqual(entry!.expect);
  });
});

describe.each(ENGINES)('access matrix on %s', (engine) => {
  let server: TestServer;
  let fx: Fixtures;

  beforeAll(async () => {
    server = await testServer(engine);
    fx = new Fixtures(server, await team(server));
    fx.signInEmail = (await fx.user()).user!.email;
    const { versions } = await fx.owner('GET', `/api/diagrams/${fx.t.diagram.id}/versions`);
    fx.versionId = versions[0].id;
  });
  afterAll(() => server?.close());

  const send = (call: Call, client: Client, method: string, csrf = true): Promise<Reply> => client.call(method, call.path, call.body, { csrf });

  it.each(ROUTES.map((def) => [routeKey(def), def] as const))('%s answers each persona as the table says', async (key, def) => {
    const entry = MATRIX[key];
    expect(entry, `no matrix entry for ${key}`).toBeDefined();
    const actual: Partial<Record<Persona, number>> = {};
    for (const persona of PERSONAS) {
      const call = await entry!.call(fx, persona);
      const before = await call.probe?.();
      const reply = await send(call, call.client ?? fx.client(persona), def.method);
      actual[persona] = reply.status;
      const context = `${key} as ${persona}: ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300)}`;
      if (reply.status >= 400) {
        expect(reply.body?.error?.code, context).toBe(ERROR_CODES[reply.status] ?? reply.body?.error?.code);
        expect(typeof reply.body?.error?.message, context).toBe('string');
        // refused means nothing happened
        if (call.probe) expect(await call.probe(), `${context}: refused, yet the target changed`).toEqual(before);
      } else if (reply.status === 204) {
        expect(reply.body, context).toBeUndefined();
      } else if (call.probe) {
        expect(await call.probe(), `${context}: succeeded, yet the target did not change`).not.toEqual(before);
      }
    }
    expect(actual, key).toEqual(entry!.expect);
  });

  const mutating = ROUTES.filter((def) => def.access === 'user' && MUTATIONS.has(def.method));

  it('covers every mutating signed-in route in the CSRF check', () => {
    expect(mutating.length).toBeGreaterThan(10);
  });

  it.each(mutating.map((def) => [routeKey(def), def] as const))('%s refuses a request without the CSRF token, or with a wrong one', async (key, def) => {
    const entry = MATRIX[key]!;
    // the owner may call every route: only the missing token stands in the way
    for (const token of [undefined, 'not-the-token']) {
      const call = await entry.call(fx, 'owner');
      const client = call.client ?? fx.client('owner');
      const before = await call.probe?.();
      const reply = await client.call(def.method, call.path, call.body, { csrf: false, ...(token && { headers: { 'x-csrf-token': token } }) });
      expect(reply.status, `${key} with token ${token}`).toBe(403);
      expect(reply.body.error.code).toBe('csrf_failed');
      if (call.probe) expect(await call.probe()).toEqual(before);
      if (key === 'POST /api/auth/signout') expect((await client.call('GET', '/api/auth/session')).status).toBe(200);
    }
  });

  it('lets any member leave a workspace, but not remove someone else', async () => {
    const me = await fx.user();
    await fx.owner('POST', `/api/workspaces/${fx.t.workspace.id}/members`, { email: me.user!.email, role: 'viewer' });
    const other = await fx.member('viewer');
    expect((await me.call('DELETE', `/api/workspaces/${fx.t.workspace.id}/members/${other}`)).status).toBe(403);
    expect((await me.call('DELETE', `/api/workspaces/${fx.t.workspace.id}/members/${me.user!.id}`)).status).toBe(204);
    expect((await me.call('GET', `/api/workspaces/${fx.t.workspace.id}`)).status).toBe(404);
  });

  it('refuses to move a diagram into a project the caller cannot edit', async () => {
    const diagramId = await fx.diagram();
    const elsewhere = (await fx.t.outsider.call('GET', '/api/workspaces')).body.workspaces[0];
    const theirProject = (await fx.t.outsider.call('GET', `/api/workspaces/${elsewhere.id}/projects`)).body.projects[0];
    const reply = await fx.t.editor.call('PATCH', `/api/diagrams/${diagramId}`, { projectId: theirProject.id });
    expect(reply.status).toBe(404);
    expect((await fx.owner('GET', `/api/diagrams/${diagramId}`)).projectId).toBe(fx.t.project.id);
  });
});
