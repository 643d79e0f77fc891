import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnnotations, readDocument, applyChangeSetToYDoc } from '@backarch/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { bundleServer } from '../bundle.mjs';
import { Client } from './testing/app';
import { LiveClient } from './testing/live';
import { ENGINES } from './testing/storage';

const BUNDLE_DIR = new URL('../../../node_modules/.cache/backarch-crash-test/', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real server as a child process and resolves once it listens. */
function start(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BUNDLE_DIR, 'crash-server.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('BackArch is running at')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Resolves once `condition` holds (checked every 5 ms), or after `ms`. */
async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

/** SIGTERM, and wait until the process is gone (two processes must never share one PGlite data directory). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.each(ENGINES)('durability on %s', (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'backarch-crash-'));
  const schema = `crash_${randomBytes(5).toString('hex')}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    await bundleServer(BUNDLE_DIR, 'crash-server');
    const port = await freePort();
    env = { PORT: String(port), LOG_LEVEL: 'warn', VERSION_DEBOUNCE_MS: '600000' };
    if (engine === 'pglite') env.BACKARCH_DATA_DIR = dataDir;
    else {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
    }
  });

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });

  it('keeps every acknowledged edit, exactly once, when the server is killed with SIGKILL mid-burst', { timeout: 180_000 }, async () => {
    let server = await start(env);
    const base = `http://127.0.0.1:${env.PORT}`;
    const ann = await new Client(base).signUp('Ann');
    const workspace = (await ann.call('GET', '/api/workspaces')).body.workspaces[0];
    const project = (await ann.call('GET', `/api/workspaces/${workspace.id}/projects`)).body.projects[0];
    const diagram = (await ann.call('POST', `/api/projects/${project.id}/diagrams`, { name: 'Crash test' })).body;

    const editor = new LiveClient(base, diagram.id, ann);
    await editor.synced();
    let killedAt = -1;
    for (let i = 0; i < 600; i++) {
      applyChangeSetToYDoc(editor.doc, { origin: 'user', summary: `Add c-${i}`, ops: [{ op: 'addComponent', component: { id: `c-${i}`, type: 'service' } }] });
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 2));
      // on a busy machine the acknowledgements trail the burst: let them reach 150 with ~150 more edits in flight
      if (killedAt < 0 && i === 299) await until(() => editor.acked >= 150, 60_000);
      if (killedAt < 0 && editor.acked >= 150) {
        killedAt = i;
        server.kill('SIGKILL');
      }
      if (killedAt >= 0 && i > killedAt + 50) break;
    }
    if (killedAt < 0) server.kill('SIGKILL'); // never leave it holding the port for the next test
    expect(killedAt, 'the server acknowledged edits before the kill').toBeGreaterThan(0);
    await new Promise<void>((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve())));
    await new Promise((r) => setTimeout(r, 200)); // acknowledgements already on the wire are still read
    const acked = editor.acked;
    expect(acked).toBeLessThan(editor.sent);
    editor.destroy();

    server = await start(env);
    try {
      const { body } = await ann.call('GET', `/api/diagrams/${diagram.id}`);
      const ids = new Set<string>(body.document.components.map((c: { id: string }) => c.id));
      for (let i = 0; i < acked; i++) expect(ids.has(`c-${i}`), `acknowledged edit c-${i} survived`).toBe(true);

      const reader = new LiveClient(base, diagram.id, ann);
      await reader.synced();
      const summaries = readAnnotations(reader.doc).map((a) => a.summary);
      for (let i = 0; i < acked; i++) expect(summaries.filter((s) => s === `Add c-${i}`).length, `c-${i} recorded once`).toBe(1);
      expect(new Set(summaries).size).toBe(summaries.length);
      expect(readDocument(reader.doc).document.components.length).toBe(ids.size);
      reader.destroy();
    } finally {
      await stop(server);
    }
  });

  it('records pending versions and drains the log on SIGTERM before it exits', { timeout: 180_000 }, async () => {
    let server = await start(env);
    const base = `http://127.0.0.1:${env.PORT}`;
    const bob = await new Client(base).signUp('Bob');
    const workspace = (await bob.call('GET', '/api/workspaces')).body.workspaces[0];
    const project = (await bob.call('GET', `/api/workspaces/${workspace.id}/projects`)).body.projects[0];
    const diagram = (await bob.call('POST', `/api/projects/${project.id}/diagrams`, { name: 'Shutdown test' })).body;
    const change = { origin: 'ai', summary: 'Add a worker', ops: [{ op: 'addComponent', component: { id: 'worker', type: 'service' } }] };
    expect((await bob.call('POST', `/api/diagrams/${diagram.id}/changes`, { changeSet: change })).status).toBe(200);
    // versions wait 10 minutes of quiet here: only the shutdown can record this one
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

    server = await start(env);
    try {
      const versions = (await bob.call('GET', `/api/diagrams/${diagram.id}/versions`)).body.versions;
      expect(versions[0]).toMatchObject({ number: 2, components: { before: 0, after: 1 }, changes: [{ origin: 'ai', summary: 'Add a worker' }] });
    } finally {
      await stop(server);
    }
  });
});
