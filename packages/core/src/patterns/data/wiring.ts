import { getComponentDef } from '../../catalog/catalog';
import type { Op } from '../../document/change-set';
import type { ArchDocument, Connection } from '../../document/schema';
import { fmt } from '../../format';
import { MANAGED_TELEMETRY } from '../../health/rules/observability';
import { sizeFromName } from '../../pricing/pricers/sizing';
import { addComponent, addConnection, near, typeFor, type PatternContext } from '../context';

/**
 * Wiring shared by the data and state patterns: what counts as a database, read and write rates, and how to add the
 * workers (projectors, relays, flushers, orchestrators) and stores those patterns bring, configured so that they do
 * not themselves raise health findings (two replicas, telemetry like their neighbour, encryption where the product
 * leaves it to the user).
 */

export { fmt };

/** Call types between services. */
export const SERVICE_CALLS = ['http', 'grpc', 'graphql'] as const;
/** Messaging roles a producer publishes to. */
export const MESSAGING_ROLES = ['queue', 'topic', 'stream', 'event-bus'] as const;

/** A database: a datastore of the `database` category (relational, document or key-value; not caches, buckets, search). */
export const isDatabase = (ctx: PatternContext, id: string): boolean => ctx.def(id)?.category === 'database';

/** PostgreSQL or MySQL. */
export const isRelational = (ctx: PatternContext, id: string): boolean => {
  const eq = ctx.def(id)?.equivalence;
  return eq === 'managed-postgres' || eq === 'managed-mysql';
};

export const isCache = (ctx: PatternContext, id: string): boolean => ctx.hasRole(id, 'cache');

/** Our code: services and functions. */
export const isWorkload = (ctx: PatternContext, id: string): boolean => ctx.hasRole(id, 'service') || ctx.hasRole(id, 'serverless');

/** Peak rate summed over connections. */
export const rateOf = (ctx: PatternContext, connections: readonly Connection[]): number => connections.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);

/** The `share` of a connection (default 1). */
export const shareOf = (ctx: PatternContext, c: Connection): number => (ctx.connectionConfig(c).share as number | undefined) ?? 1;

/** Rounds a share to 4 decimals inside [0.0001, 1]. */
export const roundShare = (share: number): number => Math.min(1, Math.max(0.0001, Math.round(share * 10000) / 10000));

/** The connection by id, or throws (an `apply` given a stale target). */
export function connectionById(doc: ArchDocument, id: string): Connection {
  const c = doc.connections.find((x) => x.id === id);
  if (!c) throw new Error(`connection ${id} is not in the document`);
  return c;
}

/** Throws when a target names a component the document does not have. */
export function requireComponents(ctx: PatternContext, ids: readonly string[]): void {
  for (const id of ids) if (!ctx.component(id)) throw new Error(`component ${id} is not in the document`);
}

/** Config keys of a component type. */
const shapeOf = (type: string): Record<string, unknown> => (getComponentDef(type)?.config.shape ?? {}) as Record<string, unknown>;
export const hasField = (type: string, key: string): boolean => key in shapeOf(type);

/** vCPUs of one instance of a component: `vcpus`, else its instance type's size by name; undefined when unknown. */
export function vcpusOf(ctx: PatternContext, id: string): number | undefined {
  const config = ctx.config(id);
  const type = config.instanceType as string | undefined;
  return (type ? sizeFromName(type)?.vcpu : undefined) ?? (config.vcpus as number | undefined);
}

/**
 * What one instance of a database carries by the catalog's planning figure (or its measured `capacityRpsPerInstance`),
 * with the words saying how; undefined when the size is unknown.
 */
export function instanceCapacity(ctx: PatternContext, id: string): { rps: number; basis: string } | undefined {
  const config = ctx.config(id);
  const measured = config.capacityRpsPerInstance as number | undefined;
  if (measured !== undefined) return { rps: measured, basis: `the ~${fmt(measured)}/s one instance carries (measured, capacityRpsPerInstance)` };
  const perVcpu = ctx.def(id)?.capacity?.rpsPerVcpu;
  const vcpus = vcpusOf(ctx, id);
  if (!perVcpu || !vcpus) return undefined;
  const size = config.instanceType ? `${String(config.instanceType)} (${vcpus} vCPU)` : `${vcpus}-vCPU instance`;
  return { rps: perVcpu * vcpus, basis: `the ~${fmt(perVcpu * vcpus)}/s one ${size} carries by the planning figure of ${perVcpu}/s per vCPU` };
}

/** Reads and writes a datastore receives, by connection. */
export function accessOf(ctx: PatternContext, store: string): { reads: Connection[]; writes: Connection[]; readRps: number; writeRps: number } {
  const reads = ctx.incoming(store, ['read']);
  const writes = ctx.incoming(store, ['write']);
  return { reads, writes, readRps: rateOf(ctx, reads), writeRps: rateOf(ctx, writes) };
}

/** Types of store the patterns add, by product family. */
export type StoreKind = 'key-value' | 'search' | 'cache' | 'stream';

/** Equivalence classes of each kind, to reuse a technology the document already runs. */
const KIND_CLASSES: Record<StoreKind, readonly string[]> = {
  'key-value': ['key-value-db', 'document-db'],
  search: ['search'],
  cache: ['managed-redis'],
  stream: ['stream', 'managed-kafka'],
};

/**
 * The catalog type for a kind of store: one the document already uses (no new technology to learn and run) when it is
 * of the document's cloud or neutral, else the cloud's own.
 */
export function storeType(doc: ArchDocument, kind: StoreKind): string {
  const cloud = doc.constraints.cloud;
  for (const c of doc.components) {
    const def = getComponentDef(c.type);
    if (def && KIND_CLASSES[kind].includes(def.equivalence) && (def.vendor === 'neutral' || def.vendor === cloud)) return def.id;
  }
  switch (kind) {
    case 'key-value':
      return typeFor(doc, 'key-value-db', 'document-db');
    case 'search':
      return typeFor(doc, 'search');
    case 'cache':
      return typeFor(doc, 'managed-redis');
    case 'stream':
      return typeFor(doc, 'stream', 'managed-kafka');
  }
}

/** Whether a component type is software we run ourselves (the mtls rule checks calls into it). */
export const selfManagedType = (type: string): boolean => getComponentDef(type)?.roles.includes('self-managed') === true;

/** Products that encrypt at rest only when asked (the field is a setting, not a fact). */
const ENCRYPTION_IS_A_SETTING = new Set(['aws.kinesis', 'aws.sns']);

/**
 * A production config for a store the pattern adds: redundant (replicas, Multi-AZ), encrypted at rest where the product
 * leaves it to the user, and flagged as holding personal data when what it copies does.
 */
export function storeConfig(type: string, options: { personalData?: boolean; instances?: number } = {}): Record<string, unknown> {
  const def = getComponentDef(type);
  if (!def) throw new Error(`unknown component type ${type}`);
  const shape = shapeOf(type);
  const config: Record<string, unknown> = {};
  const managedHa = def.roles.includes('ha-managed');
  if ('multiAz' in shape) config.multiAz = true;
  if ('readReplicas' in shape && def.roles.includes('cache')) config.readReplicas = 1;
  if ('replicas' in shape && !managedHa) config.replicas = Math.max(def.roles.includes('search') ? 3 : 2, options.instances ?? 0);
  if (type === 'aws.opensearch') {
    config.instanceType = 'r6g.large.search';
    config.dedicatedMasterNodes = 3;
  }
  if (type === 'aws.elasticache') config.instanceType = 'cache.r7g.large';
  if (type === 'redis') config.memoryGb = 6;
  if (type === 'aws.dynamodb') config.pointInTimeRecovery = true;
  if (type === 'azure.cosmosdb') {
    config.autoscale = true;
    config.requestUnitsPerSecond = 4000;
    config.zoneRedundant = true;
  }
  if ('encryptedAtRest' in shape && (!managedHa || ENCRYPTION_IS_A_SETTING.has(type))) config.encryptedAtRest = true;
  if (options.personalData && 'personalData' in shape) config.personalData = true;
  return config;
}

/** Whether a component holds or processes personal data. */
export const personal = (ctx: PatternContext, ...ids: string[]): boolean => ids.some((id) => ctx.config(id).personalData === true);

/** Compliance regimes under which the mtls rule wants internal calls mutually authenticated. */
export const needsMtls = (doc: ArchDocument): boolean => (doc.constraints.compliance ?? []).some((c) => c === 'hipaa' || c === 'pci' || c === 'soc2');

/** Planning figure of our container services (catalog `service`): requests/s per vCPU. */
const SERVICE_RPS_PER_VCPU = 100;
const FARGATE_VCPUS = [0.25, 0.5, 1, 2, 4, 8, 16];

/**
 * A worker service (projector, relay, flusher, orchestrator) beside `like`: the same container platform when `like`
 * runs on one, else the cloud's container service; two instances, sized for `rps` (the average when it pulls from a log
 * or queue, since the backlog waits there), personal data and telemetry copied from `like`. Returns the ops.
 */
export function addWorker(
  ctx: PatternContext,
  options: { id: string; label: string; like: string; rps: number; pulled: boolean; dx: number; dy: number; notes?: string; auth?: string; config?: Record<string, unknown> },
): Op[] {
  const { doc } = ctx;
  const likeDef = ctx.def(options.like);
  const type = likeDef?.equivalence === 'container-service' ? likeDef.id : typeFor(doc, 'container-service');
  const shape = shapeOf(type);
  const demand = options.pulled ? options.rps / ctx.traffic.peakToAverage : options.rps;
  const config: Record<string, unknown> = {};
  if ('replicas' in shape) {
    // two instances, each with vCPUs to carry the demand at 70 % utilisation
    const perReplica = demand / 2 / (SERVICE_RPS_PER_VCPU * 0.7);
    const vcpus = FARGATE_VCPUS.find((v) => v >= perReplica) ?? 16;
    const replicas = vcpus === 16 ? Math.max(2, Math.ceil(demand / (16 * SERVICE_RPS_PER_VCPU * 0.7))) : 2;
    Object.assign(config, { replicas, vcpus, memoryMb: Math.max(1024, vcpus * 2048) });
    if (type === 'aws.ecs') config.launchType = 'fargate';
  } else if (type === 'gcp.cloud-run') {
    Object.assign(config, { vcpus: 1, memoryMb: 1024, billing: 'instance', minInstances: 2, maxInstances: 10 });
  } else if (type === 'azure.container-apps') {
    Object.assign(config, { vcpus: 0.5, memoryMb: 1024, minInstances: 2, maxInstances: 10 });
  }
  if (options.auth && 'auth' in shape) config.auth = options.auth;
  if (personal(ctx, options.like) && 'personalData' in shape) config.personalData = true;
  Object.assign(config, options.config);
  const ops: Op[] = [
    addComponent({ id: options.id, type, label: options.label, config, position: near(ctx, options.like, options.dx, options.dy), ...(options.notes && { notes: options.notes }) }),
  ];
  ops.push(...telemetryLike(ctx, options.like, options.id));
  return ops;
}

/** Telemetry connections for a new component, copied from `like`'s (same collectors or stores, same signals). */
export function telemetryLike(ctx: PatternContext, like: string, id: string): Op[] {
  const ops = ctx.outgoing(like, ['telemetry']).map((t) =>
    addConnection({ from: id, to: t.to, type: 'telemetry', ...(t.config?.signals !== undefined && { config: { signals: t.config.signals } }) }),
  );
  // what the platform sends for `like` without a connection (Lambda to CloudWatch) the new worker must send itself
  const managed = MANAGED_TELEMETRY[ctx.component(like)?.type ?? ''];
  const store = managed && ctx.doc.components.find((c) => c.type === managed.store)?.id;
  if (managed && store && !ctx.outgoing(like, ['telemetry']).some((t) => t.to === store)) {
    ops.push(addConnection({ from: id, to: store, type: 'telemetry', config: { signals: [...managed.signals] } }));
  }
  return ops;
}

/** An added connection's config without keys at their default (share 1) and without undefined values. */
export function connectionConfig(config: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(config).filter(([k, v]) => v !== undefined && !(k === 'share' && v === 1)));
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The `addConnection` op for a connection moved to another end: same type, label and config (share scaled when asked),
 * and an id from `copyId` (the apply call's `copyIdMaker`) when the original has an explicit one.
 */
export function moveConnection(copyId: (source: Connection) => string | undefined, c: Connection, ends: { from?: string; to?: string }, patch: Record<string, unknown> = {}): Op {
  const config = connectionConfig({ ...(c.config ?? {}), ...patch });
  const id = copyId(c);
  return addConnection({ ...(id && { id }), from: ends.from ?? c.from, to: ends.to ?? c.to, type: c.type, ...(c.label && { label: c.label }), ...(config && { config }) });
}

/** Components fed by a change stream out of a datastore or a log: projectors, relays, flushers. */
export function fedByChangeStream(ctx: PatternContext, id: string): boolean {
  return ctx.incoming(id, ['stream', 'consume']).some((c) => ctx.hasRole(c.from, 'datastore') || ctx.hasRole(c.from, 'stream'));
}

/**
 * Components driven only by messages or change streams (a `consume` or `stream` in, and no requests from callers):
 * workers such as projectors, whose writes are derived data.
 */
export const fedByMessages = (ctx: PatternContext, id: string): boolean =>
  ctx.incoming(id, ['stream', 'consume']).length > 0 && ctx.incoming(id, [...SERVICE_CALLS, 'websocket']).length === 0;

/** The `stream` connection config that carries only a datastore's writes (its change log), not its reads. */
export function changeLogShare(ctx: PatternContext, store: string, writeRps: number): number | undefined {
  const total = ctx.peakRps(store);
  if (!(total > 0) || writeRps >= total) return undefined;
  return roundShare(writeRps / total);
}

/** The native change-stream setting a database type has (DynamoDB Streams), to turn on when a connector reads its log. */
export function changeStreamPatch(type: string): Record<string, unknown> | undefined {
  return hasField(type, 'streams') ? { streams: true } : undefined;
}

/** Config that gives a cache a replica with automatic failover, or undefined when it already has one (or cannot). */
export function cacheRedundancyPatch(ctx: PatternContext, cache: string): Record<string, unknown> | undefined {
  const config = ctx.config(cache);
  const type = ctx.component(cache)?.type ?? '';
  if (ctx.hasRole(cache, 'ha-managed') || config.serverless === true) return undefined;
  if (hasField(type, 'nodes')) return typeof config.nodes === 'number' && config.nodes >= 2 ? undefined : { nodes: 2 };
  const patch: Record<string, unknown> = {};
  if (hasField(type, 'readReplicas') && !(typeof config.readReplicas === 'number' && config.readReplicas > 0)) patch.readReplicas = 1;
  if (hasField(type, 'multiAz') && config.multiAz !== true) patch.multiAz = true;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * Moves the components a change set adds off positions already taken (by the document or earlier in the change set),
 * one row (140 px) down at a time, so nothing lands on top of something else.
 */
export function spread(ctx: PatternContext, ops: Op[]): Op[] {
  const taken = ctx.doc.components.flatMap((c) => (c.position ? [c.position] : []));
  const clash = (p: { x: number; y: number }) => taken.some((q) => Math.abs(q.x - p.x) < 200 && Math.abs(q.y - p.y) < 100);
  return ops.map((op) => {
    if (op.op !== 'addComponent' || !op.component.position) return op;
    let position = op.component.position;
    while (clash(position)) position = { x: position.x, y: position.y + 140 };
    taken.push(position);
    return position === op.component.position ? op : { ...op, component: { ...op.component, position } };
  });
}
