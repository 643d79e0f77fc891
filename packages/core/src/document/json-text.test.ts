import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text';

describe('parseJsonText', () => {
  it('reads the same values as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9"}, "": 0}';
    const result = parseJsonText(text);
    expect(result).toEqual({ ok: true, value: JSON.parse(text), duplicateKeys: [] });
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'trailing comma before "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
    ["{'a': 1}", 1, 2, 'expected a key in double quotes'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['[1, 2', 1, 6, 'found the end of the file'],
    ['', 1, 1, 'the file is empty'],
    ['{"a": "unterminated}', 1, 7, 'unterminated string'],
    ['{} {}', 1, 4, 'after the end of the JSON value'],
  ])('locates the error in %j at line %i, column %i', (text, line, column, message) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line, column });
    expect(result.error.message).toContain(message);
  });

  it('reports duplicate keys with the path of their object instead of silently keeping the last', () => {
    const result = parseJsonText('{"components": [{"id": "a", "config": {"replicas": 1, "replicas": 2}}]}');
    expect(result.ok && result.duplicateKeys).toEqual([{ path: 'components[0].config', key: 'replicas' }]);
  });

  it('keeps a "__proto__" key as data instead of changing the prototype', () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((result.value as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurd nesting with an error instead of overflowing the stack', () => {
    const result = parseJsonText('['.repeat(10000) + ']'.repeat(10000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('nesting deeper');
  });
});
