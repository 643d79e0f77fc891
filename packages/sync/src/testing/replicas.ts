// Helpers for tests that play several replicas of one document: connect them by exchanging Yjs updates, as the
// server would relay them.
import { parseDocument, serializeDocument, type ArchDocument } from '@backarch/core';
import * as Y from 'yjs';
import { writeDocument } from '../write';

/** Sends each replica what the others have and it lacks, until all hold the same state. */
export function exchange(...replicas: Y.Doc[]): void {
  for (const from of replicas) {
    for (const to of replicas) {
      if (from === to) continue;
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
    }
  }
}

/** A Y.Doc holding `doc`, written with a `template:test` annotation. */
export function ydocOf(doc: ArchDocument): Y.Doc {
  const ydoc = new Y.Doc();
  writeDocument(ydoc, doc, { origin: 'template:test', summary: 'New diagram', at: '2026-01-01T00:00:00.000Z' });
  return ydoc;
}

/** `count` replicas of `doc`: the first written, the others loaded from its encoded state (as a client joins). */
export function replicasOf(doc: ArchDocument, count: number): Y.Doc[] {
  const first = ydocOf(doc);
  const state = Y.encodeStateAsUpdate(first);
  const others = Array.from({ length: count - 1 }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state, 'remote');
    return ydoc;
  });
  return [first, ...others];
}

/** The document as `parseDocument(serializeDocument(doc))` gives it: canonical order, connection ids set. */
export function canonical(doc: ArchDocument): ArchDocument {
  const result = parseDocument(serializeDocument(doc));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.document;
}
