import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';

export const SESSION_COOKIE = 'backarch_session';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
  csrfToken: string;
}

/** Only a hash of the session token is stored: a database leak does not hand out sessions. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('base64url');

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie value is ignored, not an error
    }
  }
  return cookies;
}

/** Server-side sessions in an httpOnly, SameSite=Lax cookie (Secure over https). */
export class Sessions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Pick<Config, 'sessionDays' | 'cookieSecure'>,
  ) {}

  async create(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<{ csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expires = new Date(Date.now() + this.config.sessionDays * 86400_000);
    await this.db.insertInto('sessions').values({ id: sessionId(token), user_id: userId, csrf_token: csrfToken, expires_at: expires }).execute();
    reply.header('set-cookie', this.cookie(request, token, expires));
    return { csrfToken };
  }

  /** The signed-in user of a request (cookie), or undefined. Works for WebSocket upgrade requests too. */
  async fromCookieHeader(header: string | undefined): Promise<SessionUser | undefined> {
    const token = parseCookies(header)[SESSION_COOKIE];
    if (!token || token.length > 200) return undefined;
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'sessions.id as sessionId', 'sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.id', '=', sessionId(token))
      .executeTakeFirst();
    if (!row || new Date(row.expires_at).getTime() < Date.now()) return undefined;
    return { id: row.id, email: row.email, name: row.name, sessionId: row.sessionId, csrfToken: row.csrf_token };
  }

  fromRequest(request: FastifyRequest): Promise<SessionUser | undefined> {
    return this.fromCookieHeader(request.headers.cookie);
  }

  async destroy(user: SessionUser, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', user.sessionId).execute();
    reply.header('set-cookie', this.cookie(request, '', new Date(0)));
  }

  private cookie(request: FastifyRequest, value: string, expires: Date): string {
    const secure = this.config.cookieSecure === 'auto' ? request.protocol === 'https' : this.config.cookieSecure;
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? '; Secure' : ''}`;
  }
}
