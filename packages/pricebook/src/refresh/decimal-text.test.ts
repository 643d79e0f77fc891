import { describe, expect, it } from 'vitest';
import { compare, decimalText, divide, dividesExactly, isDecimal, minus, plus, shift, times, unitsNanos } from './decimal-text';

describe('decimal-text', () => {
  it('reads source text and JSON numbers without float noise or exponents', () => {
    expect(decimalText('0.0960000000')).toBe('0.096');
    expect(decimalText(3e-6)).toBe('0.000003');
    expect(decimalText(1.6e-5)).toBe('0.000016');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText('1.25E-6')).toBe('0.00000125');
    expect(decimalText(0.1 + 0.2)).toBe('0.30000000000000004'); // a real float sum is what it is; parsers never add floats
    expect(decimalText('15')).toBe('15');
  });

  it('per token → per 1M tokens is a decimal-point shift', () => {
    expect(shift(3e-6, 6)).toBe('3');
    expect(shift(1.5e-5, 6)).toBe('15');
    expect(shift(2.5e-6, 6)).toBe('2.5');
    expect(shift(1.25e-7, 6)).toBe('0.125');
    expect(shift('100000', -6)).toBe('0.1');
    expect(shift(0.000002, 5)).toBe('0.2');
  });

  it('multiplies, adds, subtracts and divides exactly', () => {
    expect(times('0.000002', '100000')).toBe('0.2');
    expect(times(1073741824, 3600)).toBe('3865470566400');
    expect(plus('0.1', '0.2')).toBe('0.3');
    expect(minus('0.12', '0.096')).toBe('0.024');
    expect(divide('0.08', '1024')).toBe('0.000078125');
    expect(divide('1', '3', 4)).toBe('0.3333');
    expect(divide('2', '3', 4)).toBe('0.6667');
    expect(dividesExactly('0.08', '1024')).toBe(true);
    expect(dividesExactly('1', '3')).toBe(false);
    expect(compare('0.0960', '0.096')).toBe(0);
    expect(compare('0.1', '0.096')).toBe(1);
  });

  it('turns GCP units + nanos into exact text', () => {
    expect(unitsNanos('0', 120000000)).toBe('0.12');
    expect(unitsNanos('2', 933908000)).toBe('2.933908');
    expect(unitsNanos('327', 173848364)).toBe('327.173848364');
    expect(unitsNanos(undefined, 4237000)).toBe('0.004237');
  });

  it('recognises decimals', () => {
    expect(isDecimal('0.1')).toBe(true);
    expect(isDecimal(1e-7)).toBe(true);
    expect(isDecimal('Inf')).toBe(false);
    expect(isDecimal(Number.NaN)).toBe(false);
    expect(isDecimal(undefined)).toBe(false);
  });
});
