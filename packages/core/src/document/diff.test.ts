import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from './apply';
import { changeSetBetween } from './diff';
import { parseDocumentOrThrow } from './parse';
import { serializeDocument } from './serialize';
import type { ArchDocument } from './schema';

const EXAMPLES = new URL('../../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.backarch.json'))
  .map((f) => parseDocumentOrThrow(readFileSync(new URL(f, EXAMPLES), 'utf8')));

/** Applies the diff from a to b to a and returns the result, with b's name (names are not part of change sets). */
function roundTrip(a: ArchDocument, b: ArchDocument): string {
  const changeSet = changeSetBetween(a, b, 'restore:7', 'Restore version 7');
  if (!changeSet) return serializeDocument({ ...a, name: b.name, description: b.description });
  const result = applyChangeSet(a, changeSet);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return serializeDocument({ ...result.document, name: b.name, description: b.description });
}

describe('changeSetBetween', () => {
  it('turns any example into any other', () => {
    for (const a of examples) for (const b of examples) expect(roundTrip(a, b)).toBe(serializeDocument(b));
  });

  it('is undefined between equal documents, and minimal for one change', () => {
    const a = examples[0]!;
    expect(changeSetBetween(a, a, 'user', 'nothing')).toBeUndefined();
    const moved = { ...a, components: a.components.map((c, i) => (i === 0 ? { ...c, label: 'Renamed', position: { x: 1, y: 2 } } : c)) };
    expect(changeSetBetween(a, moved, 'user', 'x')!.ops).toEqual([
      { op: 'updateComponent', id: a.components[0]!.id, label: 'Renamed' },
      { op: 'moveComponents', positions: { [a.components[0]!.id]: { x: 1, y: 2 } } },
    ]);
  });

  it('restores a removed config key and constraint with null', () => {
    const a = examples[0]!;
    const first = a.components[0]!;
    const b = { ...a, constraints: { ...a.constraints, teamSize: undefined }, components: [{ ...first, config: undefined }, ...a.components.slice(1)] };
    delete b.constraints.teamSize;
    expect(roundTrip(a, b as ArchDocument)).toBe(serializeDocument(b as ArchDocument));
  });
});
