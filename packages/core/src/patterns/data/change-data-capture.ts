import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { accessOf, addWorker, changeLogShare, fedByMessages, fmt, isDatabase, isWorkload, personal, requireComponents, storeConfig, storeType, spread } from './wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  topic: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { error: 'must be a topic name such as "orders.changes"' })
    .default('')
    .describe('Name of the change topic; empty means "<database id>.changes".'),
  retentionHours: z.number().int().min(24).max(8760).default(168).describe('How long change events stay replayable on the stream (7 days by default): how far back a new consumer can start.'),
});

export default definePattern({
  id: 'change-data-capture',
  name: 'Change data capture',
  category: 'data',
  difficulty: 'intermediate',
  problem:
    "Other services need to know when a database's rows change, so they query it directly: they poll its tables, run their own queries on a primary they do not own, and break when its schema changes. Making the owning service also publish an event on every write is a dual write that drifts from the database whenever one of the two fails.",
  solution:
    "A CDC connector (Debezium on Kafka Connect, or the database's native change stream such as DynamoDB Streams) tails the database's transaction log (the PostgreSQL WAL through a logical replication slot, the MySQL binlog) and publishes every committed insert, update and delete, in commit order per key, to a change stream. Downstream services consume that stream at their own pace instead of querying the database; nothing is published for a transaction that rolled back, and nothing committed is missed.",
  tradeoffs: {
    latency: 'Changes reach consumers typically 100 ms to a few seconds after commit; consumers stop adding query load to the source database.',
    consistency:
      'Delivery is at least once: after a connector restart events are replayed from the last stored log position, so consumers must be idempotent. Ordering holds per key (per partition), not across keys; consumers see the table shape, so a schema change in the source is a change in the event contract unless the connector maps rows to stable events.',
    cost: 'A stream (Kinesis, Kafka or Event Hubs) billed per shard-hour or broker-hour and per GB retained, plus the connector workers (two small containers), on top of the extra WAL or binlog the database keeps for the slot.',
    operations:
      'A stalled connector makes PostgreSQL retain WAL until the disk fills: alert on replication-slot lag in bytes. Initial snapshots of large tables, connector upgrades and schema changes need runbooks, and the log must be configured for it (wal_level=logical, binlog_format=ROW).',
  },
  avoidWhen:
    'Only one consumer needs the data and can call the owning service instead, the events must carry business meaning the rows do not (use domain events through a transactional outbox), or the database cannot expose its log (some managed tiers, read-only replicas without logical decoding).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const db of doc.components) {
      if (!isDatabase(ctx, db.id) || ctx.outgoing(db.id, ['stream']).length > 0) continue;
      const { reads, writes, writeRps } = accessOf(ctx, db.id);
      const writers = new Set(writes.map((c) => c.from).filter((id) => isWorkload(ctx, id)));
      // a store only message-driven components write is derived data (a projection): capture its source instead
      if (writers.size === 0 || [...writers].every((w) => fedByMessages(ctx, w))) continue;
      // services reading data they do not write, on behalf of their own callers
      const foreign = reads.filter((c) => isWorkload(ctx, c.from) && !writers.has(c.from) && ctx.incoming(c.from).some((i) => i.type !== 'telemetry'));
      if (foreign.length === 0) continue;
      const readers = [...new Set(foreign.map((c) => c.from))];
      targets.push({
        components: [db.id, ...readers],
        connections: foreign.map((c) => c.id),
        reason: `${nameList(readers.map((r) => ctx.name(r)), Infinity)} quer${readers.length === 1 ? 'ies' : 'y'} ${ctx.name(db.id)}, which ${nameList([...writers].map((w) => ctx.name(w)), Infinity)} write${writers.size === 1 ? 's' : ''}${writeRps > 0 ? ` at ~${fmt(writeRps)} writes/s at peak` : ''}, to learn about its data: nothing publishes its changes, so they are coupled to its tables and load its primary.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const db = target.components[0]!;
    const readers = target.components.slice(1);
    const type = ctx.component(db)!.type;
    const { writes, writeRps } = accessOf(ctx, db);
    const make = idMaker(doc);
    const topicName = p.topic || `${db}.changes`;
    const ops: Op[] = [];

    // a log the system already runs (a Kafka cluster, a Kinesis stream) takes one more topic; else a new stream
    const existing = doc.components.find((c) => ctx.hasRole(c.id, 'stream') && [doc.constraints.cloud, 'neutral'].includes(ctx.def(c.id)!.vendor));
    let stream: string;
    let streamType: string;
    let streamLabel: string;
    if (existing) {
      stream = existing.id;
      streamType = existing.type;
      streamLabel = ctx.name(stream);
    } else {
      streamType = storeType(doc, 'stream');
      stream = make(`${db}-changes`);
      streamLabel = `${ctx.name(db)} changes`;
      const days = Math.min(90, Math.ceil(p.retentionHours / 24));
      // Event Hubs keeps events up to 7 days on Standard, 90 on Premium
      const retention =
        streamType === 'azure.event-hubs' ? (days <= 7 ? { retentionDays: days } : { retentionDays: days, sku: 'Premium', processingUnits: 1 }) : { retentionHours: p.retentionHours };
      ops.push(
        addComponent({
          id: stream,
          type: streamType,
          label: streamLabel,
          config: { ...storeConfig(streamType, { personalData: personal(ctx, db) }), ...retention },
          position: near(ctx, db, 240, 140),
          notes: `Topic ${topicName}: one event per committed row change of ${ctx.name(db)} (before/after images), keyed by primary key; kept ${p.retentionHours} h for replays.`,
        }),
      );
    }
    const share = changeLogShare(ctx, db, writeRps);
    let via: string;
    if (type === 'aws.dynamodb' && streamType === 'aws.kinesis') {
      // the native change stream: DynamoDB Streams into Kinesis Data Streams, no connector to run
      if (ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: { streams: true } });
      ops.push(addConnection({ from: db, to: stream, type: 'stream', label: 'item changes (Kinesis Data Streams for DynamoDB)', ...(share !== undefined && { config: { share } }) }));
      via = 'DynamoDB Streams';
    } else {
      const dynamo = type === 'aws.dynamodb';
      if (dynamo && ctx.config(db).streams !== true) ops.push({ op: 'updateComponent', id: db, config: { streams: true } });
      const connector = make(`${db}-cdc`);
      const writer = writes.map((c) => c.from).find((id) => isWorkload(ctx, id)) ?? readers[0]!;
      ops.push(
        ...addWorker(ctx, {
          id: connector,
          label: `${ctx.name(db)} CDC (${dynamo ? 'DynamoDB Streams reader' : 'Debezium'})`,
          like: writer,
          rps: writeRps,
          pulled: true,
          dx: 240,
          dy: 0,
          notes: dynamo
            ? `Reads ${ctx.name(db)}'s DynamoDB Streams shards (24 h retention) and publishes each item change to ${topicName}; checkpoints per shard, so a restart resumes where it stopped (at least once). Alert on iterator age.`
            : `Debezium connector on Kafka Connect (distributed mode, 2 workers): reads ${ctx.name(db)}'s log through a replication slot and publishes to ${topicName}; offsets stored, so a restart resumes where it stopped (at least once). Alert on slot lag.`,
        }),
        addConnection({ from: db, to: connector, type: 'stream', label: dynamo ? 'DynamoDB Streams' : 'transaction log (WAL/binlog)', ...(share !== undefined && { config: { share } }) }),
        addConnection({ from: connector, to: stream, type: 'publish', label: topicName, config: { retries: 10 } }),
      );
      via = dynamo ? 'a DynamoDB Streams reader' : 'a Debezium connector';
    }
    for (const reader of readers) {
      if (ctx.incoming(reader, ['consume']).some((c) => c.from === stream)) continue;
      ops.push(
        addConnection({
          from: stream,
          to: reader,
          type: 'consume',
          label: `${topicName}: refresh local copy`,
          config: { idempotent: true, retries: 3, retryBackoff: { baseDelayMs: 200, maxDelayMs: 10000, jitter: 'full' } },
        }),
      );
    }
    return patternChangeSet(
      'change-data-capture',
      `Change data capture on ${ctx.name(db)} through ${via} into ${existing ? `topic ${topicName} on ` : ''}${streamLabel} (${streamType}); ${nameList(readers.map((r) => ctx.name(r)), Infinity)} consume${readers.length === 1 ? 's' : ''} the changes`,
      spread(ctx, ops),
    );
  },
  preview: {
    backarch: 1,
    name: 'Change data capture',
    description: "The reports service queries the catalog service's database to find changed products; change data capture publishes every committed change instead.",
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Back office', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalog', config: { replicas: 2, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'reports', type: 'service', label: 'Reports', config: { replicas: 2, vcpus: 0.5 }, position: { x: 480, y: 140 } },
      { id: 'catalog-db', type: 'postgresql', label: 'Catalog DB', config: { instanceType: 'db.r6g.large', multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'catalog', type: 'http', config: { timeoutMs: 3000, share: 0.8 } },
      { from: 'api', to: 'reports', type: 'http', config: { timeoutMs: 3000, share: 0.2 } },
      { from: 'catalog', to: 'catalog-db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'catalog', to: 'catalog-db', type: 'write', config: { timeoutMs: 2000, share: 0.3 } },
      { from: 'reports', to: 'catalog-db', type: 'read', config: { timeoutMs: 2000 } },
    ],
  },
});
