import { describe, expect, it } from 'vitest';
import { parseDocument } from '../document/parse';
import { generateArchitecture, type GeneratedShape } from './generate';

describe('generateArchitecture', () => {
  it.each(['layered', 'random', 'star', 'grid'] as GeneratedShape[])('[GEN1] %s documents are valid, sized as asked and reproducible', (shape) => {
    const doc = generateArchitecture({ shape, components: 1000, seed: 7 });
    expect(doc.components).toHaveLength(1000);
    expect(doc.connections.length).toBeGreaterThan(1000);
    const result = parseDocument(doc);
    expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([]);
    expect(generateArchitecture({ shape, components: 1000, seed: 7 })).toEqual(doc);
  });
});
