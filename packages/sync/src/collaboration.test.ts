import { parseDocument, serializeDocument, type ChangeSet, type Op } from '@backarch/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ordersPlatformDocument } from '../../core/src/testing/fixtures';
import { pick, seededRandom } from '../../core/src/testing/random';
import { readAnnotations, takeAnnotations } from './annotations';
import { applyChangeSetToYDoc } from './apply';
import { readDocument } from './read';
import { exchange, replicasOf } from './testing/replicas';
import { createUndoManager, undoChangeSet } from './undo';

const change = (summary: string, ...ops: Op[]): ChangeSet => ({ origin: 'user', summary, ops });

function apply(ydoc: Y.Doc, changeSet: ChangeSet, by?: string) {
  const result = applyChangeSetToYDoc(ydoc, changeSet, by === undefined ? {} : { by });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
}

/** Replicas hold the same state: same document, and nothing left for either to send the other. */
function expectConverged(a: Y.Doc, b: Y.Doc) {
  expect(readDocument(a)).toEqual(readDocument(b));
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
}

describe('two replicas editing at once', () => {
  it('[C1] edits of different config keys of one component merge', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    apply(a, change('Single AZ', { op: 'updateComponent', id: 'db', config: { multiAz: false } }));
    apply(b, change('Bigger instance', { op: 'updateComponent', id: 'db', config: { instanceType: 'db.t3.large' }, label: 'Orders DB' }));
    exchange(a, b);
    expectConverged(a, b);
    const db = readDocument(a).document.components.find((c) => c.id === 'db');
    expect(db).toEqual({ id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.t3.large', multiAz: false } });
  });

  it('[C2] one removes a component while the other connects to it: converge, and the dangling connection is reported', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    apply(a, change('Remove the queue', { op: 'removeComponent', id: 'jobs' }));
    apply(b, change('Consume jobs', { op: 'addConnection', connection: { from: 'jobs', to: 'orders', type: 'consume' } }));
    exchange(a, b);
    expectConverged(a, b);
    const { document, issues } = readDocument(b);
    expect(document.components.map((c) => c.id)).not.toContain('jobs');
    expect(document.connections.map((c) => c.id).sort()).toEqual(['api->orders:http', 'orders->db:write', 'web->api:http']);
    expect(issues).toEqual([
      {
        path: 'connections["jobs->orders:consume"]',
        action: 'dropped',
        message: 'connection "jobs->orders:consume" left out: its source component "jobs" does not exist (removed, perhaps by someone else at the same time)',
      },
    ]);
    expect(parseDocument(serializeDocument(document)).ok).toBe(true);
  });

  it('[C3] the same key set on both sides converges on one value', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    apply(a, change('Two', { op: 'updateComponent', id: 'orders', config: { memoryMb: 256 } }));
    apply(b, change('Four', { op: 'updateComponent', id: 'orders', config: { memoryMb: 1024 } }));
    exchange(a, b);
    expectConverged(a, b);
    expect([256, 1024]).toContain(readDocument(a).document.components.find((c) => c.id === 'orders')?.config?.memoryMb);
  });

  it('[C4] annotations arrive on the other replica with origin, summary, time and author', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    takeAnnotations(b); // the server has recorded the creation
    exchange(a, b);
    const result = applyChangeSetToYDoc(a, { origin: 'pattern:cache-aside', summary: 'Add a cache', ops: [{ op: 'addComponent', component: { id: 'cache', type: 'redis' } }] }, { by: 'user-1' });
    expect(result.ok).toBe(true);
    apply(b, change('Rename the API', { op: 'updateComponent', id: 'api', label: 'Public API' }), 'user-2');
    exchange(a, b);
    const onB = readAnnotations(b);
    expect(onB.map(({ origin, summary, by }) => ({ origin, summary, by }))).toEqual(expect.arrayContaining([
      { origin: 'pattern:cache-aside', summary: 'Add a cache', by: 'user-1' },
      { origin: 'user', summary: 'Rename the API', by: 'user-2' },
    ]));
    expect(onB).toHaveLength(2);
    for (const annotation of onB) expect(new Date(annotation.at).toISOString()).toBe(annotation.at);
    expect(readAnnotations(a)).toEqual(onB);
  });
});

describe('undo', () => {
  it('[U1] undo reverts exactly one change set, leaving the one before and remote edits', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    const undo = createUndoManager(a);
    apply(a, change('Add cache', { op: 'addComponent', component: { id: 'cache', type: 'redis' } }));
    const afterFirst = readDocument(a).document;
    apply(
      a,
      change(
        'Wire cache and resize',
        { op: 'addConnection', connection: { from: 'orders', to: 'cache', type: 'read' } },
        { op: 'updateComponent', id: 'db', config: { multiAz: false } },
        { op: 'moveComponents', positions: { cache: { x: 3, y: 4 } } },
      ),
    );
    apply(b, change('Remote rename', { op: 'updateComponent', id: 'web', label: 'Browser' }));
    exchange(a, b);
    expect(undo.undoStack).toHaveLength(2);

    expect(undoChangeSet(undo, { by: 'u1' })).toEqual({ origin: 'user', summary: 'Wire cache and resize' });
    const reverted = readDocument(a).document;
    expect(reverted.components.find((c) => c.id === 'web')?.label).toBe('Browser'); // remote edit stays
    expect(reverted).toEqual({ ...afterFirst, components: afterFirst.components.map((c) => (c.id === 'web' ? { ...c, label: 'Browser' } : c)) });
    expect(readAnnotations(a).at(-1)).toMatchObject({ origin: 'user', summary: 'Undo: Wire cache and resize', by: 'u1' });

    // redo brings it back, and the undo travels to the other replica
    undo.redo();
    exchange(a, b);
    expect(readDocument(b).document.connections.map((c) => c.id)).toContain('orders->cache:read');
    expectConverged(a, b);
  });

  it('[U2] only local change sets are tracked: writes with other origins and remote updates are not undoable', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    const undo = createUndoManager(a);
    apply(b, change('Remote', { op: 'updateComponent', id: 'web', label: 'Browser' }));
    exchange(a, b);
    applyChangeSetToYDoc(a, change('Untracked', { op: 'updateComponent', id: 'api', label: 'API' }), { origin: 'something-else' });
    expect(undo.undoStack).toHaveLength(0);
    expect(undoChangeSet(undo)).toBeNull();
  });

  it('[U3] change sets applied back to back are separate steps (captureTimeout 0)', () => {
    const [a] = replicasOf(ordersPlatformDocument(), 1) as [Y.Doc];
    const undo = createUndoManager(a);
    for (let i = 1; i <= 5; i++) apply(a, change(`Move ${i}`, { op: 'moveComponents', positions: { web: { x: i, y: i } } }));
    expect(undo.undoStack).toHaveLength(5);
    undoChangeSet(undo);
    expect(readDocument(a).document.components.find((c) => c.id === 'web')?.position).toEqual({ x: 4, y: 4 });
  });
});

describe('undo after concurrent edits', () => {
  it('[U4] undoing a removal restores the component as this replica knew it; converges and stays valid', () => {
    const [a, b] = replicasOf(ordersPlatformDocument(), 2) as [Y.Doc, Y.Doc];
    const undo = createUndoManager(a);
    apply(a, change('Remove the queue', { op: 'removeComponent', id: 'jobs' }));
    apply(b, change('Make it a topic', { op: 'updateComponent', id: 'jobs', type: 'aws.sns', config: { deadLetter: null } }));
    exchange(a, b);
    undoChangeSet(undo);
    exchange(a, b);
    expectConverged(a, b);
    const { document, issues } = readDocument(a);
    expect(issues).toEqual([]);
    expect(document.components.find((c) => c.id === 'jobs')).toEqual({ id: 'jobs', type: 'aws.sqs', config: { deadLetter: true } });
    expect(document.connections.map((c) => c.id)).toContain('orders->jobs:publish');
  });
});

/** Seeded random change sets over a small id pool, so replicas collide on ids, keys and removals. */
function randomChangeSet(random: () => number, ydoc: Y.Doc): ChangeSet {
  const doc = readDocument(ydoc).document;
  const ids = doc.components.map((c) => c.id);
  const services = doc.components.filter((c) => c.type === 'service').map((c) => c.id);
  const stores = doc.components.filter((c) => c.type === 'postgresql').map((c) => c.id);
  const pool = ['s1', 's2', 's3', 's4', 'd1', 'd2'];
  const ops: Op[] = [];
  const kinds = ['add', 'add', 'remove', 'connect', 'connect', 'disconnect', 'config', 'config', 'label', 'move', 'constraints', 'retype'];
  for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
    const kind = pick(random, kinds);
    const id = pick(random, pool);
    if (kind === 'add') ops.push({ op: 'addComponent', component: { id, type: id.startsWith('s') ? 'service' : 'postgresql' } });
    else if (kind === 'remove' && ids.length > 0) ops.push({ op: 'removeComponent', id: pick(random, ids) });
    else if (kind === 'connect' && services.length > 0) {
      const from = pick(random, services);
      const to = pick(random, [...services, ...stores]);
      ops.push({ op: 'addConnection', connection: { from, to, type: stores.includes(to) ? 'write' : 'http' } });
    } else if (kind === 'disconnect' && doc.connections.length > 0) ops.push({ op: 'removeConnection', id: pick(random, doc.connections).id });
    else if (kind === 'config' && services.length > 0) {
      ops.push({ op: 'updateComponent', id: pick(random, services), config: pick(random, [{ replicas: 1 + Math.floor(random() * 5) }, { memoryMb: 512 }, { replicas: null }, { autoscaling: null }]) });
    } else if (kind === 'label' && ids.length > 0) ops.push({ op: 'updateComponent', id: pick(random, ids), label: random() < 0.2 ? null : `L${Math.floor(random() * 100)}` });
    else if (kind === 'move' && ids.length > 0) ops.push({ op: 'moveComponents', positions: { [pick(random, ids)]: { x: Math.floor(random() * 500), y: 0 } } });
    else if (kind === 'constraints') ops.push({ op: 'setConstraints', constraints: { teamSize: random() < 0.3 ? null : 1 + Math.floor(random() * 9) } });
    else if (kind === 'retype' && services.length > 0) ops.push({ op: 'updateComponent', id: pick(random, services), type: 'aws.lambda' });
  }
  if (ops.length === 0) ops.push({ op: 'setConstraints', constraints: { teamSize: 2 } });
  return change('random', ...ops);
}

describe('seeded fuzz: three replicas, random change sets, undo and partial syncs', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('[F1] seed %i: every derived document is valid and the replicas converge', (seed) => {
    const random = seededRandom(seed);
    const replicas = replicasOf({ backarch: 1, name: 'Fuzz', constraints: {}, components: [], connections: [] }, 3);
    const undos = replicas.map((r) => createUndoManager(r));
    for (let step = 0; step < 60; step++) {
      const k = Math.floor(random() * replicas.length);
      const replica = replicas[k]!;
      const roll = random();
      if (roll < 0.1) undoChangeSet(undos[k]!);
      else if (roll < 0.3) exchange(replica, pick(random, replicas));
      else applyChangeSetToYDoc(replica, randomChangeSet(random, replica)); // may be rejected; then nothing changes
      const { document } = readDocument(replica);
      const check = parseDocument(serializeDocument(document));
      expect(check.ok ? [] : check.errors, `seed ${seed}, step ${step}`).toEqual([]);
    }
    exchange(...replicas);
    exchange(...replicas);
    const first = readDocument(replicas[0]!);
    for (const replica of replicas.slice(1)) expect(readDocument(replica), `seed ${seed}`).toEqual(first);
  });
});
