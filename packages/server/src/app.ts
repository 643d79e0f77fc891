import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Storage } from './db/database';
import { clientError, frameworkError, installErrorHandling, noRoute } from './http/errors';
import { registerRoutes, type RouteDef } from './http/route';
import { AUTH_ROUTES } from './routes/auth';
import { DIAGRAM_ROUTES } from './routes/diagrams';
import { metaRoutes } from './routes/meta';
import { PROJECT_ROUTES } from './routes/projects';
import { VERSION_ROUTES } from './routes/versions';
import { WORKSPACE_ROUTES } from './routes/workspaces';
import { createServices, type Services } from './services';

/** Largest request body (an imported 10,000-component document is ~3 MB). */
export const BODY_LIMIT = 8 * 1024 * 1024;

/** Every API route, in the order the spec lists them. */
export function apiRoutes(): RouteDef[] {
  const routes: RouteDef[] = [...AUTH_ROUTES, ...WORKSPACE_ROUTES, ...PROJECT_ROUTES, ...DIAGRAM_ROUTES, ...VERSION_ROUTES];
  // the spec documents every route, its own and the health checks included
  const all: RouteDef[] = [...metaRoutes(() => all), ...routes];
  return all;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface App {
  fastify: FastifyInstance;
  services: Services;
  routes: RouteDef[];
}

/** The HTTP server: API under /api, collaboration WebSocket at /collab, the web app at /. Not listening yet. */
export async function buildApp(config: Config, storage: Storage, options: { logger?: boolean; redisPrefix?: string } = {}): Promise<App> {
  const fastify = Fastify({
    logger: options.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // no request may hold a connection forever
    requestTimeout: 60_000,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  const services = createServices(config, storage, fastify.log, { redisPrefix: options.redisPrefix });
  // after LiveDocuments.close (which closes the relay's connections): the command connection goes with the server
  fastify.addHook('onClose', async () => services.redis?.close());
  installErrorHandling(fastify);
  await fastify.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT } });

  fastify.get('/collab', { websocket: true }, (socket, request) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(key, value);
    const connection = services.live.hocuspocus.handleConnection(socket as never, new Request(`http://${request.headers.host ?? 'localhost'}${request.url}`, { headers }));
    socket.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    socket.on('close', (code: number, reason: Buffer) => connection.handleClose({ code, reason: reason.toString() }));
  });

  const routes = apiRoutes();
  registerRoutes(fastify, routes, services);

  const webDist = config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(webDist);
  if (hasWeb) await fastify.register(fastifyStatic, { root: webDist, wildcard: false });
  fastify.setNotFoundHandler((request, reply) => {
    // a page address of the web app gets the app; API paths keep their JSON 404
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) return reply.sendFile('index.html');
    return reply.status(404).send(noRoute(request.method, request.url));
  });
  return { fastify, services, routes };
}
