/**
 * Runs `fn` until `minRuns` runs and `minMs` have passed (after warm-up); returns the median and p95 in ms. The
 * process is not collected by force between runs: a forced full collection shrinks V8's young generation back to
 * its minimum, so the next run pays for collections a warm process never sees (health at 10k components measured
 * twice as slow that way). Each run's garbage is collected during the runs after it, so the median carries the
 * collection cost at the rate a steadily working process pays it, and the p95 shows the pauses.
 */
export function measure(fn: () => unknown, { minRuns = 15, minMs = 400, warmup = 3 } = {}): { median: number; p95: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length > 2000) break;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, runs: times.length };
}

export function table(rows: Array<Record<string, string | number>>): void {
  const headers = Object.keys(rows[0] ?? {});
  const cell = (v: string | number) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v));
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(cell(r[h]!)).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(headers.map((h) => String(cell(row[h]!)))));
}
