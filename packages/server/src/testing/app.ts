import { buildApp, type App } from '../app';
import { loadConfig } from '../config';
import type { Storage } from '../db/database';
import { CSRF_HEADER } from '../http/route';
import { testStorage, type Engine } from './storage';

export interface TestServer extends App {
  url: string;
  storage: Storage;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Use this storage (the caller closes it) instead of a fresh database. */
  storage?: Storage;
  /** Attach to this existing PostgreSQL schema (see `sharedSchema`) with a pool of its own, as another instance would. */
  schema?: string;
  /** Namespace for Redis keys and channels when `env` sets REDIS_URL (see `testRedisPrefix`). */
  redisPrefix?: string;
}

/**
 * A listening server on a random port over a fresh test database; versions after 100 ms of quiet. `env` adds
 * environment variables (REDIS_URL, VERSION_DEBOUNCE_MS, …); on PostgreSQL DATABASE_URL is set to the test database,
 * which the configuration asks for beside REDIS_URL (the storage itself is the one opened here).
 */
export async function testServer(engine: Engine, env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const storage = options.storage ?? (await testStorage(engine, { schema: options.schema }));
  const ownsStorage = !options.storage;
  const database = engine === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL! } : {};
  const config = loadConfig({ LOG_LEVEL: 'silent', VERSION_DEBOUNCE_MS: '100', PORT: '0', ...database, ...env });
  const app = await buildApp(config, storage, { logger: false, redisPrefix: options.redisPrefix });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address() as { port: number };
  return {
    ...app,
    url: `http://127.0.0.1:${address.port}`,
    storage,
    async close() {
      await app.services.live.close();
      await app.fastify.close();
      if (ownsStorage) await storage.close();
    },
  };
}

// Replies are JSON the tests read field by field; `any` keeps those reads short. Tests assert the shapes they use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An API client with its own cookie jar and CSRF token, like one browser. */
export class Client {
  cookie = '';
  csrf = '';
  user: { id: string; email: string; name: string } | undefined;

  constructor(readonly base: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = any>(method: string, path: string, body?: unknown, options: { csrf?: boolean; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrf) headers[CSRF_HEADER] = this.csrf;
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. the docs page): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async signUp(name: string, email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.com`): Promise<this> {
    const reply = await this.call('POST', '/api/auth/signup', { email, password: 'correct horse battery staple', name });
    if (reply.status !== 201) throw new Error(`sign-up failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    this.csrf = reply.body.csrfToken;
    this.user = reply.body.user;
    return this;
  }
}

/** A workspace with one member per role, an outsider, a project and a diagram: the cast of the access tests. */
export async function team(server: { url: string }) {
  const [owner, editor, commenter, viewer, outsider] = await Promise.all(
    ['Olivia Owner', 'Eddie Editor', 'Carla Commenter', 'Victor Viewer', 'Otto Outsider'].map((n) => new Client(server.url).signUp(n)),
  );
  const workspace = (await owner!.call('POST', '/api/workspaces', { name: 'Platform team' })).body;
  for (const [client, role] of [[editor, 'editor'], [commenter, 'commenter'], [viewer, 'viewer']] as const) {
    const r = await owner!.call('POST', `/api/workspaces/${workspace.id}/members`, { email: client!.user!.email, role });
    if (r.status !== 201) throw new Error(`invite failed: ${JSON.stringify(r.body)}`);
  }
  const project = (await owner!.call('POST', `/api/workspaces/${workspace.id}/projects`, { name: 'Checkout' })).body;
  const diagram = (await owner!.call('POST', `/api/projects/${project.id}/diagrams`, { name: 'Checkout v2' })).body;
  return { owner: owner!, editor: editor!, commenter: commenter!, viewer: viewer!, outsider: outsider!, workspace, project, diagram };
}
