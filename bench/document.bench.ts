// Reading, validating, writing and editing documents at scale.
import { applyChangeSet, parseDocument, serializeDocument } from '../packages/core/src/index';
import { generateArchitecture } from '../packages/core/src/testing/generate';
import { measure, table } from './harness';

const rows: Array<Record<string, string | number>> = [];
for (const size of [1_000, 10_000]) {
  const doc = generateArchitecture({ shape: 'layered', components: size, seed: 1 });
  const text = serializeDocument(doc);
  const add = (name: string, fn: () => unknown) => {
    const { median, p95, runs } = measure(fn);
    rows.push({ components: size, connections: doc.connections.length, operation: name, 'median ms': median, 'p95 ms': p95, runs });
  };
  add('JSON.parse (baseline)', () => JSON.parse(text));
  add('parseDocument(text)', () => {
    if (!parseDocument(text).ok) throw new Error('invalid');
  });
  add('serializeDocument', () => serializeDocument(doc));
  add('applyChangeSet (1 update)', () => applyChangeSet(doc, { origin: 'user', summary: 'scale', ops: [{ op: 'updateComponent', id: 'svc-5', config: { replicas: 3 } }] }));
  add('applyChangeSet (remove hub)', () => applyChangeSet(doc, { origin: 'user', summary: 'remove', ops: [{ op: 'removeComponent', id: 'lb' }] }));
}
table(rows);
