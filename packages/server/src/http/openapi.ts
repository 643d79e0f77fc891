import { z } from 'zod';
import type { RouteDef } from './route';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: `details` lists each problem with its path.',
  '401': 'Not signed in.',
  '403': 'Signed in, but the role is not enough, or the CSRF token is missing.',
  '404': 'Not found, or not visible to the caller.',
  '409': 'Conflicts with the current state.',
  '413': 'Body too large.',
  '429': 'Too many attempts; see Retry-After.',
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The OpenAPI 3.1 document for every registered route, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = def.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', def.params], ['query', def.query]] as const) {
      if (!schema) continue;
      const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    }
    const status = String(def.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: status === '204' ? { description: 'Done.' } : { description: 'OK', content: { 'application/json': { schema: def.response ? jsonSchema(def.response) : {} } } },
    };
    for (const [code, description] of Object.entries(ERROR_STATUSES)) {
      if (def.access === 'public' && (code === '401' || code === '403') && !def.url.includes('auth')) continue;
      responses[code] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    (paths[path] ??= {})[def.method.toLowerCase()] = {
      summary: def.summary,
      tags: [def.tag],
      ...(parameters.length > 0 && { parameters }),
      ...(def.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.body) } } } }),
      responses,
      ...(def.access === 'user' && { security: [{ session: [] }] }),
      ...(def.role && { 'x-required-role': def.role }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'BackArch API',
      version,
      description:
        'JSON over HTTP. Sign in with POST /api/auth/signin; the session is an httpOnly cookie. Mutations also need the X-CSRF-Token header (the csrfToken from GET /api/auth/session). Errors are `{ error: { code, message, details? } }`.',
    },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'backarch_session' } },
    },
  };
}
