import { fmt } from '../../format';
import type { ArchDocument, Connection } from '../../document/schema';
import { REFERENCE_REGION } from '../../pricing/regions';
import type { Op } from '../../document/change-set';
import { addComponent, addConnection, copiedConfig, near, type PatternContext } from '../context';

/** Numbers for reasons and summaries: "1,200", "0.45", "96.5". */
export { fmt };

/** Connection types where the caller waits for the answer and that carry `timeoutMs`. */
export const TIMED_CALLS = ['http', 'grpc', 'graphql', 'read', 'write'] as const;
/** Service-to-service calls: the ones with `retryBackoff`, `bulkhead` and circuit-breaker fields. */
export const SERVICE_CALLS = ['http', 'grpc', 'graphql'] as const;

/** Worst case a call holds its caller: every attempt timing out, plus the backoffs between them. */
export function worstCase(config: Record<string, unknown>, timeoutMs: number): number {
  const retries = (config.retries as number | undefined) ?? 0;
  const backoff = config.retryBackoff as { baseDelayMs: number; maxDelayMs: number } | undefined;
  let waits = 0;
  if (backoff) for (let n = 0; n < retries; n++) waits += Math.min(backoff.baseDelayMs * 2 ** n, backoff.maxDelayMs);
  return timeoutMs * (retries + 1) + waits;
}

/**
 * The deadline a service works to: the longest any of its callers waits for it (past that, every caller has given up),
 * capped by its own maximum run time (a function's `timeoutMs`). `caller` is the call that sets it; absent when its own
 * limit does.
 */
export function deadlineOf(ctx: PatternContext, id: string): { ms: number; caller?: Connection } | undefined {
  let best: { ms: number; caller?: Connection } | undefined;
  for (const c of ctx.incoming(id, SERVICE_CALLS)) {
    const t = ctx.connectionConfig(c).timeoutMs as number | undefined;
    if (t !== undefined && (!best || t > best.ms)) best = { ms: t, caller: c };
  }
  const own = ctx.config(id).timeoutMs;
  return typeof own === 'number' && (!best || own < best.ms) ? { ms: own } : best;
}

/** Instance-count keys, as the spof rule reads them. */
const COUNT_KEYS = ['replicas', 'nodeCount', 'brokers', 'nodes', 'minInstances'] as const;

/**
 * Whether a component keeps running when one instance or zone fails — the same test the `spof` rule makes: managed HA
 * services, Multi-AZ / zone-redundant, two or more instances (or an autoscaling minimum of 2), read replicas, or a
 * replication connection to a standby.
 */
export function isRedundant(ctx: PatternContext, id: string): boolean {
  if (ctx.hasRole(id, 'ha-managed')) return true;
  const c = ctx.config(id);
  if (c.multiAz === true || c.multiZone === true || c.zoneRedundant === true || c.serverless === true) return true;
  const autoscaling = c.autoscaling as { min: number } | undefined;
  if (autoscaling && autoscaling.min >= 2) return true;
  for (const key of COUNT_KEYS) if (typeof c[key] === 'number' && (c[key] as number) >= 2) return true;
  if (typeof c.readReplicas === 'number' && c.readReplicas > 0) return true;
  return ctx.outgoing(id, ['replication']).length > 0;
}

/**
 * The config patch that runs a compute component on two instances, for the keys its type has: `replicas` (and an
 * autoscaling minimum of 2 when it autoscales), `minInstances` (Cloud Run, Container Apps), `nodeCount`. Undefined when
 * the type has no such key.
 */
export function twoInstances(ctx: PatternContext, id: string): Record<string, unknown> | undefined {
  const shape = ctx.def(id)?.config.shape as Record<string, unknown> | undefined;
  if (!shape) return undefined;
  const c = ctx.config(id);
  const autoscaling = c.autoscaling as { min: number; max: number } | undefined;
  if ('replicas' in shape) {
    const replicas = Math.max(2, typeof c.replicas === 'number' ? c.replicas : 1);
    return { replicas, ...(autoscaling && autoscaling.min < 2 && { autoscaling: { min: 2, max: Math.max(2, autoscaling.max) } }) };
  }
  if ('minInstances' in shape) {
    const max = typeof c.maxInstances === 'number' ? c.maxInstances : undefined;
    return { minInstances: 2, ...(max !== undefined && max < 2 && { maxInstances: 2 }) };
  }
  if ('nodeCount' in shape) return { nodeCount: 2 };
  return undefined;
}

/** The document's region, or the cloud's reference region when it names none. */
export function docRegion(doc: ArchDocument): string {
  const cloud = doc.constraints.cloud;
  return doc.constraints.region ?? REFERENCE_REGION[cloud && cloud !== 'multi' ? cloud : 'aws'];
}

/**
 * The region a second copy goes to: the provider's paired or customary disaster-recovery region, in the same
 * geography (so data-residency constraints still hold: an EU region pairs with an EU region).
 */
const DR_REGION: Record<string, string> = {
  // AWS: the usual cross-region pairs, same continent
  'us-east-1': 'us-west-2',
  'us-east-2': 'us-west-2',
  'us-west-1': 'us-east-1',
  'us-west-2': 'us-east-1',
  'ca-central-1': 'us-east-1',
  'eu-west-1': 'eu-central-1',
  'eu-central-1': 'eu-west-1',
  'eu-west-2': 'eu-west-1',
  'eu-west-3': 'eu-central-1',
  'eu-north-1': 'eu-central-1',
  'ap-southeast-1': 'ap-southeast-2',
  'ap-southeast-2': 'ap-southeast-1',
  'ap-northeast-1': 'ap-northeast-3',
  'ap-south-1': 'ap-south-2',
  'sa-east-1': 'us-east-1',
  // GCP
  'us-central1': 'us-east1',
  'us-east1': 'us-central1',
  'us-east4': 'us-central1',
  'us-west1': 'us-central1',
  'europe-west1': 'europe-west4',
  'europe-west4': 'europe-west1',
  'europe-west3': 'europe-west1',
  'europe-west2': 'europe-west1',
  'europe-north1': 'europe-west4',
  'asia-southeast1': 'asia-east1',
  'asia-northeast1': 'asia-northeast2',
  // Azure: the published region pairs
  eastus: 'westus',
  westus: 'eastus',
  eastus2: 'centralus',
  centralus: 'eastus2',
  westus2: 'westcentralus',
  westus3: 'eastus',
  northeurope: 'westeurope',
  westeurope: 'northeurope',
  uksouth: 'ukwest',
  germanywestcentral: 'germanynorth',
  francecentral: 'francesouth',
  swedencentral: 'swedensouth',
  japaneast: 'japanwest',
  southeastasia: 'eastasia',
  australiaeast: 'australiasoutheast',
  canadacentral: 'canadaeast',
  centralindia: 'southindia',
};

export function secondaryRegion(primary: string): string {
  return DR_REGION[primary] ?? (primary === 'us-west-2' ? 'us-east-1' : primary.startsWith('europe-') ? 'europe-west4' : /^[a-z]+\d?$/.test(primary) ? 'westus' : 'us-west-2');
}

/** The region a component runs in: its own `region`, else the document's. */
export function regionOf(ctx: PatternContext, id: string): string {
  return (ctx.config(id).region as string | undefined) ?? docRegion(ctx.doc);
}

/** Connections grouped by (from, to) pair, in document order: a target names a pair once, whatever its connection types. */
export function byPair(connections: readonly Connection[]): Connection[][] {
  const groups = new Map<string, Connection[]>();
  for (const c of connections) {
    const key = `${c.from}\u0000${c.to}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** The connection with this id, or an error naming it (a target from another document). */
export function connectionById(doc: ArchDocument, id: string): Connection {
  const connection = doc.connections.find((c) => c.id === id);
  if (!connection) throw new Error(`connection ${id} is not in the document`);
  return connection;
}

/** The component's config as written, without defaults or its own load (`copiedConfig`): what a copy of it carries over. */
export function writtenConfig(ctx: PatternContext, id: string): Record<string, unknown> {
  return copiedConfig(ctx.component(id)?.config);
}

/**
 * The `addConnection` op copying connection `c` to other ends: same type and config, and an id from `copyId` (the apply
 * call's `copyIdMaker`) when `c` has an explicit one.
 */
export function copyConnection(copyId: (source: Connection) => string | undefined, c: Connection, ends: { from?: string; to?: string }): Op {
  const id = copyId(c);
  return addConnection({ ...(id && { id }), from: ends.from ?? c.from, to: ends.to ?? c.to, type: c.type, ...(c.config && { config: { ...c.config } }) });
}

/**
 * Ops that add a copy of a compute component in another region: same type and written config with `region` set (and
 * `overrides` applied), its telemetry connections mirrored so it is observed like the original (ids from `copyId`).
 * Returns the new id.
 */
export function copyInRegion(
  ctx: PatternContext,
  id: string,
  newId: string,
  region: string,
  label: string,
  overrides: Record<string, unknown>,
  notes: string,
  dy: number,
  copyId: (source: Connection) => string | undefined,
): { ops: Op[]; id: string } {
  const original = ctx.component(id)!;
  const config: Record<string, unknown> = { ...writtenConfig(ctx, id), region };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete config[k];
    else config[k] = v;
  }
  const ops: Op[] = [addComponent({ id: newId, type: original.type, label, config, position: near(ctx, id, 0, dy), notes })];
  for (const c of ctx.outgoing(id, ['telemetry'])) ops.push(copyConnection(copyId, c, { from: newId }));
  return { ops, id: newId };
}
