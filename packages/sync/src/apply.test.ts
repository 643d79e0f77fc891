import { applyChangeSet, type ChangeSet, type Op } from '@backarch/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ordersPlatformDocument } from '../../core/src/testing/fixtures';
import { readAnnotations } from './annotations';
import { applyChangeSetToYDoc } from './apply';
import { ChangeSetTransaction } from './origins';
import { readDocument } from './read';
import { documentScope, documentTypes } from './shape';
import { canonical, ydocOf } from './testing/replicas';

const change = (...ops: Op[]): ChangeSet => ({ origin: 'user', summary: 'test change', ops });

/** The net shared-type changes of a transaction, as "path: keys" (path from the root type, keys changed there). */
function touched(ydoc: Y.Doc, run: () => void): string[] {
  const seen: string[] = [];
  const [meta, constraints, components, connections] = documentScope(ydoc);
  const roots = { meta, constraints, components, connections } as Record<string, Y.AbstractType<unknown>>;
  const observers = Object.entries(roots).map(([name, type]) => {
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) seen.push(`${[name, ...event.path].join('/')}: ${[...event.keys.keys()].sort().join(',')}`);
    };
    type.observeDeep(observer);
    return () => type.unobserveDeep(observer);
  });
  run();
  for (const stop of observers) stop();
  return seen.sort();
}

/** [op kind, change set, the shared-type changes it may make]. */
const rows: Array<[string, ChangeSet, string[]]> = [
  ['addComponent', change({ op: 'addComponent', component: { id: 'cache', type: 'redis', label: 'Cache', position: { x: 1, y: 2 }, config: { memoryGb: 1 } } }), ['components: cache']],
  ['updateComponent (one config key)', change({ op: 'updateComponent', id: 'db', config: { multiAz: false } }), ['components/db/config: multiAz']],
  [
    'updateComponent (fields, set and remove keys)',
    change({ op: 'updateComponent', id: 'db', label: 'Orders DB', notes: 'primary', config: { instanceType: 'db.t3.large', multiAz: null } }),
    ['components/db/config: instanceType,multiAz', 'components/db: label,notes'],
  ],
  ['updateComponent (remove label, empty config)', change({ op: 'updateComponent', id: 'orders', label: null, config: { memoryMb: null } }), ['components/orders/config: memoryMb', 'components/orders: label']],
  ['removeComponent (and its connections)', change({ op: 'removeComponent', id: 'orders' }), ['components: orders', 'connections: api->orders:http,orders->db:write,orders->jobs:publish']],
  ['addConnection', change({ op: 'addConnection', connection: { from: 'jobs', to: 'orders', type: 'consume', id: 'jobs-consumer', config: { retries: 3 } } }), ['connections: jobs-consumer']],
  ['updateConnection', change({ op: 'updateConnection', id: 'api->orders:http', label: 'REST', config: { timeoutMs: 500, circuitBreaker: null } }), ['connections/api->orders:http/config: circuitBreaker,timeoutMs', 'connections/api->orders:http: label']],
  ['removeConnection', change({ op: 'removeConnection', id: 'orders->jobs:publish' }), ['connections: orders->jobs:publish']],
  ['setConstraints', change({ op: 'setConstraints', constraints: { budgetUsdPerMonth: { min: 10, max: 900 }, teamSize: null, compliance: ['soc2', 'gdpr'] } }), ['constraints: budgetUsdPerMonth,compliance,teamSize']],
  ['moveComponents', change({ op: 'moveComponents', positions: { web: { x: 5, y: 6 }, db: null, api: { x: 0, y: 0 } } }), ['components/api: position', 'components/web: position'] /* db had no position */],
  [
    'several ops: add, connect, update, remove in one change set',
    change(
      { op: 'addComponent', component: { id: 'cache', type: 'redis' } },
      { op: 'addConnection', connection: { from: 'orders', to: 'cache', type: 'read' } },
      { op: 'updateComponent', id: 'cache', config: { memoryGb: 2 } },
      { op: 'removeComponent', id: 'jobs' },
      { op: 'removeComponent', id: 'cache' },
    ),
    ['components: jobs', 'connections: orders->jobs:publish'], // cache and its connection come and go: no net change
  ],
];

describe('applyChangeSetToYDoc', () => {
  it.each(rows)('[A1] %s gives the same document as core applyChangeSet and touches only what it changes', (_, changeSet, expected) => {
    const doc = ordersPlatformDocument();
    const fromCore = applyChangeSet(doc, changeSet);
    if (!fromCore.ok) throw new Error(JSON.stringify(fromCore.errors));
    const ydoc = ydocOf(doc);
    let result: ReturnType<typeof applyChangeSetToYDoc> | undefined;
    const changes = touched(ydoc, () => (result = applyChangeSetToYDoc(ydoc, changeSet)));
    expect(result).toEqual({ ok: true });
    const read = readDocument(ydoc);
    expect(read.issues).toEqual([]);
    expect(read.document).toEqual(canonical(fromCore.document));
    expect(changes).toEqual(expected.sort());
  });

  it('covers all eight op kinds', () => {
    const kinds = new Set(rows.flatMap(([, cs]) => cs.ops.map((op) => op.op)));
    expect([...kinds].sort()).toEqual(['addComponent', 'addConnection', 'moveComponents', 'removeComponent', 'removeConnection', 'setConstraints', 'updateComponent', 'updateConnection']);
  });

  it('[A2] makes one transaction (one update) with a ChangeSetTransaction origin and appends the annotation in it', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(ydoc));
    const origins: unknown[] = [];
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      updates.push(update);
      origins.push(origin);
    });
    const result = applyChangeSetToYDoc(ydoc, { origin: 'ai', summary: 'Add a cache', ops: rows[0]![1].ops }, { by: 'u7', at: '2026-02-03T04:05:06.000Z' });
    expect(result).toEqual({ ok: true });
    expect(updates).toHaveLength(1);
    expect(origins[0]).toBeInstanceOf(ChangeSetTransaction);
    expect(origins[0]).toMatchObject({ origin: 'ai', summary: 'Add a cache', by: 'u7' });
    // that one update carries both the edit and its annotation
    Y.applyUpdate(replica, updates[0]!);
    expect(readAnnotations(replica).at(-1)).toEqual({ origin: 'ai', summary: 'Add a cache', by: 'u7', at: '2026-02-03T04:05:06.000Z' });
    expect(readDocument(replica).document).toEqual(readDocument(ydoc).document);
    expect(readDocument(replica).document.components.map((c) => c.id)).toContain('cache');
  });

  it('[A2] uses the transaction origin it is given', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    const mine = { name: 'palette' };
    let seen: unknown;
    ydoc.on('afterTransaction', (tr: Y.Transaction) => (seen = tr.origin));
    applyChangeSetToYDoc(ydoc, rows[1]![1], { origin: mine });
    expect(seen).toBe(mine);
  });

  it('[A3] an invalid change set changes nothing and returns every error with its path', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    const before = Y.encodeStateAsUpdate(ydoc);
    let updates = 0;
    ydoc.on('update', () => updates++);
    const result = applyChangeSetToYDoc(ydoc, {
      origin: 'user',
      summary: 'half valid',
      ops: [
        { op: 'updateComponent', id: 'db', config: { multiAz: false } },
        { op: 'addConnection', connection: { from: 'db', to: 'nowhere', type: 'http' } },
        { op: 'updateComponent', id: 'orders', config: { memoryMb: -1 } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['ops[1].connection.to', 'ops[2].config.memoryMb']));
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });

  it('[A3] rejects a malformed change set', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    const result = applyChangeSetToYDoc(ydoc, { origin: 'robot', summary: '', ops: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['ops', 'origin', 'summary']);
  });

  it('[A4] validates against the derived document: an edit of a dropped dangling connection is rejected', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    ydoc.transact(() => documentTypes(ydoc).components.delete('jobs'));
    const result = applyChangeSetToYDoc(ydoc, change({ op: 'updateConnection', id: 'orders->jobs:publish', label: 'x' }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'ops[0].id', message: 'no connection with id "orders->jobs:publish"' }] });
  });

  it('[A5] removing a component also removes dangling connections to it left by a merge', () => {
    const ydoc = ydocOf(ordersPlatformDocument());
    ydoc.transact(() => documentTypes(ydoc).components.delete('jobs'));
    expect(applyChangeSetToYDoc(ydoc, change({ op: 'removeComponent', id: 'orders' }))).toEqual({ ok: true });
    expect([...documentTypes(ydoc).connections.keys()].sort()).toEqual(['web->api:http']);
  });

  it('[A6] applying the inverse from core restores the document', () => {
    const doc = ordersPlatformDocument();
    const ydoc = ydocOf(doc);
    const changeSet = rows[4]![1];
    const fromCore = applyChangeSet(doc, changeSet);
    if (!fromCore.ok) throw new Error('invalid');
    expect(applyChangeSetToYDoc(ydoc, changeSet)).toEqual({ ok: true });
    expect(applyChangeSetToYDoc(ydoc, fromCore.inverse)).toEqual({ ok: true });
    expect(readDocument(ydoc).document).toEqual(canonical(doc));
  });
});
