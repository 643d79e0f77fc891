import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { accessOf, connectionById, fmt, isRelational, isWorkload, requireComponents } from './wiring';
import { nameList } from '../../health/rules/helpers';

const params = z.object({
  count: z.number().int().min(1).max(15).default(1).describe('Asynchronous read replicas to add (RDS allows up to 15 for PostgreSQL and MySQL).'),
  routeReads: z.boolean().default(true).describe("Send the services' reads to the reader endpoint (the replicas); off keeps the replica for failover and reporting only."),
  expectedLagMs: z.number().int().min(1).max(600000).default(100).describe('Replica lag to plan for under normal load, written on the routed reads.'),
});

export default definePattern({
  id: 'read-replicas',
  name: 'Read replicas',
  category: 'data',
  difficulty: 'beginner',
  problem:
    'A relational database with one instance serves every read and every write from the same CPU and buffer cache, and it is the only copy of the data that can take traffic: a read-heavy feature competes with the write path, and if the instance fails there is nothing to fail over to until a backup is restored, which takes from minutes to hours depending on its size.',
  solution:
    'The primary streams its write-ahead log (binlog on MySQL) to one or more asynchronous replicas, which replay it and answer read-only queries through a reader endpoint. Services send reads that tolerate slight staleness to the replicas and keep writes, and reads that must see their own writes, on the primary. A replica can also be promoted to primary when the primary is lost.',
  tradeoffs: {
    consistency:
      'Replication is asynchronous: a replica is typically under 100 ms behind, but seconds to minutes behind during bulk writes, long transactions or vacuum. A user who writes and immediately reads from a replica may not see the write; route those reads to the primary or pin the session after a write.',
    cost: 'Each replica is billed as a full instance of its size (a db.r6g.large PostgreSQL replica in us-east-1 is about $0.225 an hour, ~$164 a month) plus its storage and I/O.',
    operations:
      'Replica lag needs a metric and an alert. Promoting an asynchronous replica loses whatever it had not replayed, and takes a manual or scripted step; a Multi-AZ standby remains the way to fail over without losing committed writes. Connection routing (reader endpoint, or a proxy such as RDS Proxy or PgBouncer) must tell reads from writes.',
  },
  avoidWhen:
    'The load is mostly writes (replicas replay every write, so they do not help), every read must see the latest write, or the same reads are repeated so often that a cache would take them off the database at a fraction of the cost.',
  addresses: ['spof'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const db of doc.components) {
      if (!isRelational(ctx, db.id)) continue;
      const config = ctx.config(db.id);
      if (typeof config.readReplicas === 'number' && config.readReplicas > 0) continue;
      const { reads, readRps, writeRps } = accessOf(ctx, db.id);
      const readConnections = reads.filter((c) => isWorkload(ctx, c.from));
      if (readConnections.length === 0) continue;
      const known = readRps + writeRps > 0;
      if (known && readRps < writeRps) continue;
      const readers = [...new Set(readConnections.map((c) => c.from))];
      const single = config.multiAz !== true;
      targets.push({
        components: [db.id, ...readers],
        connections: readConnections.map((c) => c.id),
        reason: `${ctx.name(db.id)} has no read replica${single ? ' and no standby' : ''}: ${nameList(readers.map((r) => ctx.name(r)), Infinity)} read it${known ? ` at ~${fmt(readRps)} reads/s at peak against ~${fmt(writeRps)} writes/s` : ''}, all on the primary${single ? ', which is also the only copy that can take traffic' : ''}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    requireComponents(ctx, target.components);
    const db = target.components[0]!;
    const ops: Op[] = [
      {
        op: 'updateComponent',
        id: db,
        config: { readReplicas: p.count },
        notes: [
          ctx.component(db)!.notes,
          `${p.count} asynchronous read replica${p.count === 1 ? '' : 's'}: plan for ~${p.expectedLagMs} ms lag, seconds during bulk writes; reads that must see the caller's own write stay on the primary. Alert on replica lag above 5 s.`,
        ]
          .filter(Boolean)
          .join('\n')
          .slice(0, 10000),
      },
    ];
    if (p.routeReads) {
      for (const id of target.connections) {
        const read = connectionById(doc, id);
        const route = `reader endpoint (lag ~${p.expectedLagMs} ms)`;
        ops.push({ op: 'updateConnection', id, label: (read.label ? `${read.label} · ${route}` : route).slice(0, 200) });
      }
    }
    return patternChangeSet(
      'read-replicas',
      `${p.count} read replica${p.count === 1 ? '' : 's'} on ${ctx.name(db)}${p.routeReads ? `; reads of ${nameList([...new Set(target.components.slice(1).map((r) => ctx.name(r)))], Infinity)} go to the reader endpoint` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Read replicas',
    description: 'A reporting-heavy billing service runs on one PostgreSQL instance with no replica: a replica takes the reads and is a copy to promote.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Back office', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', config: { auth: 'oidc' }, position: { x: 240, y: 0 } },
      { id: 'billing', type: 'service', label: 'Billing', config: { replicas: 2, vcpus: 1 }, position: { x: 480, y: 0 } },
      { id: 'billing-db', type: 'postgresql', label: 'Billing DB', config: { instanceType: 'db.r6g.large', encryptedAtRest: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http' },
      { from: 'alb', to: 'billing', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'billing', to: 'billing-db', type: 'read', config: { timeoutMs: 2000 } },
      { from: 'billing', to: 'billing-db', type: 'write', config: { timeoutMs: 2000, share: 0.1 } },
    ],
  },
});
