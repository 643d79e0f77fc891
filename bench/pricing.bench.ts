// Traffic + pricing at scale, and the CLI's start-up with the price book (issue #3 targets, printed beside figures).
import { execFileSync } from 'node:child_process';
import { createPriceBook, price, traffic } from '../packages/core/src/index';
import { generateArchitecture } from '../packages/core/src/testing/generate';
import { PRICE_RECORDS } from '../packages/pricebook/src/index';
import { measure, table } from './harness';

const book = createPriceBook(PRICE_RECORDS);
const rows: Array<Record<string, string | number>> = [];
for (const size of [1_000, 10_000]) {
  const doc = generateArchitecture({ shape: 'layered', components: size, seed: 1 });
  // the same design with every service sized differently: no two bills can be shared (the engine's worst case)
  const distinct = { ...doc, components: doc.components.map((c, i) => (c.type === 'service' ? { ...c, config: { ...c.config, memoryMb: 512 + i } } : c)) };
  const t = measure(() => traffic(doc));
  const p = measure(() => price(doc, book));
  const d = measure(() => price(distinct, book));
  const target = (ms: number) => (size === 10_000 ? `≤ 20 ms ${ms <= 20 ? '✓' : '✗'}` : '');
  rows.push({ components: size, operation: 'traffic(doc)', 'median ms': t.median, 'p95 ms': t.p95, target: '' });
  rows.push({ components: size, operation: 'price(doc) incl. traffic', 'median ms': p.median, 'p95 ms': p.p95, target: target(p.median) });
  rows.push({ components: size, operation: '… every service sized differently', 'median ms': d.median, 'p95 ms': d.p95, target: '' });
}
const loadBook = measure(() => createPriceBook(PRICE_RECORDS), { minRuns: 10 });
rows.push({ components: '-', operation: `createPriceBook (${PRICE_RECORDS.length} records)`, 'median ms': loadBook.median, 'p95 ms': loadBook.p95, target: '' });

// benchmarks run from the repository root (bench/run.mjs sets the working directory)
const bin = 'packages/cli/bin/backarch.js';
const example = 'examples/microservices-shop.backarch.json';
const startup = measure(() => execFileSync(process.execPath, [bin, 'price', example, '--json'], { stdio: 'ignore' }), { minRuns: 10, warmup: 1 });
rows.push({ components: '-', operation: 'backarch price (whole process)', 'median ms': startup.median, 'p95 ms': startup.p95, target: `≤ 300 ms ${startup.median <= 300 ? '✓' : '✗'}` });
table(rows);
