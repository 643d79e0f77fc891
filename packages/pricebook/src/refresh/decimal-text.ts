/**
 * Exact decimal text for the price parsers. `packages/pricebook/src` may import only core's *types* (eslint enforces
 * DESIGN.md's package table), so this is a small local twin of core's `decimal.ts`: a BigInt mantissa with a
 * power-of-ten scale, and plain-text output without exponents. Every unit conversion in `refresh/` goes through here:
 * per token → per 1M tokens is `shift(x, 6)`, Azure "10 executions" → per 1M is `times(x, '100000')`, GCP units+nanos
 * is `unitsNanos(units, nanos)`. No binary floating point touches a price.
 */

interface Dec {
  units: bigint;
  scale: number;
}

const PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const pow10 = (n: number) => 10n ** BigInt(n);

function normalize(d: Dec): Dec {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/**
 * Reads a decimal from source text ("0.0960000000", "3e-06") or from a JSON number. A JSON number is read through
 * its shortest round-trip text (`String(n)`), which is the text the provider's serializer wrote ("1.6e-05" parses to
 * the double whose shortest text is "0.000016"), so no binary noise gets in.
 */
function parse(value: string | number): Dec {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = PATTERN.exec(text);
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = '', exponentText] = match;
  let units = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - (exponentText ? Number(exponentText) : 0);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return normalize({ units: sign === '-' ? -units : units, scale });
}

function text(d: Dec): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/** True when `value` is decimal text or a finite number this module can read. */
export function isDecimal(value: unknown): value is string | number {
  return (typeof value === 'string' && PATTERN.test(value.trim())) || (typeof value === 'number' && Number.isFinite(value));
}

/** Plain, normalized decimal text: "0.0960000000" → "0.096", 3e-06 → "0.000003", "15.0" → "15". */
export const decimalText = (value: string | number): string => text(parse(value));

/** value × 10^places (places may be negative): a decimal-point shift, always exact. */
export function shift(value: string | number, places: number): string {
  const d = parse(value);
  return places >= 0 ? text(normalize({ units: d.units * pow10(places), scale: d.scale })) : text(normalize({ units: d.units, scale: d.scale - places }));
}

/** a × b, exact. */
export function times(a: string | number, b: string | number): string {
  const x = parse(a);
  const y = parse(b);
  return text(normalize({ units: x.units * y.units, scale: x.scale + y.scale }));
}

export function plus(a: string | number, b: string | number): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return text(normalize({ units: x + y, scale }));
}

export function minus(a: string | number, b: string | number): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return text(normalize({ units: x - y, scale }));
}

/**
 * a ÷ b rounded half-up to `digits` decimal places. Exact whenever b is a product of 2s and 5s (powers of ten, 1024
 * is not: GiB ÷ 1024 ends after 10 digits) and the result fits in `digits`; callers that divide by anything else
 * (a currency rate, hours in a term) say so where they do it.
 */
export function divide(a: string | number, b: string | number, digits = 18): string {
  const x = parse(a);
  const y = parse(b);
  if (y.units === 0n) throw new Error('division by zero');
  const numerator = x.units * pow10(digits + y.scale);
  const denominator = y.units * pow10(x.scale);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const roundUp = 2n * abs(remainder) >= abs(denominator);
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  return text(normalize({ units: roundUp ? quotient + sign : quotient, scale: digits }));
}

/** True when a ÷ b has a finite decimal expansion within `digits` places (so `divide` is exact). */
export function dividesExactly(a: string | number, b: string | number, digits = 18): boolean {
  const quotient = divide(a, b, digits);
  return compare(times(quotient, b), a) === 0;
}

export function compare(a: string | number, b: string | number): -1 | 0 | 1 {
  const [x, y] = align(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (value: string | number): boolean => parse(value).units === 0n;

/** GCP Money: `units` (int64 as a string) + `nanos` (billionths) as exact text: ("0", 120000000) → "0.12". */
export function unitsNanos(units: string | number | undefined, nanos: number | undefined): string {
  const u = BigInt(units === undefined || units === '' ? 0 : String(units));
  const n = BigInt(nanos ?? 0);
  return text(normalize({ units: u * 1_000_000_000n + n, scale: 9 }));
}
