import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserStatus, type E2eContext } from './browser';

const ROOT = resolve(import.meta.dirname, '../../..');
const at = (...parts: string[]) => join(ROOT, ...parts);

/** Newest modification time under the given files and directories (test files and build output ignored). */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist' && entry !== '__golden__') visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path)) latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

const builtAt = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : -1);

function buildIfStale(workspace: string, output: string, sources: string[]): void {
  if (builtAt(output) >= newest(sources)) return;
  try {
    execFileSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building ${workspace} for the end-to-end tests failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Starts `node packages/server/bin/backarch-server.js` and resolves with the URL it prints. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', BACKARCH_DATA_DIR: dataDir, LOG_LEVEL: 'warn', WEB_DIST: at('packages/web/dist') };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [at('packages/server/bin/backarch-server.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not say it was running within 90 s. Its output:\n${output}`));
    }, 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BackArch is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${signal ?? code}) before it was ready. Its output:\n${output}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const browser = browserStatus();
  const context: E2eContext = { ...browser, baseUrl: null };
  if (browser.missing) {
    project.provide('e2e', context);
    return;
  }
  buildIfStale('@backarch/server', at('packages/server/dist/backarch-server.js'), [
    at('packages/server/src'),
    at('packages/server/build.mjs'),
    at('packages/server/bundle.mjs'),
    at('packages/core/src'),
    at('packages/sync/src'),
  ]);
  buildIfStale('@backarch/web', at('packages/web/dist/index.html'), [
    at('packages/web/src'),
    at('packages/web/index.html'),
    at('packages/web/vite.config.ts'),
    at('packages/core/src'),
    at('packages/sync/src'),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'backarch-e2e-'));
  const server = await startServer(dataDir).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide('e2e', { ...context, baseUrl: server.url });
  return async () => {
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
