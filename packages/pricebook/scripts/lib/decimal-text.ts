// Exact decimal text for prices: never a binary-float artefact, never exponent notation. Built on core's Decimal.
import type { Decimal } from '../../../core/src/pricing/decimal';
import { compare, decimal, div, mul, sub, add, toText } from '../../../core/src/pricing/decimal';

export type Num = number | string | Decimal;

/**
 * The exact decimal text of a source value. A JS number read from JSON/YAML is printed by its shortest round-trip
 * form (String(n)), which is the source's own literal for every literal of up to 15 significant digits, then expanded
 * without an exponent ("1.66667e-05" → "0.0000166667").
 */
export function text(value: Num): string {
  const d = decimal(value);
  if (d.units < 0n) throw new Error(`negative price: ${toText(d)}`);
  return toText(d);
}

/** value × factor, exact. */
export function times(value: Num, factor: Num): string {
  return text(mul(decimal(value), decimal(factor)));
}

/** value ÷ divisor, and it must be exact (unit conversions such as per 10K → per 1K, per TiB → per GiB). */
export function divideExact(value: Num, divisor: Num): string {
  const a = decimal(value);
  const b = decimal(divisor);
  const q = div(a, b, 30);
  if (compare(mul(q, b), a) !== 0) throw new Error(`${toText(a)} / ${toText(b)} is not an exact decimal`);
  return text(q);
}

/** value ÷ divisor rounded half-up to `digits` places (monthly → hourly where the provider publishes monthly). */
export function divideRounded(value: Num, divisor: Num, digits: number): string {
  return text(div(decimal(value), decimal(divisor), digits));
}

/**
 * The provider's price behind a float32 artefact: the shortest decimal that reads back as the same float32
 * (0.09000000357627869 → "0.09", 0.10930000245571136 → "0.1093").
 */
export function float32Text(value: number): string {
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return text(candidate);
  }
  throw new Error(`not a float32 value: ${value}`);
}

/**
 * The decimal with the fewest decimal places inside [lo, hi] (the closest to the middle if several). Used to recover a
 * published price from a value known only to within a rounding interval (infracost's golden tables print costs to the
 * cent and unit prices of 0.1 or more to two decimals).
 */
export function shortestIn(lo: Decimal, hi: Decimal): Decimal {
  if (compare(lo, hi) > 0) throw new Error(`empty interval [${toText(lo)}, ${toText(hi)}]`);
  const middle = div(add(lo, hi), decimal(2), 30);
  for (let places = 0; places <= 20; places++) {
    const step = decimal(`1e-${places}`);
    // candidates k × step with lo ≤ k × step ≤ hi
    const kLow = ceilDiv(lo, step);
    const kHigh = floorDiv(hi, step);
    if (kLow > kHigh) continue;
    let best: Decimal | undefined;
    let bestDistance: Decimal | undefined;
    for (let k = kLow; k <= kHigh && k <= kLow + 20n; k++) {
      const candidate = mul({ units: k, scale: 0 }, step);
      const distance = abs(sub(candidate, middle));
      if (!bestDistance || compare(distance, bestDistance) < 0) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best) return decimal(toText(best));
  }
  throw new Error(`no short decimal in [${toText(lo)}, ${toText(hi)}]`);
}

const abs = (d: Decimal): Decimal => (d.units < 0n ? { units: -d.units, scale: d.scale } : d);

function floorDiv(a: Decimal, step: Decimal): bigint {
  // a / step for a step of 10^-places: exact quotient of scaled integers
  const scale = Math.max(a.scale, step.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = step.units * 10n ** BigInt(scale - step.scale);
  const q = x / y;
  return x < 0n && q * y !== x ? q - 1n : q;
}

function ceilDiv(a: Decimal, step: Decimal): bigint {
  const scale = Math.max(a.scale, step.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = step.units * 10n ** BigInt(scale - step.scale);
  const q = x / y;
  return x > 0n && q * y !== x ? q + 1n : q;
}
