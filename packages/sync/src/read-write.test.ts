import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, serializeDocument, type ArchDocument } from '@backarch/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ordersPlatformDocument } from '../../core/src/testing/fixtures';
import { generateArchitecture } from '../../core/src/testing/generate';
import { readAnnotations } from './annotations';
import { readDocument } from './read';
import { documentTypes } from './shape';
import { canonical, ydocOf } from './testing/replicas';
import { writeDocument } from './write';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.backarch.json'))
  .sort();

function parsed(text: string): ArchDocument {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.document;
}

describe('writeDocument → readDocument', () => {
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(6));

  describe.each(examples)('%s', (name) => {
    const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
    const doc = parsed(text);

    it('[Y1] round-trips to the canonical document', () => {
      const { document, issues } = readDocument(ydocOf(doc));
      expect(issues).toEqual([]);
      expect(document).toEqual(canonical(doc));
      expect(serializeDocument(document)).toBe(serializeDocument(doc));
    });

    it('[Y2] a Y.Doc loaded from the encoded state derives the same document, once', () => {
      const source = ydocOf(doc);
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source));
      Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source)); // a second delivery changes nothing
      expect(readDocument(loaded).document).toEqual(readDocument(source).document);
      expect(readDocument(loaded).document.components).toHaveLength(doc.components.length);
      expect(readAnnotations(loaded)).toHaveLength(1);
    });
  });

  it('[Y1] round-trips a document given in any order to canonical order', () => {
    const doc = ordersPlatformDocument();
    const shuffled: ArchDocument = { ...doc, components: [...doc.components].reverse(), connections: [...doc.connections].reverse() };
    expect(readDocument(ydocOf(shuffled)).document).toEqual(canonical(doc));
  });

  it('[Y1] round-trips a generated 1,000-component document', () => {
    const doc = generateArchitecture({ shape: 'random', components: 1000, seed: 3 });
    expect(readDocument(ydocOf(doc)).document).toEqual(canonical(doc));
  });

  it('[Y3] stores config as a nested Y.Map, position as plain JSON, and the annotation', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, ordersPlatformDocument(), { origin: 'template:orders', summary: 'New diagram', by: 'u1', at: '2026-05-01T10:00:00.000Z' });
    const { meta, constraints, components, connections } = documentTypes(ydoc);
    expect(meta.toJSON()).toEqual({ name: 'Orders platform' });
    expect(constraints.get('budgetUsdPerMonth')).toEqual({ max: 500 });
    const db = components.get('db')!;
    expect(db.get('config')).toBeInstanceOf(Y.Map);
    expect((db.get('config') as Y.Map<unknown>).toJSON()).toEqual({ instanceType: 'db.t3.medium', multiAz: true });
    expect(components.get('web')!.get('config')).toBeInstanceOf(Y.Map); // present even when empty
    expect(connections.get('orders->db:write')!.toJSON()).toEqual({ from: 'orders', to: 'db', type: 'write', config: {} });
    expect(readAnnotations(ydoc)).toEqual([{ origin: 'template:orders', summary: 'New diagram', by: 'u1', at: '2026-05-01T10:00:00.000Z' }]);
  });

  it('[Y3] writes in one transaction: one update on the wire', () => {
    const ydoc = new Y.Doc();
    let updates = 0;
    ydoc.on('update', () => updates++);
    writeDocument(ydoc, ordersPlatformDocument(), { origin: 'user', summary: 'Import' });
    expect(updates).toBe(1);
  });

  it('[Y4] refuses a Y.Doc that already holds a document', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    expect(() => writeDocument(ydoc, ordersPlatformDocument(), { origin: 'user', summary: 'Again' })).toThrow(/empty Y.Doc/);
  });

  it('stored values are copies: mutating the input leaves the Y.Doc alone', () => {
    const doc = ordersPlatformDocument();
    const ydoc = ydocOf(doc);
    (doc.constraints.budgetUsdPerMonth as { max: number }).max = 1;
    expect(readDocument(ydoc).document.constraints.budgetUsdPerMonth).toEqual({ max: 500 });
  });

  it('[Y5] derives once per state: a read after a transaction sees it, also from inside an observer', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    const first = readDocument(ydoc);
    expect(readDocument(ydoc)).toBe(first);
    let seenInObserver: string | undefined;
    documentTypes(ydoc).meta.observe(() => (seenInObserver = readDocument(ydoc).document.name));
    ydoc.transact(() => documentTypes(ydoc).meta.set('name', 'Renamed'));
    expect(seenInObserver).toBe('Renamed');
    expect(readDocument(ydoc).document.name).toBe('Renamed');
    expect(readDocument(ydoc)).not.toBe(first);
  });
});

describe('readDocument repairs what concurrent edits can leave', () => {
  /** The orders platform with one raw edit made straight on the shared types (as a merge could leave them). */
  function damaged(edit: (types: ReturnType<typeof documentTypes>) => void) {
    const ydoc = ydocOf(ordersPlatformDocument());
    ydoc.transact(() => edit(documentTypes(ydoc)));
    return readDocument(ydoc);
  }

  it('[R1] drops a connection whose target is gone', () => {
    const { document, issues } = damaged((t) => t.components.delete('jobs'));
    expect(document.connections.map((c) => c.id)).not.toContain('orders->jobs:publish');
    expect(issues).toEqual([
      {
        path: 'connections["orders->jobs:publish"]',
        action: 'dropped',
        message: 'connection "orders->jobs:publish" left out: its target component "jobs" does not exist (removed, perhaps by someone else at the same time)',
      },
    ]);
  });

  it('[R2] removes config keys the new type does not have', () => {
    const { document, issues } = damaged((t) => t.components.get('db')!.set('type', 'aws.dynamodb'));
    expect(document.components.find((c) => c.id === 'db')).toEqual({ id: 'db', type: 'aws.dynamodb' });
    expect(document.connections.map((c) => c.id)).toContain('orders->db:write');
    expect(issues.map((i) => [i.path, i.action])).toEqual([
      ['components["db"].config.instanceType', 'repaired'],
      ['components["db"].config.multiAz', 'repaired'],
    ]);
    expect(issues[0]!.message).toMatch(/^config key "instanceType" removed \(back to its default\): unknown field "instanceType"/);
  });

  it('[R3] removes an invalid config value, keeping the other keys', () => {
    const { document, issues } = damaged((t) => (t.components.get('orders')!.get('config') as Y.Map<unknown>).set('memoryMb', -5));
    expect(document.components.find((c) => c.id === 'orders')).toEqual({ id: 'orders', type: 'aws.lambda', label: 'Orders' });
    expect(issues).toEqual([{ path: 'components["orders"].config.memoryMb', action: 'repaired', message: expect.stringContaining('config key "memoryMb" removed') }]);
  });

  it('[R4] drops a component of an unknown type and then its connections', () => {
    const { document, issues } = damaged((t) => t.components.get('db')!.set('type', 'no-such-type'));
    expect(document.components.map((c) => c.id)).not.toContain('db');
    expect(issues.map((i) => [i.path, i.action])).toEqual([
      ['components["db"]', 'dropped'],
      ['connections["orders->db:write"]', 'dropped'],
    ]);
    expect(issues[0]!.message).toMatch(/unknown component type "no-such-type"/);
  });

  it('[R4] drops a component left without a type (an undo of its removal can leave one: see the fuzz, seed 1)', () => {
    const { document, issues } = damaged((t) => t.components.get('web')!.delete('type'));
    expect(document.components.map((c) => c.id)).not.toContain('web');
    expect(issues[0]).toEqual({
      path: 'components["web"]',
      action: 'dropped',
      message: 'component "web" left out: it has no type (merging concurrent edits, such as undoing its removal after someone else changed it, can leave it without one)',
    });
    expect(issues[1]).toMatchObject({ path: 'connections["web->api:http"]', action: 'dropped' });
  });

  it('[R5] drops a connection whose type no longer fits its ends', () => {
    const { document, issues } = damaged((t) => t.components.get('jobs')!.set('type', 'postgresql'));
    expect(document.connections.map((c) => c.id)).not.toContain('orders->jobs:publish');
    expect(issues.map((i) => [i.path, i.action])).toEqual([
      ['components["jobs"].config.deadLetter', 'repaired'],
      ['connections["orders->jobs:publish"]', 'dropped'],
    ]);
    expect(issues[1]!.message).toMatch(/"publish" does not fit from "orders" \(aws.lambda\) to "jobs" \(postgresql\)/);
  });

  it('[R6] repairs fields, constraints and the name, and never throws on garbage', () => {
    const { document, issues } = damaged((t) => {
      t.meta.set('name', 42);
      t.meta.set('description', { not: 'text' });
      t.constraints.set('budgetUsdPerMonth', { max: -1 });
      t.constraints.set('compliance', 'hipaa');
      t.constraints.set('unknownKey', true);
      t.components.get('web')!.set('position', 'left');
      t.components.get('api')!.set('label', 'x'.repeat(300));
      t.components.set('bad id!', new Y.Map());
      (t.components as Y.Map<unknown>).set('plain', { type: 'redis' });
      (t.connections as Y.Map<unknown>).set('weird', 7);
    });
    expect(document.name).toBe('Untitled');
    expect(document.description).toBeUndefined();
    expect(document.constraints).toEqual({ cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 }, teamSize: 3 });
    expect(document.components.map((c) => c.id)).toEqual(['api', 'db', 'jobs', 'orders', 'web']);
    expect(document.components.find((c) => c.id === 'web')).toEqual({ id: 'web', type: 'client.web', label: 'Web app' });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'components["api"].label',
        'components["bad id!"]',
        'components["plain"]',
        'components["web"].position',
        'connections["weird"]',
        'constraints.budgetUsdPerMonth',
        'constraints.compliance',
        'constraints.unknownKey',
        'description',
        'name',
      ].sort(),
    );
    expect(parseDocument(serializeDocument(document)).ok).toBe(true);
  });

  it('[R7] reads an empty Y.Doc as an untitled empty document', () => {
    const { document, issues } = readDocument(new Y.Doc());
    expect(document).toEqual({ backarch: 1, name: 'Untitled', constraints: {}, components: [], connections: [] });
    expect(issues).toEqual([expect.objectContaining({ path: 'name', action: 'repaired' })]);
  });
});
