import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';

/** An error the API answers with: `{ error: { code, message, details? } }` and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Sign in first.') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);

/** zod issues as `{ path, message }` with a dotted path ("body.name", "query.limit"). */
export function validationError(where: string, error: z.ZodError): ApiError {
  const details = error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
  const first = details[0]!;
  return new ApiError(400, 'validation_failed', `${first.path}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
}

/** Maps every error to the API's error shape; never leaks internals, and bad input never becomes a 500. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply
        .status(error.status)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    if (status === 415) return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json).' } });
    // what Fastify refuses before a handler runs is the body (malformed or empty JSON, a prototype-poisoning key)
    if (status === 400) return reply.status(400).send({ error: { code: 'invalid_body', message: error.message, details: [{ path: 'body', message: error.message }] } });
    if (status > 400 && status < 500) return reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } });
  });
}

/** The JSON 404 for a path no route serves. */
export const noRoute = (method: string, url: string) => ({ error: { code: 'not_found', message: `No route ${method} ${url.split('?')[0]}.` } });

/** Errors the router raises before any route runs (an undecodable URL, an over-long path parameter), in the API's shape. */
export function frameworkError(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  void reply.status(status).send({ error: { code: status === 414 ? 'uri_too_long' : 'bad_url', message: error.message, details: [{ path: 'params', message: error.message }] } });
}

/**
 * What Node refuses before Fastify sees a request (headers over 16 KB, a request timeout, malformed HTTP), in the API's
 * error shape like everything else; otherwise as Fastify's default handler does.
 */
export function clientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The address or headers are too large (16 KB at most).']
        : [400, 'Bad Request', 'bad_request', 'Malformed HTTP request.'];
  const body = JSON.stringify({ error: { code, message, ...(status === 400 && { details: [{ path: 'request', message }] }) } });
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
  socket.destroy(error);
}
