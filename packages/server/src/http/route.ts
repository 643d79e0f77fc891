import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../db/schema';
import type { Services } from '../services';
import type { SessionUser } from '../auth/sessions';
import { ApiError, unauthorized, validationError } from './errors';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteContext<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  services: Services;
}

/**
 * One API route: its schemas (validated with zod, documented in the OpenAPI spec) and who may call it. `role` is the
 * least workspace role needed on the resource the URL names; the handler resolves the resource and checks it through
 * `services.access`, and the access-matrix test exercises every route against every role.
 */
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  /** `public`: anyone; `user`: signed in (and a CSRF token on mutations). */
  access: 'public' | 'user';
  /** Least workspace role on the named resource (documentation and the access matrix). */
  role?: Role;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Shape of a successful response body, for the spec. */
  response?: z.ZodType;
  /** Success status (default 200; 201 for creations, 204 for no content). */
  status?: number;
  handler(ctx: RouteContext<P, Q, B> & { user: SessionUser | undefined }): Promise<unknown>;
}

export type SignedInHandler<P, Q, B> = (ctx: RouteContext<P, Q, B> & { user: SessionUser }) => Promise<unknown>;

/** Declares a route; a signed-in route's handler gets a non-optional user. */
export function route<P = unknown, Q = unknown, B = unknown>(
  def: Omit<RouteDef<P, Q, B>, 'handler' | 'access'> & ({ access: 'public'; handler: RouteDef<P, Q, B>['handler'] } | { access: 'user'; handler: SignedInHandler<P, Q, B> }),
): RouteDef {
  return def as unknown as RouteDef;
}

const MUTATIONS = new Set<Method>(['POST', 'PATCH', 'PUT', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The path of the first string (value or key) holding U+0000, which PostgreSQL text and jsonb cannot store. Iterative:
 * a body nested 100,000 deep must not overflow the stack.
 */
function nulPath(value: unknown): string[] | undefined {
  interface Node {
    value: unknown;
    key?: string;
    parent?: Node;
  }
  const pathOf = (node: Node | undefined, last?: string): string[] => {
    const path = last === undefined ? [] : [last];
    for (let n = node; n?.key !== undefined; n = n.parent) path.unshift(n.key);
    return path;
  };
  const stack: Node[] = [{ value }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(node);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return pathOf(node, key);
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return undefined;
}

function parse<T>(where: string, schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const nul = nulPath(value);
  if (nul) {
    const path = [where, ...nul].join('.');
    throw new ApiError(400, 'validation_failed', `${path}: must not contain NUL (\\u0000) characters`, [{ path, message: 'must not contain NUL (\\u0000) characters' }]);
  }
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

export function registerRoutes(app: FastifyInstance, routes: readonly RouteDef[], services: Services): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      handler: async (request, reply) => {
        const params = parse('params', def.params, request.params);
        const query = parse('query', def.query, request.query);
        let user: SessionUser | undefined;
        if (def.access === 'user') {
          user = await services.sessions.fromRequest(request);
          if (!user) throw unauthorized();
          if (MUTATIONS.has(def.method) && request.headers[CSRF_HEADER] !== user.csrfToken) {
            throw new ApiError(403, 'csrf_failed', `Missing or wrong ${CSRF_HEADER} header: send the csrfToken from GET /api/auth/session.`);
          }
        }
        const body = parse('body', def.body, request.body);
        const result = await def.handler({ request, reply, params, query, body, services, user });
        if (reply.sent) return reply;
        if (result === undefined) return reply.status(204).send();
        return reply.status(def.status ?? 200).send(result);
      },
    });
  }
}
