import { migrationsApplied } from '../db/database';
import { route, type RouteDef } from '../http/route';
import { openApiDocument } from '../http/openapi';
import { z } from 'zod';

export const SERVER_VERSION = '0.1.0';

/** Liveness, readiness and the API's own documentation. `routes` is every route, for the spec. */
export function metaRoutes(routes: () => readonly RouteDef[]): RouteDef[] {
  let spec: Record<string, unknown> | undefined;
  return [
    route({
      method: 'GET',
      url: '/healthz',
      summary: 'Liveness: the process answers',
      tag: 'meta',
      access: 'public',
      response: z.object({ status: z.literal('ok') }),
      async handler() {
        return { status: 'ok' };
      },
    }),
    route({
      method: 'GET',
      url: '/readyz',
      summary: 'Readiness: the database answers and every migration is applied, and Redis answers when configured (503 otherwise)',
      tag: 'meta',
      access: 'public',
      response: z.object({ status: z.literal('ready'), database: z.string(), redis: z.literal('ready').optional() }),
      async handler({ services, reply }) {
        const [ready, redis] = await Promise.all([migrationsApplied(services.db).catch(() => false), services.redis?.ping()]);
        if (!ready) return reply.status(503).send({ error: { code: 'not_ready', message: 'The database is unreachable or migrations are not applied.' } });
        if (redis === false) return reply.status(503).send({ error: { code: 'not_ready', message: 'Redis (REDIS_URL) does not answer.' } });
        return { status: 'ready', database: services.storage.engine, ...(services.redis && { redis: 'ready' as const }) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'meta',
      access: 'public',
      async handler() {
        return (spec ??= openApiDocument(routes(), SERVER_VERSION));
      },
    }),
    route({
      method: 'GET',
      url: '/api/docs',
      summary: 'The API reference as a web page',
      tag: 'meta',
      access: 'public',
      async handler({ reply }) {
        return reply.header('content-type', 'text/html; charset=utf-8').send(docsPage((spec ??= openApiDocument(routes(), SERVER_VERSION))));
      },
    }),
  ];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain, dependency-free rendering of the spec: every operation with its parameters, body and responses. */
function docsPage(spec: Record<string, unknown>): string {
  const paths = spec.paths as Record<string, Record<string, { summary: string; tags: string[]; parameters?: Array<{ name: string; in: string; required: boolean }>; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }>; security?: unknown; 'x-required-role'?: string }>>;
  const sections = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})</li>`).join('');
      const body = op.requestBody ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(op.requestBody.content['application/json']!.schema, null, 2))}</pre></details>` : '';
      const responses = Object.entries(op.responses).map(([code, r]) => `<li><code>${code}</code> ${escapeHtml(r.description)}</li>`).join('');
      const access = op.security ? `signed in${op['x-required-role'] ? `, role ≥ ${op['x-required-role']}` : ''}` : 'public';
      return `<section id="${escapeHtml(method + path)}"><h3><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3><p>${escapeHtml(op.summary)} <em>(${access})</em></p>${params ? `<ul>${params}</ul>` : ''}${body}<ul>${responses}</ul></section>`;
    }),
  );
  const info = spec.info as { title: string; version: string; description: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)}</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}section{border-top:1px solid #ddd;padding:.5rem 0}.m{font-family:monospace;background:#eef;padding:0 .4rem;border-radius:3px}pre{background:#f6f8fa;padding:.75rem;overflow:auto}</style></head><body><h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${escapeHtml(info.description)}</p><p><a href="/api/openapi.json">openapi.json</a></p>${sections.join('')}</body></html>`;
}
