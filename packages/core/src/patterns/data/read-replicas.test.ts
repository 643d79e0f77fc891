import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { health } from '../../health/engine';
import readReplicas from './read-replicas';

const doc = parseDocumentOrThrow(readReplicas.preview);
const spofAt = (d: typeof doc, id: string) => health(d).findings.filter((f) => f.rule === 'spof' && f.components.includes(id));

describe('read replicas', () => {
  it('resolves the spof finding of a single-instance database (the rule counts a replica as a copy to fail over to)', () => {
    expect(spofAt(doc, 'billing-db')).toHaveLength(1);
    const [target] = readReplicas.appliesTo(doc);
    const result = applyChangeSet(doc, readReplicas.apply(doc, target!, { count: 2 }));
    expect(result.ok).toBe(true);
    const after = (result as { document: typeof doc }).document;
    expect(after.components.find((c) => c.id === 'billing-db')!.config!.readReplicas).toBe(2);
    expect(after.connections.find((c) => c.type === 'read' && c.to === 'billing-db')!.label).toBe('reader endpoint (lag ~100 ms)');
    expect(spofAt(after, 'billing-db')).toEqual([]);
    expect(readReplicas.appliesTo(after)).toEqual([]);
  });

  it('leaves the read routing alone when asked, and skips write-heavy databases', () => {
    const [target] = readReplicas.appliesTo(doc);
    const ops = readReplicas.apply(doc, target!, { routeReads: false }).ops;
    expect(ops.map((o) => o.op)).toEqual(['updateComponent']);
    const writeHeavy = parseDocumentOrThrow({
      ...(readReplicas.preview as object),
      connections: (readReplicas.preview as { connections: Array<{ type: string; config?: object }> }).connections.map((c) =>
        c.type === 'read' ? { ...c, config: { ...c.config, share: 0.05 } } : c.type === 'write' ? { ...c, config: { timeoutMs: 2000 } } : c,
      ),
    });
    expect(readReplicas.appliesTo(writeHeavy)).toEqual([]);
  });
});
