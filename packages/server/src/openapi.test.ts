import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from './app';
import { route, type RouteDef } from './http/route';
import { metaRoutes } from './routes/meta';
import { Client, testServer, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

/** The spec at /api/openapi.json and the page at /api/docs describe every route of `apiRoutes()`, and nothing else. */

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
  'x-required-role'?: string;
}

const ROUTES = apiRoutes();
const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const specPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');
const routeKey = (def: RouteDef) => `${def.method} ${def.url}`;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const keysOf = (schema: z.ZodType | undefined) =>
  schema ? Object.keys((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {}) : [];

describe.each(ENGINES)('API documentation on %s', (engine) => {
  let server: TestServer;
  let spec: { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: any };
  let html: string;

  beforeAll(async () => {
    server = await testServer(engine);
    const client = new Client(server.url);
    const json = await client.call('GET', '/api/openapi.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    spec = json.body;
    const page = await client.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    html = page.body;
  });
  afterAll(() => server?.close());

  const operation = (def: RouteDef): Operation | undefined => spec.paths[specPath(def.url)]?.[def.method.toLowerCase()];
  const each = ROUTES.map((def) => [routeKey(def), def] as const);

  it('is OpenAPI 3 with a title and the server version', () => {
    expect(spec.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(spec.info.title).toBeTruthy();
    expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('has an operation for every route and no operation for a route that does not exist', () => {
    const missing = ROUTES.filter((def) => !operation(def)).map(routeKey);
    expect(missing).toEqual([]);
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((def) => `${def.method} ${specPath(def.url)}`).sort());
  });

  it.each(each)('%s: summary, tag, path and query parameters', (_key, def) => {
    const op = operation(def)!;
    expect(op.summary).toBe(def.summary);
    expect(op.summary!.length).toBeGreaterThan(5);
    expect(op.tags).toEqual([def.tag]);
    const inPath = [...def.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
    const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
    expect(pathParams.map((p) => p.name).sort()).toEqual([...inPath].sort());
    for (const p of pathParams) {
      expect(p.required, p.name).toBe(true);
      expect(p.schema, p.name).toMatchObject({ type: 'string' });
    }
    expect(keysOf(def.params).sort()).toEqual([...inPath].sort());
    const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
    expect(queryParams.map((p) => p.name).sort()).toEqual(keysOf(def.query).sort());
    for (const p of queryParams) expect(p.schema, p.name).toBeDefined();
    expect((op.parameters ?? []).every((p) => p.in === 'path' || p.in === 'query')).toBe(true);
  });

  it.each(each)('%s: request body, when the route takes one', (_key, def) => {
    const op = operation(def)!;
    if (!def.body) {
      expect(op.requestBody).toBeUndefined();
      return;
    }
    expect(op.requestBody?.required).toBe(true);
    const schema = op.requestBody?.content?.['application/json']?.schema;
    expect(schema).toBeDefined();
    expect(Object.keys(schema!.properties ?? {}).sort()).toEqual(keysOf(def.body).sort());
    expect(schema).toMatchObject({ additionalProperties: false });
  });

  it.each(each)('%s: success and error responses', (_key, def) => {
    const op = operation(def)!;
    const responses = op.responses ?? {};
    const success = String(def.status ?? 200);
    expect(Object.keys(responses).filter((code) => code.startsWith('2'))).toEqual([success]);
    if (success === '204') expect(responses['204']!.content).toBeUndefined();
    else if (def.response) expect(responses[success]!.content?.['application/json']?.schema).toBeDefined();
    const errors = ['400', '404', ...(def.access === 'user' ? ['401', '403'] : []), ...(MUTATIONS.has(def.method) ? ['413'] : []), ...(def.url === '/api/auth/signin' ? ['401', '429'] : [])];
    for (const code of errors) {
      expect(responses[code], `${code} response`).toBeDefined();
      expect(responses[code]!.description, `${code} description`).toBeTruthy();
      expect(responses[code]!.content?.['application/json']?.schema?.$ref, `${code} schema`).toBe('#/components/schemas/Error');
    }
    if (def.access === 'public' && !def.url.startsWith('/api/auth/')) expect(responses['401']).toBeUndefined();
  });

  it.each(each)('%s: who may call it', (_key, def) => {
    const op = operation(def)!;
    if (def.access === 'user') {
      expect(op.security).toEqual([{ session: [] }]);
      expect(op['x-required-role']).toBe(def.role);
    } else {
      expect(op.security).toBeUndefined();
      expect(op['x-required-role']).toBeUndefined();
    }
  });

  it('defines the error shape and the session cookie it refers to', () => {
    expect(spec.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
    });
    expect(spec.components.schemas.Error.properties.error.properties).toHaveProperty('details');
    expect(spec.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'backarch_session' });
  });

  it('renders every operation on /api/docs, escaped', () => {
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(`<title>${escapeHtml(spec.info.title)}</title>`);
    for (const def of ROUTES) {
      const path = specPath(def.url);
      expect(html, routeKey(def)).toContain(`<span class="m">${def.method}</span> <code>${escapeHtml(path)}</code>`);
      expect(html, routeKey(def)).toContain(escapeHtml(def.summary));
      for (const name of [...keysOf(def.params), ...keysOf(def.query)]) expect(html, `${routeKey(def)} parameter ${name}`).toContain(`<code>${escapeHtml(name)}</code>`);
    }
    // summaries with markup characters come out as text
    const marked = ROUTES.filter((def) => /[<>&"']/.test(def.summary));
    expect(marked.length).toBeGreaterThan(0);
    for (const def of marked) expect(html).not.toContain(def.summary);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<a href="/api/openapi.json">');
  });

  it('escapes whatever a route declares: summary, tag, parameter and field names', async () => {
    const evil = '<script>alert("pwned")</script>';
    const routes = [
      route({
        method: 'POST',
        url: '/api/evil/:thing',
        summary: `Evil ${evil} & "quotes" 'too'`,
        tag: `<b>${evil}</b>`,
        access: 'user',
        role: 'editor',
        params: z.object({ thing: z.string().describe(evil) }),
        query: z.object({ '<img src=x onerror=alert(1)>': z.string().optional() }),
        body: z.object({ '</pre><script>alert(2)</script>': z.string().describe(evil) }).strict(),
        async handler() {
          return undefined;
        },
      }),
    ];
    const docs = metaRoutes(() => routes).find((def) => def.url === '/api/docs')!;
    let sent = '';
    const reply = {
      header() {
        return reply;
      },
      send(body: string) {
        sent = body;
        return reply;
      },
    };
    await docs.handler({ reply } as never);
    expect(sent).toContain('<span class="m">POST</span> <code>/api/evil/{thing}</code>');
    expect(sent).not.toMatch(/<script|<img|<\/pre><script|<b>/i);
    expect(sent).toContain(escapeHtml(`Evil ${evil} & "quotes" 'too'`));
    expect(sent).toContain(`<code>${escapeHtml('<img src=x onerror=alert(1)>')}</code>`);
    expect(sent).toContain(escapeHtml('</pre><script>alert(2)</script>'));
  });
});
