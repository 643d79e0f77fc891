// Server benchmarks: edit → durably stored latency under load, GET /api/diagrams/:id throughput, and load time of big
// diagrams from storage. Runs on embedded PGlite in a temp dir, or on PostgreSQL when BENCH_DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocument } from '@backarch/core';
import autocannon from 'autocannon';
import * as Y from 'yjs';
import { readDocument } from '@backarch/sync';
import { generateArchitecture } from '../../core/src/testing/generate';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrate, openStorage } from '../src/db/database';
import { Client } from '../src/testing/app';
import { LiveClient } from '../src/testing/live';
import { table } from '../../../bench/harness';

const dataDir = mkdtempSync(join(tmpdir(), 'backarch-bench-'));
const storage = await openStorage({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir });
await migrate(storage.db);
const { fastify, services } = await buildApp(loadConfig({ LOG_LEVEL: 'silent', VERSION_DEBOUNCE_MS: '2500' }), storage, { logger: false });
await fastify.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(fastify.server.address() as { port: number }).port}`;
console.log(`engine: ${storage.engine}; node ${process.version}; ${(await import('node:os')).cpus().length} cores`);

const user = await new Client(base).signUp('Bench');
const workspace = (await user.call('GET', '/api/workspaces')).body.workspaces[0];
const project = (await user.call('GET', `/api/workspaces/${workspace.id}/projects`)).body.projects[0];
const create = async (document: unknown) => {
  const reply = await user.call('POST', `/api/projects/${project.id}/diagrams`, { document });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body).slice(0, 300));
  return reply.body.id as string;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * `rate` edits per second for `seconds`, spread over 10 diagrams with 2 editors each (a component dragged: its
 * position set in the Y.Doc), each edit timed from the local transaction to the server's "saved" acknowledgement,
 * which comes only after the update is committed to the log.
 */
async function durableLatency(rate: number, seconds: number) {
  const small = generateArchitecture({ shape: 'random', components: 20, seed: 1 });
  const clients: Array<{ live: LiveClient; pending: number[]; latencies: number[]; component: string }> = [];
  for (let d = 0; d < 10; d++) {
    const id = await create(serializeDocument(small));
    for (let k = 0; k < 2; k++) {
      const live = new LiveClient(base, id, user);
      await live.synced();
      const entry = { live, pending: [] as number[], latencies: [] as number[], component: small.components[2 + k]!.id };
      live.provider.on('unsyncedChanges', () => {
        while (entry.pending.length > live.provider.unsyncedChanges) entry.latencies.push(performance.now() - entry.pending.shift()!);
      });
      clients.push(entry);
    }
  }
  // paced by the clock, not by timer ticks: a late tick sends what it owes, so the offered rate holds under load
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    for (; sent < due; sent++) {
      const c = clients[sent % clients.length]!;
      const item = (c.live.doc.getMap('components') as Y.Map<Y.Map<unknown>>).get(c.component)!;
      c.pending.push(performance.now());
      item.set('position', { x: sent % 1000, y: Math.floor(sent / 1000) });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const elapsed = (performance.now() - start) / 1000;
  const drainStart = performance.now();
  while (clients.some((c) => c.pending.length > 0) && performance.now() - drainStart < 30_000) await new Promise((r) => setTimeout(r, 10));
  const all = clients.flatMap((c) => c.latencies).sort((a, b) => a - b);
  for (const c of clients) c.live.destroy();
  return { offered: Math.round(sent / elapsed), acked: all.length, p50: percentile(all, 0.5), p95: percentile(all, 0.95), p99: percentile(all, 0.99) };
}

const latencyRows = [];
for (const rate of [1000, 2000]) {
  const r = await durableLatency(rate, 10);
  latencyRows.push({ 'target updates/s': rate, 'offered/s': r.offered, acknowledged: r.acked, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'target p99': rate === 2000 ? '≤ 250 ms' : '' });
}
console.log('\nEdit → durably stored (acknowledged after commit)');
table(latencyRows);

// load from storage: snapshot + log → Y.Doc (what opening a live document costs) → validated JSON document; then the
// same request again, served from the derived-document cache after one position query
const timeIt = async (runs: number, fn: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
};
const loadRows = [];
for (const n of [1000, 10000]) {
  const id = await create(serializeDocument(generateArchitecture({ shape: 'layered', components: n, seed: 2 })));
  const runs = n > 5000 ? 5 : 15;
  const open = await timeIt(runs, async () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, (await services.log.load(id))!);
    return ydoc;
  });
  const derive = await timeIt(runs, async () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, (await services.log.load(id))!);
    return readDocument(ydoc);
  });
  const cached = await timeIt(runs, () => services.live.current(id));
  loadRows.push({
    components: n,
    'open Y.Doc median ms': percentile(open, 0.5),
    'open + derive JSON median ms': percentile(derive, 0.5),
    'p95 ms': percentile(derive, 0.95),
    'unchanged since last read ms': percentile(cached, 0.5),
    target: n === 1000 ? '≤ 50 ms' : '',
  });
}
console.log('\nLoad a diagram from storage');
table(loadRows);

// GET /api/diagrams/:id on a stored (not live) 50-component diagram
const getId = await create(serializeDocument(generateArchitecture({ shape: 'random', components: 50, seed: 3 })));
const result = await autocannon({ url: `${base}/api/diagrams/${getId}`, connections: 10, duration: 10, headers: { cookie: user.cookie } });
console.log('\nGET /api/diagrams/:id (50 components, from storage; autocannon, 10 connections, 10 s)');
table([{ 'req/s (mean)': Math.round(result.requests.average), 'latency p50 ms': result.latency.p50, 'latency p99 ms': result.latency.p99, non2xx: result.non2xx }]);

await services.live.close();
await fastify.close();
await storage.close();
rmSync(dataDir, { recursive: true, force: true });
