// Numbers as messages, notes and reasons print them: one formatter for the health rules, the patterns and the pricers.

/**
 * Rounds for messages: 3 significant digits, thousands separated ("10,000", "0.123", "864,000"), as `en-US`
 * formatting would print them. Written out by hand: rules write tens of thousands of messages on large designs, and
 * `Intl.NumberFormat#format` costs about a microsecond a number.
 */
let wholeNumbers: Intl.NumberFormat | undefined;
export function fmt(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (!(abs < 1e15)) return (wholeNumbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(n); // ∞, NaN, or beyond exact digits
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  let text = abs.toFixed(digits);
  if (digits > 0) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (text.charCodeAt(end - 1) === 46 /* . */) end--;
    text = text.slice(0, end);
  }
  if (text === '0') return '0';
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  let grouped = whole;
  if (whole.length > 3) {
    grouped = whole.slice(0, whole.length % 3 || 3);
    for (let k = grouped.length; k < whole.length; k += 3) grouped += `,${whole.slice(k, k + 3)}`;
  }
  return `${n < 0 ? '-' : ''}${grouped}${point < 0 ? '' : text.slice(point)}`;
}

/** A whole number with thousands separators ("1,234,567"): counts of requests, messages, instances. */
export const count = (n: number): string => fmt(Math.round(n));
