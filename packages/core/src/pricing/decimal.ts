/**
 * Exact decimal arithmetic for money: prices arrive as decimal strings ("0.0000166667") and bills must add up to the
 * cent without binary floating-point noise ((0.1664 − 0.0832) × 730 is exactly 60.736). A value is a BigInt
 * mantissa with a power-of-ten scale. Only what pricing needs: add, subtract, multiply, compare, format.
 */
export interface Decimal {
  readonly units: bigint;
  /** Number of digits after the decimal point. */
  readonly scale: number;
}

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const pow10 = (n: number) => 10n ** BigInt(n);

export function decimal(value: string | number | Decimal): Decimal {
  if (typeof value === 'object') return value;
  const text = typeof value === 'number' ? numberToText(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = exponentText ? Number(exponentText) : 0;
  let units = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return normalize({ units: sign === '-' ? -units : units, scale });
}

function numberToText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value); // shortest round-trip representation, possibly with an exponent
}

/** Drops trailing zeros so equal values have equal representations. */
function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalize({ units: x + y, scale });
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalize({ units: x - y, scale });
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** a / b rounded half-up to `digits` decimal places (unit conversions such as "per 10K" → "per request"). */
export function div(a: Decimal, b: Decimal, digits = 18): Decimal {
  if (b.units === 0n) throw new Error('division by zero');
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale)
  const numerator = a.units * pow10(digits + b.scale);
  const denominator = b.units * pow10(a.scale);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const roundUp = 2n * (remainder < 0n ? -remainder : remainder) >= (denominator < 0n ? -denominator : denominator);
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  return normalize({ units: roundUp ? quotient + sign : quotient, scale: digits });
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (d: Decimal) => d.units === 0n;

/** Plain decimal text, no exponent: "60.736", "0.0000166667", "-3". */
export function toText(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const toNumber = (d: Decimal) => Number(toText(d));

/** Rounded half-up to `digits` places (for display and for comparing bills to the cent). */
export function round(d: Decimal, digits: number): Decimal {
  return d.scale <= digits ? d : div(d, { units: 1n, scale: 0 }, digits);
}
