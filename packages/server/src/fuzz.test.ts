import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from './app';
import type { RouteDef } from './http/route';
import { Client, team, testServer, type Reply, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

/**
 * Bad input never becomes a 500. Every route gets malformed JSON, bodies of the wrong type, each declared field with
 * wrong types, huge strings and a body over the limit, unknown fields, unknown and malformed ids, bad query values and
 * seeded random mutations of a valid request. Every 4xx answer has the error shape; every 400 lists its problems with
 * paths. Signed in as the owner, so requests get past authentication to validation.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run src/fuzz.test.ts
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const RANDOM_CASES = 30;
const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const MB = 1024 * 1024;

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/** Strings that have broken servers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  'a',
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 surrogate',
  '💥🔥 emoji',
  'ünïcødé ñame',
  '\u202eright-to-left override',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'Robert"); DROP TABLE users;--',
  '%00%ZZ%',
  '../../etc/passwd',
  '..\\..\\windows',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  '-1',
  '1e999',
  '99999999999999999999',
  '\n\r\t\b\f',
  '${jndi:ldap://x}',
  'x'.repeat(1000),
  'é'.repeat(70_000),
];

const NASTY_NUMBERS = [0, -1, 1.5, -0.0001, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2];

function randomJson(rng: Rng, fields: readonly string[], depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick(NASTY_NUMBERS);
    case 3:
      return rng.int(1000) - 500;
    case 4:
    case 5:
      return rng.pick(NASTY_STRINGS);
    case 6:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, fields, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) object[rng.next() < 0.6 && fields.length > 0 ? rng.pick(fields) : rng.pick(NASTY_STRINGS).slice(0, 40)] = randomJson(rng, fields, depth + 1);
      return object;
    }
  }
}

/** The JSON Schema types a field accepts; empty when it accepts anything. */
function acceptedTypes(schema: Record<string, any>): Set<string> {
  const types = new Set<string>();
  const visit = (s: Record<string, any>) => {
    if (Array.isArray(s.type)) s.type.forEach((t: string) => types.add(t));
    else if (typeof s.type === 'string') types.add(s.type);
    for (const alternative of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(alternative);
  };
  visit(schema);
  if (types.has('number')) types.add('integer');
  return types;
}

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

const properties = (schema: z.ZodType | undefined): Record<string, Record<string, any>> =>
  schema ? ((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, any>> }).properties ?? {}) : {};

/** encodeURIComponent, except that a lone surrogate becomes its (invalid) UTF-8 bytes instead of an exception. */
const encode = (text: string) => [...text].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

const routeKey = (def: Pick<RouteDef, 'method' | 'url'>) => `${def.method} ${def.url}`;

/** Ids and values that make a valid request of each route (destructive routes get targets of their own). */
interface Targets {
  workspaceId: string;
  projectId: string;
  diagramId: string;
  versionId: string;
  memberId: string;
  removableMemberId: string;
  emptyProjectId: string;
  diagramToDelete: string;
  deletedDiagramId: string;
  inviteEmail: string;
  signInEmail: string;
}

interface Valid {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}

const PASSWORD = 'correct horse battery staple';

const VALID: Record<string, (t: Targets) => Valid> = {
  'GET /healthz': () => ({}),
  'GET /readyz': () => ({}),
  'GET /api/openapi.json': () => ({}),
  'GET /api/docs': () => ({}),
  'POST /api/auth/signup': () => ({ body: { email: 'fuzzed.signup@example.com', password: PASSWORD, name: 'Fuzzy' } }),
  'POST /api/auth/signin': (t) => ({ body: { email: t.signInEmail, password: PASSWORD } }),
  'POST /api/auth/signout': () => ({}),
  'GET /api/auth/session': () => ({}),
  'GET /api/workspaces': () => ({}),
  'POST /api/workspaces': () => ({ body: { name: 'Fuzzed workspace' } }),
  'GET /api/workspaces/:workspaceId': (t) => ({ params: { workspaceId: t.workspaceId } }),
  'PATCH /api/workspaces/:workspaceId': (t) => ({ params: { workspaceId: t.workspaceId }, body: { name: 'Renamed' } }),
  'GET /api/workspaces/:workspaceId/members': (t) => ({ params: { workspaceId: t.workspaceId } }),
  'POST /api/workspaces/:workspaceId/members': (t) => ({ params: { workspaceId: t.workspaceId }, body: { email: t.inviteEmail, role: 'viewer' } }),
  'PATCH /api/workspaces/:workspaceId/members/:userId': (t) => ({ params: { workspaceId: t.workspaceId, userId: t.memberId }, body: { role: 'commenter' } }),
  'DELETE /api/workspaces/:workspaceId/members/:userId': (t) => ({ params: { workspaceId: t.workspaceId, userId: t.removableMemberId } }),
  'GET /api/workspaces/:workspaceId/projects': (t) => ({ params: { workspaceId: t.workspaceId } }),
  'POST /api/workspaces/:workspaceId/projects': (t) => ({ params: { workspaceId: t.workspaceId }, body: { name: 'Fuzzed project', description: 'made by the fuzzer' } }),
  'GET /api/projects/:projectId': (t) => ({ params: { projectId: t.projectId } }),
  'PATCH /api/projects/:projectId': (t) => ({ params: { projectId: t.projectId }, body: { name: 'Renamed project', description: 'fuzzed' } }),
  'DELETE /api/projects/:projectId': (t) => ({ params: { projectId: t.emptyProjectId } }),
  'GET /api/templates': () => ({}),
  'GET /api/projects/:projectId/diagrams': (t) => ({ params: { projectId: t.projectId } }),
  'GET /api/workspaces/:workspaceId/diagrams': (t) => ({ params: { workspaceId: t.workspaceId } }),
  'POST /api/projects/:projectId/diagrams': (t) => ({ params: { projectId: t.projectId }, body: { name: 'Fuzzed diagram', description: 'fuzzed' } }),
  'GET /api/diagrams/:diagramId': (t) => ({ params: { diagramId: t.diagramId } }),
  'PATCH /api/diagrams/:diagramId': (t) => ({ params: { diagramId: t.diagramId }, body: { name: 'Renamed diagram', description: 'fuzzed', projectId: t.projectId } }),
  'DELETE /api/diagrams/:diagramId': (t) => ({ params: { diagramId: t.diagramToDelete } }),
  'POST /api/diagrams/:diagramId/restore': (t) => ({ params: { diagramId: t.deletedDiagramId } }),
  'GET /api/diagrams/:diagramId/export': (t) => ({ params: { diagramId: t.diagramId } }),
  'POST /api/diagrams/:diagramId/changes': (t) => ({
    params: { diagramId: t.diagramId },
    body: { changeSet: { origin: 'user', summary: 'Move to eu-west-1', ops: [{ op: 'setConstraints', constraints: { region: 'eu-west-1' } }] } },
  }),
  'GET /api/diagrams/:diagramId/versions': (t) => ({ params: { diagramId: t.diagramId } }),
  'GET /api/diagrams/:diagramId/versions/:versionId': (t) => ({ params: { diagramId: t.diagramId, versionId: t.versionId } }),
  'POST /api/diagrams/:diagramId/versions/:versionId/restore': (t) => ({ params: { diagramId: t.diagramId, versionId: t.versionId } }),
};

/** A request, and what it must (at least) get. */
interface Probe {
  what: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Exact status, when the input decides it. */
  status?: number | number[];
  /** A 400 must name this path (prefix) among its details. */
  detailPath?: string;
}

const ROUTES = apiRoutes();

describe('the fuzz table', () => {
  it('has a valid request for every route of apiRoutes()', () => {
    expect(ROUTES.map(routeKey).filter((k) => !VALID[k])).toEqual([]);
    expect(Object.keys(VALID).filter((k) => !ROUTES.some((r) => routeKey(r) === k))).toEqual([]);
  });
});

describe.each(ENGINES)('fuzzing every route on %s', (engine) => {
  let server: TestServer;
  let owner: Client;
  let targets: Targets;
  /** Sign-out ends the session it is sent with: it gets sessions of its own, renewed after each success. */
  let throwaway: Client;

  beforeAll(async () => {
    server = await testServer(engine);
    const cast = await team(server);
    owner = cast.owner;
    const call = async (method: string, path: string, body?: unknown) => {
      const reply = await owner.call(method, path, body);
      if (reply.status >= 300) throw new Error(`fixture ${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    const newUser = async (name: string) => (await new Client(server.url).signUp(name)).user!;
    const removable = await newUser('Removable Member');
    await call('POST', `/api/workspaces/${cast.workspace.id}/members`, { email: removable.email, role: 'viewer' });
    const diagramToDelete = (await call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'To delete' })).id;
    const deletedDiagramId = (await call('POST', `/api/projects/${cast.project.id}/diagrams`, { name: 'Deleted' })).id;
    await call('DELETE', `/api/diagrams/${deletedDiagramId}`);
    const { versions } = await call('GET', `/api/diagrams/${cast.diagram.id}/versions`);
    targets = {
      workspaceId: cast.workspace.id,
      projectId: cast.project.id,
      diagramId: cast.diagram.id,
      versionId: versions[0].id,
      memberId: cast.viewer.user!.id,
      removableMemberId: removable.id,
      emptyProjectId: (await call('POST', `/api/workspaces/${cast.workspace.id}/projects`, { name: 'Empty' })).id,
      diagramToDelete,
      deletedDiagramId,
      inviteEmail: (await newUser('Invitee')).email,
      signInEmail: cast.editor.user!.email,
    };
    throwaway = await new Client(server.url).signUp('Throwaway');
  });
  afterAll(() => server?.close());

  const pathOf = (def: RouteDef, params: Record<string, string>, raw: Record<string, string> = {}) =>
    def.url.replace(/:([A-Za-z]+)/g, (_, name: string) => raw[name] ?? encodeURIComponent(params[name]!));

  /** Sends a probe and returns what is wrong with the answer (nothing, ideally). */
  async function send(def: RouteDef, probe: Probe, valid: Valid): Promise<string[]> {
    // sign-up and sign-in set a cookie: a fresh browser each time, so the owner's session stays the owner's
    const client = def.access === 'public' ? new Client(server.url) : def.url === '/api/auth/signout' ? throwaway : owner;
    let reply: Reply;
    try {
      reply = await client.call(def.method, probe.path ?? pathOf(def, valid.params ?? {}), probe.body, { rawBody: probe.rawBody, headers: probe.headers });
    } catch (error) {
      return [`${probe.what}: the request failed: ${(error as Error).message}`];
    }
    if (def.url === '/api/auth/signout' && reply.status === 204) throwaway = await new Client(server.url).signUp('Throwaway');
    const problems: string[] = [];
    const shown = `${probe.what} → ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 240)}`;
    if (reply.status >= 500) problems.push(`server error: ${shown}`);
    const expected = probe.status === undefined ? undefined : [probe.status].flat();
    if (expected && !expected.includes(reply.status)) problems.push(`expected ${expected.join(' or ')}: ${shown}`);
    if (reply.status >= 400 && reply.status < 500) {
      const error = reply.body?.error;
      if (typeof error?.code !== 'string' || !error.code || typeof error.message !== 'string' || !error.message) problems.push(`no error shape: ${shown}`);
      if (reply.status === 400) {
        const details = error?.details;
        const ok = Array.isArray(details) && details.length > 0 && details.every((d: { path?: unknown; message?: unknown }) => typeof d.path === 'string' && /^(body|params|query)\b/.test(d.path) && typeof d.message === 'string');
        if (!ok) problems.push(`400 without details paths: ${shown}`);
        else if (probe.detailPath && !details.some((d: { path: string }) => d.path === probe.detailPath || d.path.startsWith(`${probe.detailPath}.`) || d.path.startsWith(`${probe.detailPath}[`))) {
          problems.push(`400 does not name ${probe.detailPath}: ${shown}`);
        }
      }
    }
    return problems;
  }

  it.each(ROUTES.map((def) => [routeKey(def), def] as const))(`%s survives fuzzing (seed ${SEED})`, async (key, def) => {
    const valid = VALID[key]!(targets);
    const rng = prng(SEED ^ hash(key));
    const probes: Probe[] = [];
    const hasBody = Boolean(def.body);
    const carriesBody = MUTATIONS.has(def.method);
    const fields = properties(def.body);
    const json = (value: unknown) => JSON.stringify(value);

    if (carriesBody) {
      // malformed JSON and the wrong media type: refused before any handler runs
      for (const raw of ['{', '{"name":', '[1,2', 'nul', "{'name':'x'}", '{"a":1}}', '{"a":1,}', 'undefined', '\u0000', '{"a":"\\uZZZZ"}', '\ud800']) {
        probes.push({ what: `malformed JSON ${json(raw)}`, rawBody: raw, status: 400, detailPath: 'body' });
      }
      probes.push({ what: 'an empty JSON body', rawBody: '', headers: { 'content-type': 'application/json' }, status: 400, detailPath: 'body' });
      probes.push({ what: 'a prototype-polluting body', rawBody: '{"__proto__":{"polluted":true}}', status: 400, detailPath: 'body' });
      probes.push({ what: 'a constructor-polluting body', rawBody: '{"constructor":{"prototype":{"polluted":true}}}', status: 400, detailPath: 'body' });
      // Fastify reads text/plain as a string: a JSON route refuses it, either way
      probes.push({ what: 'text/plain', rawBody: json(valid.body ?? {}), headers: { 'content-type': 'text/plain' }, ...(hasBody && { status: [400, 415] }) });
      probes.push({ what: 'a form', rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 });
      // over the body limit (8 MB)
      probes.push({ what: 'a 9 MB body', rawBody: json({ ...valid.body, name: 'x'.repeat(9 * MB) }), status: 413 });
      // bodies of the wrong type
      for (const body of [[], [valid.body ?? {}], 0, 42, -1.5, 'text', '', null, true, false]) {
        probes.push({ what: `body ${json(body)}`, rawBody: json(body), ...(hasBody && { status: 400, detailPath: 'body' }) });
      }
      // deep nesting, as the body and in each field
      const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
      probes.push({ what: 'a body nested 100,000 deep', rawBody: deep(100_000), ...(hasBody && { status: 400 }) });
      for (const field of Object.keys(fields)) {
        probes.push({ what: `${field} nested 50,000 deep`, rawBody: json({ ...valid.body, [field]: '__DEEP__' }).replace('"__DEEP__"', deep(50_000)) });
        probes.push({ what: `${field} as objects nested 20,000 deep`, rawBody: json({ ...valid.body, [field]: '__DEEP__' }).replace('"__DEEP__"', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)) });
      }
    }

    if (hasBody) {
      // unknown fields: bodies are strict
      probes.push({ what: 'an unknown field', body: { ...valid.body, unexpected: 1 }, status: 400, detailPath: 'body' });
      probes.push({ what: 'an unknown field named __proto__', rawBody: json({ ...valid.body }).replace(/^\{/, '{"__proto__x":1,'), status: 400, detailPath: 'body' });
      // each declared field with values of every JSON type, huge strings, nasty strings
      for (const [field, schema] of Object.entries(fields)) {
        const accepted = acceptedTypes(schema);
        const values: unknown[] = [null, true, 0, -1, 1.5, 1e308, [], ['x'], {}, { a: 1 }, 'x'.repeat(MB), 'é'.repeat(MB / 2), ...NASTY_STRINGS];
        for (const value of values) {
          const wrongType = accepted.size > 0 && !accepted.has(jsonType(value));
          const nul = typeof value === 'string' && value.includes('\u0000');
          probes.push({
            what: `${field} = ${json(value)?.slice(0, 60)}${json(value)!.length > 60 ? '…' : ''}`,
            body: { ...valid.body, [field]: value },
            ...((wrongType || nul) && { status: 400, detailPath: `body.${field}` }),
          });
        }
        if (!(def.body as z.ZodType).safeParse({ ...valid.body, [field]: undefined }).success) {
          const { [field]: _, ...rest } = valid.body!;
          probes.push({ what: `without ${field}`, body: rest, status: 400, detailPath: `body.${field}` });
        }
      }
    }

    // ids: unknown ones are 404; malformed ones are 400 naming the parameter (over-long ones may be refused by the router: 414)
    const paramNames = Object.keys(valid.params ?? {});
    for (const name of paramNames) {
      const others = valid.params!;
      for (const id of ['unknown-id', 'a'.repeat(100), '0', '-1', 'null', '__proto__', 'constructor', `fz${rng.int(1e9)}`]) {
        probes.push({ what: `${name} = unknown id ${json(id)}`, path: pathOf(def, { ...others, [name]: id }), body: valid.body, status: 404 });
      }
      for (const id of ['../../etc', '..%2F..%2Fetc', 'a'.repeat(101), 'b'.repeat(300), 'ünïcødé', '💥', 'a b', 'a;b', "'; drop table users; --", '\u0000', 'a.b', '%', '${x}', 'a/b']) {
        probes.push({ what: `${name} = malformed id ${json(id).slice(0, 40)}`, path: pathOf(def, { ...others, [name]: id }), body: valid.body, status: id.length > 100 ? [400, 404, 414] : 400, detailPath: `params.${name}` });
      }
      // as the raw address: the router normalises or refuses these
      for (const raw of ['../../etc/passwd', '%ZZ', '%', '%00', '..', '.', '%2e%2e', '%C0%AE', '%uD800', '%ED%A0%80', encodeURIComponent('é').slice(0, 3)]) {
        probes.push({ what: `${name} = raw ${raw}`, path: pathOf(def, others, { [name]: raw }), body: valid.body });
      }
    }

    // query values: decided by the route's own query schema
    const queryFields = properties(def.query);
    const badValues = ['abc', '', '-1', '0', '1.5', '1e400', '1e20', '99999999999999999999', '9007199254740991', '2147483648', '-5', 'NaN', 'Infinity', 'true', 'maybe', '%00', '\u0000', 'x'.repeat(300), 'ü💥', "' OR 1=1 --", '%_\\'];
    const base = pathOf(def, valid.params ?? {});
    for (const field of Object.keys(queryFields)) {
      for (const value of badValues) {
        // PostgreSQL cannot store or compare U+0000: the server refuses it in any input
        const accepted = !value.includes('\u0000') && def.query!.safeParse({ [field]: value }).success;
        probes.push({ what: `?${field}=${json(value).slice(0, 40)}`, path: `${base}?${field}=${encode(value)}`, status: accepted ? 200 : 400, ...(!accepted && { detailPath: `query.${field}` }) });
      }
      probes.push({ what: `?${field} twice`, path: `${base}?${field}=1&${field}=2` });
      probes.push({ what: `?${field}[]`, path: `${base}?${field}[]=1&${field}[a]=2` });
    }
    probes.push({ what: 'unknown query parameters', path: `${base}?__proto__=1&constructor=2&limit=abc&a[b]=c&${'k'.repeat(2000)}=v` });
    probes.push({ what: 'a malformed query string', path: `${base}?%ZZ=%&=&&==` });

    // seeded random mutations of the valid request
    for (let i = 0; i < RANDOM_CASES; i++) {
      const names = Object.keys(fields);
      if (carriesBody) {
        const body: Record<string, unknown> = { ...valid.body };
        const kind = rng.int(4);
        if (kind === 0) {
          probes.push({ what: `random #${i}: the body replaced`, rawBody: json(randomJson(rng, names)) ?? 'null' });
          continue;
        }
        if (kind === 1 && names.length > 0) delete body[rng.pick(names)];
        for (let n = 1 + rng.int(3); n > 0; n--) body[names.length > 0 && rng.next() < 0.8 ? rng.pick(names) : rng.pick(NASTY_STRINGS).slice(0, 30)] = randomJson(rng, names);
        probes.push({ what: `random #${i}: ${json(body).slice(0, 120)}`, body });
      } else if (Object.keys(queryFields).length > 0) {
        const params = Object.keys(queryFields)
          .filter(() => rng.next() < 0.6)
          .map((f) => `${f}=${encode(String(rng.next() < 0.5 ? rng.pick(NASTY_STRINGS) : rng.pick(NASTY_NUMBERS)))}`);
        probes.push({ what: `random #${i}: ?${params.join('&').slice(0, 120)}`, path: `${base}?${params.join('&')}` });
      }
    }

    const problems: string[] = [];
    for (const probe of probes) problems.push(...(await send(def, probe, valid)));
    expect(problems, `FUZZ_SEED=${SEED}: ${problems.length} of ${probes.length} probes went wrong`).toEqual([]);
  });

  it('still serves a valid request after all that', async () => {
    const reply = await owner.call('GET', `/api/diagrams/${targets.diagramId}`);
    expect(reply.status).toBe(200);
    expect(reply.body.document).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
