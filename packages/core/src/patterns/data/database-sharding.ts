import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, copiedConfig, copyIdMaker, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { accessOf, fmt, instanceCapacity, isDatabase, isRelational, moveConnection, requireComponents, roundShare, shareOf, spread } from './wiring';

const params = z.object({
  shards: z.number().int().min(2).max(64).default(4).describe('Number of shards the data is split into.'),
  shardKey: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.]{0,62}$/, { error: 'must be a column or field name such as "customer_id"' })
    .default('customer_id')
    .describe('Column (or document field) whose hash picks the shard; every query should carry it.'),
});

/** Primary utilisation (by the planning figure) from which the pattern is offered: little headroom left before one instance is full. */
export const SHARDING_THRESHOLD = 0.5;

/** A routing label written by this pattern: "hash(customer_id) % 4 = 1". */
const ROUTING = /hash\([^)]*\) % \d+ = \d+/;

const routing = (key: string, shards: number, k: number) => `hash(${key}) % ${shards} = ${k}`;
const withRule = (label: string | undefined, rule: string) => (label ? `${label} · ${rule}` : rule).slice(0, 200);

export default definePattern({
  id: 'database-sharding',
  name: 'Database sharding',
  category: 'data',
  difficulty: 'advanced',
  problem:
    'A single primary takes every write, and read replicas only take reads. When the write rate, the working set or the storage outgrow the largest instance, scaling up stops being an option: the primary saturates its CPU, WAL or IOPS, latency climbs for every tenant at once, and backups, restores and schema changes take hours because of the sheer size of one database.',
  solution:
    'The rows are split by a shard key (a customer, tenant or account id) into N independent databases with the same schema. The application (or a routing layer such as Vitess, Citus or a mongos router) computes hash(key) % N on every query and sends it to that shard, so each shard carries about 1/N of the reads, writes and data. Each shard keeps its own standby and backups, and a failure takes down only 1/N of the keys.',
  tradeoffs: {
    latency: 'Single-key queries are as fast as before, on a less loaded primary. A query without the shard key fans out to all N shards and is as slow as the slowest one; cross-shard joins move into application code.',
    consistency:
      'Transactions are atomic only within one shard: a change touching two customers on different shards needs a saga or two-phase commit. Unique constraints and sequences are per shard (use UUIDs or key-prefixed ids), and cross-shard reports read shards at slightly different moments.',
    cost: 'N primaries, each with its standby, instead of one: with 4 shards of the same size the database bill is about 4×, or about the same when each shard can be one or two sizes smaller than the monolith.',
    operations:
      'Resharding (4 → 8) means copying about half the rows of every shard while writes continue, then switching routing: days of planned work, made cheaper by over-provisioning logical shards (e.g. 64 virtual shards on 4 hosts) or using consistent hashing. Migrations, backups and monitoring now run N times; a hot key still lands on one shard.',
  },
  avoidWhen:
    'A larger instance still fits the forecast (a db.r6g.16xlarge has 64 vCPU, ~32,000 simple queries/s by the planning figure), the load is mostly reads (read replicas or a cache are far cheaper), the data has no natural key that most queries carry, or the database is a managed store that partitions itself (DynamoDB, Firestore, Cosmos DB).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const db of doc.components) {
      if (!isDatabase(ctx, db.id) || ctx.hasRole(db.id, 'ha-managed')) continue;
      const mongo = db.type === 'mongodb';
      if (!isRelational(ctx, db.id) && !mongo) continue;
      const config = ctx.config(db.id);
      if (mongo && typeof config.shardCount === 'number' && config.shardCount > 1) continue;
      const { reads, writes, readRps, writeRps } = accessOf(ctx, db.id);
      const access = [...reads, ...writes];
      if (access.length === 0 || access.some((c) => ROUTING.test(c.label ?? ''))) continue;
      const capacity = instanceCapacity(ctx, db.id);
      if (!capacity) continue;
      const replicas = typeof config.readReplicas === 'number' ? config.readReplicas : 0;
      const primary = writeRps + readRps / (1 + replicas);
      const utilisation = primary / capacity.rps;
      if (utilisation < SHARDING_THRESHOLD) continue;
      const callers = [...new Set(access.map((c) => c.from))];
      targets.push({
        components: [db.id, ...callers],
        connections: access.map((c) => c.id),
        reason: `${ctx.name(db.id)}'s primary carries ~${fmt(primary)} queries/s at peak (${fmt(writeRps)} writes/s${readRps > 0 ? `, ${fmt(readRps / (1 + replicas))} reads/s${replicas > 0 ? ` after ${replicas} read replica${replicas === 1 ? '' : 's'}` : ''}` : ''}), ${Math.round(utilisation * 100)} % of ${capacity.basis}; writes cannot move to replicas, so past one instance they must be split by key.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const db = target.components[0]!;
    const component = ctx.component(db)!;
    const name = ctx.name(db);
    const access = target.connections.map((id) => doc.connections.find((c) => c.id === id)).filter((c): c is Connection => c !== undefined);
    if (access.length === 0) throw new Error(`no read or write connection of ${db} in the target`);
    const n = p.shards;
    const ops: Op[] = [];

    if (component.type === 'mongodb') {
      // MongoDB shards natively: mongos routes by the hashed shard key
      ops.push({
        op: 'updateComponent',
        id: db,
        config: { shardCount: n },
        notes: `Sharded cluster: ${n} shards, hashed shard key ${p.shardKey} (sh.shardCollection(…, { ${p.shardKey}: "hashed" })); queries without ${p.shardKey} are scatter-gather across all shards.`,
      });
      for (const c of access) ops.push({ op: 'updateConnection', id: c.id, label: withRule(c.label, `mongos routes by hash(${p.shardKey}) % ${n} = shard`) });
      return patternChangeSet('database-sharding', `Shard ${name} into ${n} shards on hash(${p.shardKey}) through mongos`, spread(ctx, ops));
    }

    const make = idMaker(doc);
    const shardNote = (k: number) =>
      `Shard ${k} of ${n}: rows with hash(${p.shardKey}) % ${n} = ${k}. Same schema on every shard; ids are UUIDs (no shared sequence). Queries without ${p.shardKey} fan out to all ${n} shards.`;
    // every shard keeps a standby, so losing one primary is a failover, not 1/N of the keys down until a restore
    const standby = 'multiAz' in (ctx.def(db)!.config.shape as object) && ctx.config(db).multiAz !== true ? { multiAz: true } : undefined;
    // each shard takes 1/n of the volumes a usage override gives (its per-request figures stay)
    const config: Record<string, unknown> = { ...copiedConfig(component.config, 1 / n), ...standby };
    const shard0 = { ...standby, ...(config.usage !== undefined && { usage: config.usage }) };
    ops.push({ op: 'updateComponent', id: db, label: `${name} shard 0`.slice(0, 200), notes: shardNote(0), ...(Object.keys(shard0).length > 0 && { config: shard0 }) });
    const shards = [db];
    for (let k = 1; k < n; k++) {
      const id = make(`${db}-shard-${k}`);
      shards.push(id);
      ops.push(
        addComponent({
          id,
          type: component.type,
          label: `${name} shard ${k}`.slice(0, 200),
          ...(Object.keys(config).length > 0 && { config: JSON.parse(JSON.stringify(config)) as Record<string, unknown> }),
          position: near(ctx, db, 0, 140 * k),
          notes: shardNote(k),
        }),
      );
    }
    const copyId = copyIdMaker(doc);
    for (const c of access) {
      const share = roundShare(shareOf(ctx, c) / n);
      ops.push({ op: 'updateConnection', id: c.id, label: withRule(c.label, routing(p.shardKey, n, 0)), config: { share } });
      for (let k = 1; k < n; k++) ops.push(moveConnection(copyId, { ...c, label: withRule(c.label, routing(p.shardKey, n, k)) }, { to: shards[k]! }, { share }));
    }
    // each shard has its own log and telemetry, like the original
    for (const c of ctx.outgoing(db, ['stream', 'telemetry'])) {
      for (let k = 1; k < n; k++) ops.push(moveConnection(copyId, c, { from: shards[k]! }));
    }
    for (const c of ctx.incoming(db, ['stream'])) {
      for (let k = 1; k < n; k++) {
        const id = copyId(c);
        ops.push(addConnection({ ...(id && { id }), from: c.from, to: shards[k]!, type: 'stream', ...(c.label && { label: c.label }) }));
      }
    }
    return patternChangeSet(
      'database-sharding',
      `Shard ${name} into ${n} databases on hash(${p.shardKey}) % ${n}; callers route each query by ${p.shardKey}${standby ? '; each shard gets a Multi-AZ standby' : ''}`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Database sharding',
    description: 'The orders service writes ~900 rows/s into one PostgreSQL primary; split by customer_id, each of four shards carries a quarter.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1500 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', config: { replicas: 6, vcpus: 2, autoscaling: { min: 6, max: 12 } }, position: { x: 480, y: 0 } },
      {
        id: 'orders-db',
        type: 'postgresql',
        label: 'Orders DB',
        config: { instanceType: 'db.r6g.xlarge', multiAz: true, readReplicas: 1, storageGb: 2000, encryptedAtRest: true },
        position: { x: 720, y: 0 },
      },
    ],
    connections: [
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'orders', to: 'orders-db', type: 'read', config: { timeoutMs: 1000, share: 0.8 } },
      { from: 'orders', to: 'orders-db', type: 'write', config: { timeoutMs: 2000, share: 0.6 } },
    ],
  },
});
