import { describe, expect, it } from 'vitest';
import { add, compare, decimal, div, mul, round, sub, toText } from './decimal';

const t = (a: Parameters<typeof decimal>[0]) => toText(decimal(a));

describe('decimal', () => {
  it('[DEC1] reads decimal strings and numbers exactly, including exponents', () => {
    expect(t('0.0000166667')).toBe('0.0000166667');
    expect(t(3e-6)).toBe('0.000003');
    expect(t('1.667e-05')).toBe('0.00001667');
    expect(t(730)).toBe('730');
    expect(t('-0.50')).toBe('-0.5');
    expect(() => decimal('12abc')).toThrow('not a decimal number');
  });

  it('[DEC2] the t3.large → t3.xlarge move is exactly (0.1664 − 0.0832) × 730 = 60.736', () => {
    expect(toText(mul(sub(decimal('0.1664'), decimal('0.0832')), decimal(730)))).toBe('60.736');
  });

  it('[DEC3] per-token prices scale to per-1M exactly', () => {
    expect(toText(mul(decimal(3e-6), decimal(1_000_000)))).toBe('3');
    expect(toText(mul(decimal('0.0000025'), decimal('1000000')))).toBe('2.5');
  });

  it('[DEC4] divides with half-up rounding and compares', () => {
    expect(toText(div(decimal('0.000002'), decimal(10)))).toBe('0.0000002');
    expect(toText(div(decimal(2), decimal(3), 4))).toBe('0.6667');
    expect(toText(div(decimal(-2), decimal(3), 4))).toBe('-0.6667');
    expect(toText(round(decimal('12.345'), 2))).toBe('12.35');
    expect(compare(decimal('0.10'), decimal('0.1'))).toBe(0);
    expect(compare(decimal('0.09'), decimal('0.1'))).toBe(-1);
    expect(toText(add(decimal('0.1'), decimal('0.2')))).toBe('0.3');
  });
});
