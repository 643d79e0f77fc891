import { describe, expect, it } from 'vitest';
import { ordersPlatformDocument } from '../testing/fixtures';
import { applyChangeSet } from './apply';
import type { Op } from './change-set';
import { serializeDocument } from './serialize';
import type { ArchDocument } from './schema';

const change = (...ops: unknown[]) => ({ origin: 'user', summary: 'test change', ops });
const component = (doc: ArchDocument, id: string) => doc.components.find((c) => c.id === id);
const connection = (doc: ArchDocument, id: string) => doc.connections.find((c) => c.id === id);

/** [spec, ops, what must hold of the new document]. Every row is also undone with its inverse. */
const valid: Array<[string, Op[], (doc: ArchDocument) => void]> = [
  [
    'addComponent adds the component as given',
    [{ op: 'addComponent', component: { id: 'cache', type: 'redis', label: 'Cache', position: { x: 10, y: 20 } } }],
    (doc) => expect(component(doc, 'cache')).toEqual({ id: 'cache', type: 'redis', label: 'Cache', position: { x: 10, y: 20 } }),
  ],
  [
    'updateComponent patches config keys and removes keys set to null',
    [{ op: 'updateComponent', id: 'db', label: 'Orders DB', config: { instanceType: 'db.t3.large', multiAz: null } }],
    (doc) => expect(component(doc, 'db')).toEqual({ id: 'db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.t3.large' } }),
  ],
  [
    'updateComponent removes a label with null and an emptied config entirely',
    [{ op: 'updateComponent', id: 'orders', label: null, config: { memoryMb: null } }],
    (doc) => expect(component(doc, 'orders')).toEqual({ id: 'orders', type: 'aws.lambda' }),
  ],
  [
    'updateComponent changes the type when the connections still fit',
    [{ op: 'updateComponent', id: 'orders', type: 'aws.ecs', config: { memoryMb: null } }],
    (doc) => expect(component(doc, 'orders')?.type).toBe('aws.ecs'),
  ],
  [
    'removeComponent removes the component and every connection touching it',
    [{ op: 'removeComponent', id: 'orders' }],
    (doc) => {
      expect(component(doc, 'orders')).toBeUndefined();
      expect(doc.connections.map((c) => c.id)).toEqual(['web->api:http']);
    },
  ],
  [
    'addConnection derives the id when none is given',
    [{ op: 'addConnection', connection: { from: 'orders', to: 'db', type: 'read' } }],
    (doc) => expect(connection(doc, 'orders->db:read')).toEqual({ id: 'orders->db:read', from: 'orders', to: 'db', type: 'read' }),
  ],
  [
    'updateConnection patches config',
    [{ op: 'updateConnection', id: 'api->orders:http', config: { circuitBreaker: false, retries: 2 }, label: 'REST' }],
    (doc) =>
      expect(connection(doc, 'api->orders:http')).toMatchObject({ label: 'REST', config: { circuitBreaker: false, timeoutMs: 2000, retries: 2 } }),
  ],
  [
    'removeConnection removes only that connection',
    [{ op: 'removeConnection', id: 'orders->jobs:publish' }],
    (doc) => expect(doc.connections.map((c) => c.id)).toEqual(['web->api:http', 'api->orders:http', 'orders->db:write']),
  ],
  [
    'setConstraints sets and removes constraint keys',
    [{ op: 'setConstraints', constraints: { cloud: 'gcp', region: 'europe-west1', compliance: null, budgetUsdPerMonth: { max: 800 } } }],
    (doc) => expect(doc.constraints).toEqual({ cloud: 'gcp', region: 'europe-west1', budgetUsdPerMonth: { max: 800 }, traffic: { peakRps: 200 }, teamSize: 3 }),
  ],
  [
    'moveComponents sets and clears positions',
    [{ op: 'moveComponents', positions: { web: { x: 0, y: 0 }, api: { x: 200, y: 0 } } }],
    (doc) => {
      expect(component(doc, 'web')?.position).toEqual({ x: 0, y: 0 });
      expect(component(doc, 'api')?.position).toEqual({ x: 200, y: 0 });
    },
  ],
  [
    'ops apply in order: add a component, then connect it',
    [
      { op: 'addComponent', component: { id: 'cache', type: 'redis' } },
      { op: 'addConnection', connection: { from: 'orders', to: 'cache', type: 'read' } },
      { op: 'removeComponent', id: 'jobs' },
    ],
    (doc) => {
      expect(connection(doc, 'orders->cache:read')).toBeDefined();
      expect(component(doc, 'jobs')).toBeUndefined();
    },
  ],
];

describe('applyChangeSet', () => {
  it.each(valid)('[CS1] %s, and its inverse restores the document', (_, ops, check) => {
    const before = ordersPlatformDocument();
    const snapshot = JSON.stringify(before);
    const result = applyChangeSet(before, change(...ops));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    check(result.document);
    expect(JSON.stringify(before)).toBe(snapshot); // pure: the input is untouched
    expect(result.inverse.origin).toBe('user');
    expect(result.inverse.summary).toBe('Undo: test change');
    const undone = applyChangeSet(result.document, result.inverse);
    if (!undone.ok) throw new Error(JSON.stringify(undone.errors));
    expect(serializeDocument(undone.document)).toBe(serializeDocument(before));
    // and undoing the undo redoes the change
    const redone = applyChangeSet(undone.document, undone.inverse);
    expect(redone.ok && serializeDocument(redone.document)).toBe(serializeDocument(result.document));
  });

  it('[CS2] the inverse of removeComponent restores its connections with their config', () => {
    const result = applyChangeSet(ordersPlatformDocument(), change({ op: 'removeComponent', id: 'orders' }));
    expect(result.ok && result.inverse.ops).toEqual([
      { op: 'addComponent', component: { id: 'orders', type: 'aws.lambda', label: 'Orders', config: { memoryMb: 512 } } },
      { op: 'addConnection', connection: { id: 'api->orders:http', from: 'api', to: 'orders', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000 } } },
      { op: 'addConnection', connection: { id: 'orders->db:write', from: 'orders', to: 'db', type: 'write' } },
      { op: 'addConnection', connection: { id: 'orders->jobs:publish', from: 'orders', to: 'jobs', type: 'publish' } },
    ]);
  });

  const invalid: Array<[string, unknown, Array<{ path: string; message: string | RegExp }>]> = [
    ['adding an existing id', change({ op: 'addComponent', component: { id: 'db', type: 'redis' } }), [{ path: 'ops[0].component.id', message: 'a component with id "db" already exists' }]],
    ['updating a missing component', change({ op: 'updateComponent', id: 'nope', label: 'x' }), [{ path: 'ops[0].id', message: 'no component with id "nope"' }]],
    ['removing a missing component', change({ op: 'removeComponent', id: 'nope' }), [{ path: 'ops[0].id', message: 'no component with id "nope"' }]],
    ['removing a missing connection', change({ op: 'removeConnection', id: 'a->b:http' }), [{ path: 'ops[0].id', message: 'no connection with id "a->b:http"' }]],
    ['updating a missing connection', change({ op: 'updateConnection', id: 'a->b:http', label: 'x' }), [{ path: 'ops[0].id', message: 'no connection with id "a->b:http"' }]],
    ['moving a missing component', change({ op: 'moveComponents', positions: { ghost: { x: 1, y: 1 } } }), [{ path: 'ops[0].positions.ghost', message: 'no component with id "ghost"' }]],
    [
      'a bad config value on an added component',
      change({ op: 'addComponent', component: { id: 'vm', type: 'aws.ec2', config: { replicas: 0 } } }),
      [{ path: 'ops[0].component.config.replicas', message: 'replicas must be an integer between 1 and 1000, got 0' }],
    ],
    [
      'a bad config value in an update',
      change({ op: 'updateComponent', id: 'orders', config: { memoryMb: 64 } }),
      [{ path: 'ops[0].config.memoryMb', message: 'memoryMb must be an integer between 128 and 32768, got 64' }],
    ],
    [
      'a connection to a component that does not exist',
      change({ op: 'addConnection', connection: { from: 'orders', to: 'cache', type: 'read' } }),
      [{ path: 'ops[0].connection.to', message: 'no component with id "cache"' }],
    ],
    [
      'a connection type that does not fit',
      change({ op: 'addConnection', connection: { from: 'orders', to: 'db', type: 'publish' } }),
      [{ path: 'ops[0].connection.type', message: /use "read", "write"/ }],
    ],
    [
      'an invalid constraint',
      change({ op: 'setConstraints', constraints: { teamSize: 0 } }),
      [{ path: 'ops[0].constraints.teamSize', message: 'teamSize must be an integer between 1 and 10000, got 0' }],
    ],
    ['an unknown op', change({ op: 'renameEverything' }), [{ path: 'ops[0].op', message: 'op must be one of "addComponent", "updateComponent", "removeComponent", "addConnection", "updateConnection", "removeConnection", "setConstraints", "moveComponents", got "renameEverything"' }]],
    ['an empty change set', change(), [{ path: 'ops', message: /ops/ }]],
    [
      'a bad origin and a multi-line summary',
      { origin: 'robot', summary: 'a\nb', ops: [{ op: 'removeComponent', id: 'db' }] },
      [
        { path: 'origin', message: /origin must be "user", "ai", or "pattern:<id>"/ },
        { path: 'summary', message: /summary must be a single line/ },
      ],
    ],
    [
      'changing a type so that an existing connection no longer fits',
      change({ op: 'updateComponent', id: 'db', type: 'aws.sqs', config: { instanceType: null, multiAz: null } }),
      [{ path: 'connections[2].type', message: /connection "orders->db:write": "write" does not fit/ }],
    ],
  ];

  it.each(invalid)('[CS3] rejects %s with a clear error and leaves the document untouched', (_, cs, expected) => {
    const before = ordersPlatformDocument();
    const snapshot = JSON.stringify(before);
    const result = applyChangeSet(before, cs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(expected.map((e) => e.path));
    result.errors.forEach((error, k) => {
      const message = expected[k]!.message;
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('[CS4] a failing op anywhere rejects the whole change set', () => {
    const result = applyChangeSet(ordersPlatformDocument(), change({ op: 'removeComponent', id: 'jobs' }, { op: 'removeComponent', id: 'jobs' }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'ops[1].id', message: 'no component with id "jobs"' }] });
  });
});
