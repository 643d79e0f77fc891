import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords';
import { ApiError, conflict } from '../http/errors';
import { route } from '../http/route';
import { email, name, userOut } from './schemas';

const password = z.string().min(10, { error: 'must be at least 10 characters' }).max(200);
const sessionOut = z.object({ user: userOut, csrfToken: z.string() });

export const AUTH_ROUTES = [
  route({
    method: 'POST',
    url: '/api/auth/signup',
    summary: 'Create an account (and its personal workspace) and sign in',
    tag: 'auth',
    access: 'public',
    status: 201,
    body: z.object({ email, password, name }).strict(),
    response: sessionOut,
    async handler({ body, services, request, reply }) {
      const { db } = services;
      const taken = await db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst();
      if (taken) throw conflict('An account with this e-mail already exists; sign in instead.');
      const user = { id: randomUUID(), email: body.email, name: body.name, password_hash: await hashPassword(body.password) };
      const workspaceId = randomUUID();
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('users').values(user).execute();
        await tx.insertInto('workspaces').values({ id: workspaceId, name: `${body.name}'s workspace`, personal: true }).execute();
        await tx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: user.id, role: 'owner' }).execute();
        await tx.insertInto('projects').values({ id: randomUUID(), workspace_id: workspaceId, name: 'First project', created_by: user.id, updated_by: user.id }).execute();
      }).catch((error: { code?: string }) => {
        // two sign-ups racing for one e-mail: the unique index decides
        if (error.code === '23505') throw conflict('An account with this e-mail already exists; sign in instead.');
        throw error;
      });
      const { csrfToken } = await services.sessions.create(user.id, request, reply);
      return { user: { id: user.id, email: user.email, name: user.name }, csrfToken };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/signin',
    summary: 'Sign in with e-mail and password (rate limited per e-mail and per client address)',
    tag: 'auth',
    access: 'public',
    body: z.object({ email, password: z.string().min(1).max(200) }).strict(),
    response: sessionOut,
    async handler({ body, services, request, reply }) {
      const { perEmail, perAddress } = services.signInLimits;
      // counted as failed before the password is checked (which takes a while), so parallel guesses all count; a
      // success takes its attempt back
      const [byEmail, byAddress] = await Promise.all([perEmail.attempt(body.email), perAddress.attempt(request.ip)]);
      if (!byEmail.ok || !byAddress.ok) {
        // a refused attempt is not a failure: the other limit takes its count back
        await Promise.all([byEmail.ok && perEmail.forgive(body.email, byEmail.id), byAddress.ok && perAddress.forgive(request.ip, byAddress.id)]);
        const wait = Math.max(byEmail.ok ? 0 : byEmail.retryAfter, byAddress.ok ? 0 : byAddress.retryAfter);
        throw new ApiError(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
      }
      const user = await services.db.selectFrom('users').selectAll().where('email', '=', body.email).executeTakeFirst();
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await DUMMY_HASH));
      if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password.');
      await Promise.all([perEmail.reset(body.email), perAddress.forgive(request.ip, byAddress.id)]);
      const { csrfToken } = await services.sessions.create(user.id, request, reply);
      return { user: { id: user.id, email: user.email, name: user.name }, csrfToken };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/signout',
    summary: 'Sign out (ends this session)',
    tag: 'auth',
    access: 'user',
    status: 204,
    async handler({ user, services, request, reply }) {
      await services.sessions.destroy(user, request, reply);
      services.live.disconnect({ sessionId: user.sessionId });
      return undefined;
    },
  }),
  route({
    method: 'GET',
    url: '/api/auth/session',
    summary: 'The signed-in user and the CSRF token to send with mutations',
    tag: 'auth',
    access: 'user',
    response: sessionOut,
    async handler({ user }) {
      return { user: { id: user.id, email: user.email, name: user.name }, csrfToken: user.csrfToken };
    },
  }),
];
