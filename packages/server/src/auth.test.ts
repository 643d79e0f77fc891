import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './auth/rate-limit';
import { Client, testServer, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

describe.each(ENGINES)('accounts on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(engine);
  });
  afterAll(() => server.close());

  it('signs up into a personal workspace with a first project, and keeps the session in an httpOnly cookie', async () => {
    const client = new Client(server.url);
    const reply = await client.call('POST', '/api/auth/signup', { email: 'Ada@Example.com', password: 'correct horse battery staple', name: 'Ada' });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^backarch_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const workspaces = (await client.call('GET', '/api/workspaces')).body.workspaces;
    expect(workspaces).toEqual([expect.objectContaining({ name: "Ada's workspace", personal: true, role: 'owner' })]);
    const projects = (await client.call('GET', `/api/workspaces/${workspaces[0].id}/projects`)).body.projects;
    expect(projects.map((p: { name: string }) => p.name)).toEqual(['First project']);
  });

  it('refuses a second account for the same e-mail, whatever its case', async () => {
    await new Client(server.url).signUp('Bob', 'bob@example.com');
    const again = await new Client(server.url).call('POST', '/api/auth/signup', { email: 'BOB@example.com', password: 'another long password', name: 'Bob 2' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('validates sign-up input with a path per problem', async () => {
    const reply = await new Client(server.url).call('POST', '/api/auth/signup', { email: 'not-an-email', password: 'short', name: '' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.email', 'body.name', 'body.password']);
  });

  it('signs in, reports the session with its CSRF token, and signs out', async () => {
    await new Client(server.url).signUp('Cy', 'cy@example.com');
    const client = new Client(server.url);
    expect((await client.call('GET', '/api/auth/session')).status).toBe(401);
    const wrong = await client.call('POST', '/api/auth/signin', { email: 'cy@example.com', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('Wrong e-mail or password.');
    const ok = await client.call('POST', '/api/auth/signin', { email: 'CY@example.com', password: 'correct horse battery staple' });
    expect(ok.status).toBe(200);
    const session = await client.call('GET', '/api/auth/session');
    expect(session.body.csrfToken).toBe(ok.body.csrfToken);
    client.csrf = ok.body.csrfToken;
    expect((await client.call('POST', '/api/auth/signout')).status).toBe(204);
    expect((await client.call('GET', '/api/auth/session')).status).toBe(401);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const reply = await new Client(server.url).call('POST', '/api/auth/signin', { email: 'nobody@example.com', password: 'whatever it is' });
    expect(reply.status).toBe(401);
    expect(reply.body.error.message).toBe('Wrong e-mail or password.');
  });

  it('refuses cookie-authenticated mutations without the CSRF token', async () => {
    const client = await new Client(server.url).signUp('Dee');
    const reply = await client.call('POST', '/api/workspaces', { name: 'Sneaky' }, { csrf: false });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf_failed');
    const forged = await client.call('POST', '/api/workspaces', { name: 'Sneaky' }, { csrf: false, headers: { 'x-csrf-token': 'guess' } });
    expect(forged.status).toBe(403);
    expect((await client.call('POST', '/api/workspaces', { name: 'Fine' })).status).toBe(201);
  });

  it('rate-limits failed sign-ins per e-mail with Retry-After', async () => {
    await new Client(server.url).signUp('Eve', 'eve@example.com');
    const client = new Client(server.url);
    for (let i = 0; i < 10; i++) expect((await client.call('POST', '/api/auth/signin', { email: 'eve@example.com', password: `guess number ${i}` })).status).toBe(401);
    const blocked = await client.call('POST', '/api/auth/signin', { email: 'eve@example.com', password: 'correct horse battery staple' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.body.error.code).toBe('too_many_attempts');
  });

  it('counts parallel failed sign-ins before their passwords are checked: the 11th at once is refused', async () => {
    await new Client(server.url).signUp('Fay', 'fay@example.com');
    const guesses = await Promise.all(
      Array.from({ length: 11 }, (_, i) => new Client(server.url).call('POST', '/api/auth/signin', { email: 'fay@example.com', password: `parallel guess ${i}` })),
    );
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    const blocked = await new Client(server.url).call('POST', '/api/auth/signin', { email: 'fay@example.com', password: 'correct horse battery staple' });
    expect(blocked.status).toBe(429);
  });

  it('takes back the count of a successful sign-in from the client address limit', async () => {
    await new Client(server.url).signUp('Gus', 'gus@example.com');
    const limits = server.services.signInLimits;
    const original = limits.perAddress;
    limits.perAddress = new MemoryRateLimiter(2);
    try {
      const signIn = async (password: string) => (await new Client(server.url).call('POST', '/api/auth/signin', { email: 'gus@example.com', password })).status;
      for (let i = 0; i < 3; i++) expect(await signIn('correct horse battery staple')).toBe(200);
      expect(await signIn('wrong guess one')).toBe(401);
      expect(await signIn('wrong guess two')).toBe(401);
      expect(await signIn('correct horse battery staple')).toBe(429);
    } finally {
      limits.perAddress = original;
    }
  });
});
