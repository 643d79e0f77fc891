/** Money for people: "$1,234.56"; exact values stay in --json output. */
export function usd(value: string | number | null, digits = 2): string {
  if (value === null) return 'unknown';
  const n = Number(value);
  const sign = n < 0 ? '-' : '';
  return `${sign}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** Signed money for deltas: "+$12.00", "-$3.50", "$0.00". */
export function signedUsd(value: string | number): string {
  const n = Number(value);
  return n > 0 ? `+${usd(n)}` : usd(n);
}

/** Quantities: up to 4 significant decimals, thousands separated. */
export function quantity(n: number): string {
  if (n !== 0 && Math.abs(n) < 0.01) return n.toPrecision(3);
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A plain text table with aligned columns; numbers (cells starting with $, +, - or a digit) right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string) => /^[-+$\d]/.test(cell);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
