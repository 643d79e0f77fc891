import { describe, expect, it } from 'vitest';
import { ordersPlatform, ordersPlatformDocument } from '../testing/fixtures';
import { parseDocument } from './parse';
import { serializeDocument } from './serialize';
import type { ArchDocument } from './schema';

/** Seeded shuffle (mulberry32), so a failure reproduces. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Rebuilds every object with its keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
}

describe('serializeDocument', () => {
  it('[SER1] writes the same bytes whatever the order of items and keys', () => {
    const expected = serializeDocument(ordersPlatformDocument());
    for (let seed = 1; seed <= 20; seed++) {
      const doc = reverseKeys(ordersPlatformDocument()) as ArchDocument;
      doc.components = shuffle(doc.components, seed);
      doc.connections = shuffle(doc.connections, seed * 7);
      expect(serializeDocument(doc)).toBe(expected);
    }
  });

  it('[SER2] round-trips: parse(serialize(doc)) is the same document', () => {
    const text = serializeDocument(ordersPlatformDocument());
    const again = parseDocument(text);
    expect(again.ok && serializeDocument(again.document)).toBe(text);
  });

  it('[SER3] uses the canonical layout: sorted ids, fixed key order, derived ids left out', () => {
    const text = serializeDocument(ordersPlatformDocument());
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['backarch', 'name', 'constraints', 'components', 'connections']);
    expect(json.components.map((c: { id: string }) => c.id)).toEqual(['api', 'db', 'jobs', 'orders', 'web']);
    expect(json.connections[0]).toEqual({ from: 'api', to: 'orders', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000 } });
    // config keys follow the type's field order, not the order they were typed in
    expect(Object.keys(json.components.find((c: { id: string }) => c.id === 'db').config)).toEqual(['instanceType', 'multiAz']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "name": "Orders platform",\n');
  });

  it('[SER4] keeps an explicit connection id that differs from the derived one', () => {
    const doc = ordersPlatformDocument();
    doc.connections[0] = { ...doc.connections[0]!, id: 'browser-to-api' };
    expect(JSON.parse(serializeDocument(doc)).connections.find((c: { from: string }) => c.from === 'web').id).toBe('browser-to-api');
  });

  it('[SER5] leaves out what the file did not say (no defaults written)', () => {
    const text = serializeDocument(ordersPlatformDocument());
    expect(text).not.toContain('"replicas"');
    expect(text).not.toContain('"share"');
    expect(ordersPlatform.components.length).toBe(JSON.parse(text).components.length);
  });
});
