// The live document in a Y.Doc at scale: filling one, loading one, deriving the JSON document from it, and one edit as
// the editor makes it: a one-op change set (validated against the derived document, cached since the last read) and
// the derivation of the new state. Deriving costs about one core parseDocument of the whole document.
import * as Y from 'yjs';
import { applyChangeSetToYDoc, readDocument, writeDocument } from '../packages/sync/src/index';
import { generateArchitecture } from '../packages/core/src/testing/generate';
import { measure, table } from './harness';

const rows: Array<Record<string, string | number>> = [];
for (const size of [1_000, 10_000]) {
  const doc = generateArchitecture({ shape: 'layered', components: size, seed: 1 });
  const annotation = { origin: 'template:bench', summary: 'New diagram' } as const;
  const filled = new Y.Doc();
  writeDocument(filled, doc, annotation);
  const update = Y.encodeStateAsUpdate(filled);
  const add = (name: string, fn: () => unknown, target: string) => {
    const { median, p95, runs } = measure(fn, size >= 10_000 ? { minRuns: 8, minMs: 400, warmup: 2 } : {});
    rows.push({ components: size, connections: doc.connections.length, operation: name, 'median ms': median, 'p95 ms': p95, runs, target });
  };
  add('writeDocument (new Y.Doc)', () => writeDocument(new Y.Doc(), doc, annotation), '');
  add('Y.applyUpdate (load encoded state)', () => Y.applyUpdate(new Y.Doc(), update), '');
  add('readDocument (state changed since the last read)', () => {
    filled.transact(() => {}); // any transaction drops the cached derivation
    if (readDocument(filled).issues.length > 0) throw new Error('issues');
  }, size <= 1_000 ? '< 16 ms (one frame)' : '');
  let replicas = 1;
  const edit = () => {
    const result = applyChangeSetToYDoc(filled, { origin: 'user', summary: 'scale', ops: [{ op: 'updateComponent', id: 'svc-5', config: { replicas: (replicas = (replicas % 9) + 1) } }] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  };
  add('one edit: applyChangeSetToYDoc (1 config key) + readDocument', () => {
    edit();
    readDocument(filled);
  }, size <= 1_000 ? '< 50 ms' : '');
  rows.push({ components: size, connections: doc.connections.length, operation: 'encoded state size (KB)', 'median ms': Math.round(update.byteLength / 1024), 'p95 ms': '', runs: '', target: '' });
}
table(rows);
