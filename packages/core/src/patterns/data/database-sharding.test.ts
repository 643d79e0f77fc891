import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import sharding from './database-sharding';

/** A ledger service whose one MySQL primary carries ~1,400 queries/s against ~2,000/s it can take. */
const doc = parseDocumentOrThrow({
  backarch: 1,
  name: 'Ledger',
  constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1000 } },
  components: [
    { id: 'mobile', type: 'client.mobile', label: 'Wallet app', position: { x: 0, y: 0 } },
    { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
    { id: 'ledger', type: 'service', label: 'Ledger', config: { replicas: 6, vcpus: 2 }, position: { x: 480, y: 0 } },
    { id: 'ledger-db', type: 'mysql', label: 'Ledger DB', config: { instanceType: 'db.r6g.xlarge', readReplicas: 1, storageGb: 1500 }, position: { x: 720, y: 0 } },
  ],
  connections: [
    { from: 'mobile', to: 'api', type: 'http' },
    { from: 'api', to: 'ledger', type: 'http', config: { timeoutMs: 3000 } },
    { from: 'ledger', to: 'ledger-db', type: 'read', config: { timeoutMs: 1000, share: 0.8 } },
    { from: 'ledger', to: 'ledger-db', type: 'write', label: 'postings', config: { timeoutMs: 2000 } },
  ],
});

const apply = (d: ArchDocument, options?: Parameters<typeof sharding.apply>[2]) => {
  const result = applyChangeSet(d, sharding.apply(d, sharding.appliesTo(d)[0]!, options));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
};

describe('database sharding', () => {
  it('finds the primary near its limit, with the numbers', () => {
    expect(sharding.appliesTo(doc)).toEqual([
      {
        components: ['ledger-db', 'ledger'],
        connections: ['ledger->ledger-db:read', 'ledger->ledger-db:write'],
        reason:
          "Ledger DB's primary carries ~1,400 queries/s at peak (1,000 writes/s, 400 reads/s after 1 read replica), 70 % of the ~2,000/s one db.r6g.xlarge (4 vCPU) carries by the planning figure of 500/s per vCPU; writes cannot move to replicas, so past one instance they must be split by key.",
      },
    ]);
  });

  it('splits the database and routes each caller connection by the shard key (golden change set)', () => {
    const [target] = sharding.appliesTo(doc);
    expect(sharding.apply(doc, target!, { shards: 2, shardKey: 'account_id' })).toEqual({
      origin: 'pattern:database-sharding',
      summary: 'Shard Ledger DB into 2 databases on hash(account_id) % 2; callers route each query by account_id; each shard gets a Multi-AZ standby',
      ops: [
        {
          op: 'updateComponent',
          id: 'ledger-db',
          label: 'Ledger DB shard 0',
          notes:
            'Shard 0 of 2: rows with hash(account_id) % 2 = 0. Same schema on every shard; ids are UUIDs (no shared sequence). Queries without account_id fan out to all 2 shards.',
          config: { multiAz: true },
        },
        {
          op: 'addComponent',
          component: {
            id: 'ledger-db-shard-1',
            type: 'mysql',
            label: 'Ledger DB shard 1',
            notes:
              'Shard 1 of 2: rows with hash(account_id) % 2 = 1. Same schema on every shard; ids are UUIDs (no shared sequence). Queries without account_id fan out to all 2 shards.',
            config: { instanceType: 'db.r6g.xlarge', readReplicas: 1, storageGb: 1500, multiAz: true },
            position: { x: 720, y: 140 },
          },
        },
        { op: 'updateConnection', id: 'ledger->ledger-db:read', label: 'hash(account_id) % 2 = 0', config: { share: 0.4 } },
        { op: 'addConnection', connection: { from: 'ledger', to: 'ledger-db-shard-1', type: 'read', label: 'hash(account_id) % 2 = 1', config: { timeoutMs: 1000, share: 0.4 } } },
        { op: 'updateConnection', id: 'ledger->ledger-db:write', label: 'postings · hash(account_id) % 2 = 0', config: { share: 0.5 } },
        { op: 'addConnection', connection: { from: 'ledger', to: 'ledger-db-shard-1', type: 'write', label: 'postings · hash(account_id) % 2 = 1', config: { timeoutMs: 2000, share: 0.5 } } },
      ],
    });
  });

  it('gives each of N shards 1/N of the load, and is not offered again', () => {
    const after = apply(doc, { shards: 4 });
    const dbs = after.components.filter((c) => c.type === 'mysql').map((c) => c.label);
    expect(dbs).toEqual(['Ledger DB shard 0', 'Ledger DB shard 1', 'Ledger DB shard 2', 'Ledger DB shard 3']);
    const writes = after.connections.filter((c) => c.type === 'write');
    expect(writes.map((c) => c.config?.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(writes.map((c) => c.label)).toEqual([0, 1, 2, 3].map((k) => `postings · hash(customer_id) % 4 = ${k}`));
    expect(sharding.appliesTo(after)).toEqual([]);
  });

  it('shards MongoDB natively through mongos, and ignores databases that partition themselves', () => {
    const mongo = parseDocumentOrThrow({
      backarch: 1,
      name: 'Ledger',
      constraints: doc.constraints,
      components: doc.components.map((c) => (c.id === 'ledger-db' ? { ...c, type: 'mongodb', config: { instanceType: 'r6g.large', replicas: 3 } } : c)),
      connections: doc.connections.map(({ id: _id, ...c }) => c),
    });
    const after = apply(mongo);
    expect(after.components.find((c) => c.id === 'ledger-db')!.config!.shardCount).toBe(4);
    expect(after.components).toHaveLength(mongo.components.length);
    const dynamo = parseDocumentOrThrow({
      backarch: 1,
      name: 'Ledger',
      constraints: doc.constraints,
      components: doc.components.map((c) => (c.id === 'ledger-db' ? { ...c, type: 'aws.dynamodb', config: {} } : c)),
      connections: doc.connections.map(({ id: _id, ...c }) => c),
    });
    expect(sharding.appliesTo(dynamo)).toEqual([]);
  });
});

describe('database sharding with a usage override', () => {
  it("gives every shard 1/N of the override's volumes and all of its per-request figures", () => {
    const overridden = parseDocumentOrThrow({
      ...doc,
      components: doc.components.map((c) => (c.id === 'ledger-db' ? { ...c, config: { ...c.config, usage: { monthlyWriteRequests: 3_000_000, storageGb: 900, requestSizeKb: 2 } } } : c)),
    });
    const after = apply(overridden, { shards: 3 });
    const usages = after.components.filter((c) => c.type === 'mysql').map((c) => c.config?.usage);
    expect(usages).toEqual([0, 1, 2].map(() => ({ monthlyWriteRequests: 1_000_000, storageGb: 300, requestSizeKb: 2 })));
  });
});
