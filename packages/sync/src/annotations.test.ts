import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ordersPlatformDocument } from '../../core/src/testing/fixtures';
import { appendAnnotation, readAnnotations, takeAnnotations, trimAnnotations } from './annotations';
import { applyChangeSetToYDoc } from './apply';
import { documentTypes } from './shape';
import { exchange, replicasOf, ydocOf } from './testing/replicas';

describe('annotations', () => {
  it('[N1] readAnnotations skips malformed entries', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    documentTypes(ydoc).changes.push([{ origin: 'nobody', summary: 'x', at: 'now' }, 'text', { origin: 'ai', summary: 'ok', at: '2026-01-01T00:00:00.000Z' }]);
    expect(readAnnotations(ydoc).map((a) => a.summary)).toEqual(['New diagram', 'ok']);
  });

  it('[N2] trimAnnotations removes exactly the recorded entries, keeping ones appended since (even ordered before them)', () => {
    const [server, client] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    appendAnnotation(client, { origin: 'user', summary: 'from the client' }); // not yet seen by the server
    appendAnnotation(server, { origin: 'ai', summary: 'on the server' });
    const recorded = readAnnotations(server);
    expect(recorded.map((a) => a.summary)).toEqual(['New diagram', 'on the server']);
    exchange(server, client); // the concurrent entry may land before or after the recorded ones
    expect(trimAnnotations(server, recorded)).toBe(2);
    expect(readAnnotations(server).map((a) => a.summary)).toEqual(['from the client']);
    exchange(server, client);
    expect(readAnnotations(client).map((a) => a.summary)).toEqual(['from the client']);
  });

  it('[N3] takeAnnotations returns and removes everything in one transaction, without touching the document', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    applyChangeSetToYDoc(ydoc, { origin: 'fix:dead-letter-queue', summary: 'Add a DLQ', ops: [{ op: 'updateComponent', id: 'jobs', config: { deadLetter: false } }] });
    let transactions = 0;
    ydoc.on('update', () => transactions++);
    expect(takeAnnotations(ydoc).map((a) => a.origin)).toEqual(['template:test', 'fix:dead-letter-queue']);
    expect(transactions).toBe(1);
    expect(readAnnotations(ydoc)).toEqual([]);
    expect(takeAnnotations(ydoc)).toEqual([]);
  });
});
