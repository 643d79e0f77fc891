// The health score at scale: every rule over one graph index (with the price book, as `backarch check` runs it), on
// the generator's four shapes, and `backarch check` against `backarch validate` as whole processes. Targets are
// printed beside the figures; benchmarks never fail. Generated designs are large first drafts: 5 % of calls and
// databases lack a circuit breaker or standby (~1 finding per 10 components). The "bare" rows flaw every call and
// database (~1 finding per component): the cost of writing findings, messages and fixes. The last table scores the
// random design as read back from its file (the way `backarch check` and the server see it) and under SOC 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPriceBook, health, parseDocument, serializeDocument, type ArchDocument } from '../packages/core/src/index';
import { generateArchitecture, type GeneratedShape } from '../packages/core/src/testing/generate';
import { PRICE_RECORDS } from '../packages/pricebook/src/index';
import { measure, table } from './harness';

const SHAPES: GeneratedShape[] = ['random', 'layered', 'star', 'grid'];
const SIZES = [1_000, 10_000, 100_000];
const book = createPriceBook(PRICE_RECORDS);

const rows: Array<Record<string, string | number>> = [];
const median = new Map<string, number>();
for (const size of SIZES) {
  for (const shape of SHAPES) {
    const doc = generateArchitecture({ shape, components: size, seed: 1 });
    const options = size >= 100_000 ? { minRuns: 9, minMs: 0, warmup: 1 } : {};
    const result = health(doc, { book });
    const t = measure(() => health(doc, { book }), options);
    median.set(`${shape} ${size}`, t.median);
    rows.push({
      shape,
      components: size,
      connections: doc.connections.length,
      findings: result.findings.length,
      'median ms': t.median,
      'p95 ms': t.p95,
      'µs/finding': (t.median * 1000) / Math.max(1, result.findings.length),
      runs: t.runs,
      target: '',
    });
  }
}
for (const row of rows) {
  const { shape, components } = row as { shape: string; components: number };
  const targets: string[] = [];
  if (components === 10_000) targets.push(`≤ 25 ms ${median.get(`${shape} 10000`)! <= 25 ? '✓' : '✗'}`);
  if (components === 100_000) {
    const ratio = median.get(`${shape} 100000`)! / median.get(`${shape} 10000`)!;
    targets.push(`≤ 12× 10k: ${ratio.toFixed(1)}× ${ratio <= 12 ? '✓' : '✗'}`);
  }
  if (shape === 'layered') {
    const ratio = median.get(`layered ${components}`)! / median.get(`random ${components}`)!;
    targets.push(`≤ random: ${ratio.toFixed(2)}× ${ratio <= 1 ? '✓' : '✗'}`);
  }
  row.target = targets.join('; ');
}
table(rows);

// The floor under any linear analysis of a document held as JavaScript objects: index the ids, resolve each
// connection's ends, build the adjacency and walk it once. Its own 100k ÷ 10k ratio is the processor's memory
// hierarchy at work (a 10k design stays in the caches through a run, a 100k one streams from memory on every pass),
// so health ÷ floor, not health ÷ health, shows whether the rules add anything worse than linear.
console.log('');
const floorRows: Array<Record<string, string | number>> = [];
for (const shape of SHAPES) {
  const floor: number[] = [];
  for (const size of [10_000, 100_000]) {
    const doc = generateArchitecture({ shape, components: size, seed: 1 });
    floor.push(measure(() => memoryFloor(doc), size >= 100_000 ? { minRuns: 9, minMs: 0, warmup: 1 } : {}).median);
  }
  const [small, large] = [floor[0]!, floor[1]!];
  floorRows.push({
    'floor (index, ends, adjacency, one walk)': shape,
    '10k ms': small,
    '100k ms': large,
    '100k ÷ 10k': `${(large / small).toFixed(1)}×`,
    'health ÷ floor, 10k': `${(median.get(`${shape} 10000`)! / small).toFixed(1)}×`,
    'health ÷ floor, 100k': `${(median.get(`${shape} 100000`)! / large).toFixed(1)}×`,
  });
}
table(floorRows);

console.log('');
const bareRows: Array<Record<string, string | number>> = [];
for (const shape of SHAPES) {
  const doc = generateArchitecture({ shape, components: 10_000, seed: 1, defectRate: 1 });
  const result = health(doc, { book });
  const t = measure(() => health(doc, { book }));
  bareRows.push({ 'bare design': shape, components: 10_000, findings: result.findings.length, 'median ms': t.median, 'p95 ms': t.p95, 'µs/finding': (t.median * 1000) / result.findings.length, runs: t.runs });
}
table(bareRows);

// The same random designs as `backarch check` and the server hold them: written canonically and parsed back (sorted
// by id, objects made by the JSON reader and the schema rather than by the generator).
console.log('');
const otherRows: Array<Record<string, string | number>> = [];
const loadedMedian: number[] = [];
for (const size of [10_000, 100_000]) {
  const parsed = parseDocument(serializeDocument(generateArchitecture({ shape: 'random', components: size, seed: 1 })));
  if (!parsed.ok) throw new Error('generated document does not parse');
  const doc = parsed.document;
  const t = measure(() => health(doc, { book }), size >= 100_000 ? { minRuns: 9, minMs: 0, warmup: 1 } : {});
  loadedMedian.push(t.median);
  const ratio = size >= 100_000 ? t.median / loadedMedian[0]! : undefined;
  otherRows.push({
    design: 'random, loaded from its file',
    components: size,
    'median ms': t.median,
    'p95 ms': t.p95,
    runs: t.runs,
    target: ratio === undefined ? `≤ 25 ms ${t.median <= 25 ? '✓' : '✗'}` : `≤ 12× 10k: ${ratio.toFixed(1)}× ${ratio <= 12 ? '✓' : '✗'}`,
  });
}
// Under SOC 2 the mtls and encryption-at-rest rules run too: the generated calls have no mTLS, so one finding lists
// every internal call (~19,000 at 10k) with a fix op for each.
const soc2 = generateArchitecture({ shape: 'random', components: 10_000, seed: 1 });
soc2.constraints = { ...soc2.constraints, compliance: ['soc2'] };
const soc2Time = measure(() => health(soc2, { book }));
otherRows.push({ design: 'random, under SOC 2', components: 10_000, 'median ms': soc2Time.median, 'p95 ms': soc2Time.p95, runs: soc2Time.runs, target: `≤ 25 ms ${soc2Time.median <= 25 ? '✓' : '✗'}` });
table(otherRows);

// whole processes on a generated 10k-component file (benchmarks run from the repository root)
const bin = 'packages/cli/bin/backarch.js';
const file = join(mkdtempSync(join(tmpdir(), 'backarch-bench-')), 'layered-10k.backarch.json');
writeFileSync(file, serializeDocument(generateArchitecture({ shape: 'layered', components: 10_000, seed: 1 })));
const cli = (...args: string[]) => measure(() => execFileSync(process.execPath, [bin, ...args], { stdio: 'ignore' }), { minRuns: 7, minMs: 0, warmup: 1 });
const validate = cli('validate', file);
const check = cli('check', file);
const checkJson = cli('check', file, '--json');
const cliRows: Array<Record<string, string | number>> = [
  { command: 'backarch validate (10k layered)', 'median ms': validate.median, 'p95 ms': validate.p95, target: '' },
  { command: 'backarch check (10k layered)', 'median ms': check.median, 'p95 ms': check.p95, target: `≤ 1.5× validate: ${(check.median / validate.median).toFixed(2)}× ${check.median <= 1.5 * validate.median ? '✓' : '✗'}` },
  { command: 'backarch check --json (10k layered)', 'median ms': checkJson.median, 'p95 ms': checkJson.p95, target: `${(checkJson.median / validate.median).toFixed(2)}× validate` },
];
console.log('');
table(cliRows);

/** The least a linear analysis does: one Map of ids, both ends of every connection, compressed rows, a walk from the first component. */
function memoryFloor(doc: ArchDocument): number {
  const n = doc.components.length;
  const m = doc.connections.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(doc.components[i]!.id, i);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const c = doc.connections[e]!;
    from[e] = index.get(c.from)!;
    to[e] = index.get(c.to)!;
  }
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const next = new Int32Array(m);
  for (let e = 0; e < m; e++) next[fill[from[e]!]!++] = to[e]!;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 1;
  seen[0] = 1;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      if (seen[next[k]!]) continue;
      seen[next[k]!] = 1;
      queue[tail++] = next[k]!;
    }
  }
  return tail;
}
