import { describe, expect, it } from 'vitest';
import { count, fmt } from './format';
import { seededRandom } from './testing/random';

/** What `en-US` formatting prints for 3 significant digits: the behaviour `fmt` reproduces without Intl. */
const intl = (n: number) => {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return Number(n.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
};

describe('fmt', () => {
  it('[FMT1] rounds to 3 significant digits with thousands separators, as en-US prints them', () => {
    expect(fmt(864000)).toBe('864,000');
    expect(fmt(10)).toBe('10');
    expect(fmt(0.1234)).toBe('0.123');
    expect(fmt(12.55)).toBe('12.6');
    expect(fmt(-1234.5)).toBe('-1,235');
    expect(fmt(0)).toBe('0');
    expect(fmt(0.0004)).toBe('0');
    expect(fmt(Infinity)).toBe('∞');
    const random = seededRandom(3);
    for (let k = 0; k < 20_000; k++) {
      const n = 10 ** (random() * 19 - 4) * (random() < 0.1 ? -1 : 1);
      if (Math.abs(n) >= 0.0005) expect(fmt(n), String(n)).toBe(intl(n)); // below that en-US prints "-0"
    }
  });

  it('[FMT2] count prints whole numbers', () => {
    expect(count(1234567.4)).toBe('1,234,567');
    expect(count(99.5)).toBe('100');
    expect(count(-0.2)).toBe('0');
  });
});
