import { capacityOf, instancesNeeded } from '../../capacity/capacity';
import { connectionMismatch, getComponentDef, getConnectionDef } from '../../catalog/catalog';
import type { Op } from '../../document/change-set';
import { fmt } from '../../format';
import type { ArchDocument, Connection } from '../../document/schema';
import { addConnection, type PatternContext } from '../context';

/**
 * Wiring helpers shared by the scalability, messaging and networking patterns: sizing a service the pattern adds,
 * copying a component's connections to a new copy of it, and the configs new connections need so that what a pattern
 * adds does not raise health findings of its own.
 */

/** Utilisation new instances are sized for (as the capacity rule's fix): headroom for spikes and losing one instance. */
export const SIZING_UTILISATION = 0.7;

/** Compliance regimes under which the mtls rule wants internal calls mutually authenticated. */
const MTLS_REGIMES = new Set(['hipaa', 'pci', 'soc2']);

/** Function platforms: no sidecars, no replicas to set, scaled per request by the provider. */
export const FUNCTION_TYPES = new Set(['aws.lambda', 'gcp.cloud-functions', 'azure.functions']);

export const SERVICE_CALLS = ['http', 'grpc', 'graphql'] as const;

/** The connection with this id, or an error naming it. */
export function connectionById(doc: ArchDocument, id: string): Connection {
  const connection = doc.connections.find((c) => c.id === id);
  if (!connection) throw new Error(`connection ${id} is not in the document`);
  return connection;
}

/** Whether the document's compliance asks for mutual TLS on internal calls. */
export function mtlsRequired(doc: ArchDocument): boolean {
  return (doc.constraints.compliance ?? []).some((c) => MTLS_REGIMES.has(c));
}

/** Whether a connection type fits between two component types (roles and accepted types). */
export function fits(connectionType: string, fromType: string, toType: string): boolean {
  const def = getConnectionDef(connectionType);
  const from = getComponentDef(fromType);
  const to = getComponentDef(toType);
  return !!def && !!from && !!to && connectionMismatch(def, from, to) === undefined;
}

/** Whether a component is a dead-letter queue: something dead-letters into it, or its id or label says so. */
export function isDeadLetterQueue(ctx: PatternContext, id: string): boolean {
  if (ctx.incoming(id, ['dead-letter']).length > 0) return true;
  return /(^|[^a-z])dlq([^a-z]|$)|dead[- ]?letter/i.test(`${id} ${ctx.component(id)?.label ?? ''}`);
}

/**
 * Config for a queue or topic a pattern adds: failed messages go to a dead-letter queue where the type has the setting,
 * and SNS topics get server-side encryption (SNS stores messages unencrypted unless it is on; SQS, Pub/Sub and Service
 * Bus encrypt by default).
 */
export function queueConfig(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const shape = getComponentDef(type)?.config.shape as Record<string, unknown> | undefined;
  return { ...(shape && 'deadLetter' in shape && { deadLetter: true }), ...(type === 'aws.sns' && { encryptedAtRest: true }), ...extra };
}

/** The keys of a component type's config schema. */
export function configKeys(type: string): Set<string> {
  return new Set(Object.keys((getComponentDef(type)?.config.shape ?? {}) as Record<string, unknown>));
}

/**
 * Instance bounds for a component of `type` (with `config`) that must carry `peakRps` at peak and `averageRps` most of
 * the time, from the catalog's capacity figure: the minimum keeps the average at 70 % utilisation (never below
 * `floor`), the maximum the peak. Undefined when the catalog has no figure for it.
 */
export function instanceBounds(
  type: string,
  config: Record<string, unknown>,
  peakRps: number,
  averageRps: number,
  floor = 2,
  utilisation = SIZING_UTILISATION,
): { min: number; max: number; perInstanceRps: number; basis: string } | undefined {
  const capacity = capacityOf({ id: 'sizing', type, config }, undefined, false);
  if (!capacity || !(capacity.perInstanceRps > 0)) return undefined;
  const min = Math.min(1000, Math.max(floor, instancesNeeded(averageRps, capacity.perInstanceRps, utilisation)));
  const max = Math.min(1000, Math.max(min, instancesNeeded(peakRps, capacity.perInstanceRps, utilisation)));
  return { min, max, perInstanceRps: capacity.perInstanceRps, basis: capacity.basis };
}

/**
 * Config for a service a pattern adds that carries `peakRps`: two instances at least, and autoscaling bounds from the
 * catalog's capacity figure where the type has them. Managed platforms that scale themselves get no instance settings.
 */
export function newServiceConfig(type: string, peakRps: number, averageRps: number, base: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = configKeys(type);
  const config: Record<string, unknown> = { ...base };
  const bounds = instanceBounds(type, config, peakRps, averageRps);
  if (keys.has('replicas')) config.replicas = Math.max(2, bounds?.min ?? 2);
  if (keys.has('autoscaling') && bounds && bounds.max > (config.replicas as number)) config.autoscaling = { min: config.replicas, max: bounds.max };
  return config;
}

/** Config for a new synchronous call from one of our services to another: a circuit breaker, a timeout, mTLS when compliance asks. */
export function serviceCallConfig(doc: ArchDocument, timeoutMs = 2000): Record<string, unknown> {
  return { circuitBreaker: true, timeoutMs, ...(mtlsRequired(doc) && { mtls: true }) };
}

/** The keys of `config` a connection type accepts, optionally without some. */
export function keepConfig(type: string, config: Record<string, unknown> | undefined, drop: readonly string[] = []): Record<string, unknown> | undefined {
  if (!config) return undefined;
  const shape = (getConnectionDef(type)?.config.shape ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(config).filter(([k]) => k in shape && !drop.includes(k)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** An `addConnection` op with the config left out when empty. */
export function connect(from: string, to: string, type: string, config?: Record<string, unknown>): Op {
  return addConnection({ from, to, type, ...(config && Object.keys(config).length > 0 && { config }) });
}

/**
 * Ops giving `copy` the outgoing connections of `original` (same targets, types and configs), so a copy of a service
 * reads and writes what the original does and reports to the same telemetry stores. `only` filters the connection
 * types; `skip` leaves out targets.
 */
export function copyOutgoing(ctx: PatternContext, original: string, copy: string, options: { only?: readonly string[]; skip?: ReadonlySet<string> } = {}): Op[] {
  return ctx
    .outgoing(original, options.only)
    .filter((c) => !options.skip?.has(c.to))
    .map((c) => connect(copy, c.to, c.type, c.config));
}

/** Ops connecting a new component to the telemetry stores `sibling` reports to. */
export function copyTelemetry(ctx: PatternContext, sibling: string, component: string): Op[] {
  return copyOutgoing(ctx, sibling, component, { only: ['telemetry'] });
}

/** The first service that a component reports telemetry like: itself, else any service in the document with telemetry. */
export function telemetrySibling(ctx: PatternContext, near?: string): string | undefined {
  if (near && ctx.outgoing(near, ['telemetry']).length > 0) return near;
  return ctx.withRole('service').find((id) => ctx.outgoing(id, ['telemetry']).length > 0);
}

/** A rounded, thousands-separated number for reasons and summaries. */
export const num = fmt;

/** A list of names: "A", "A and B", "A, B and C". */
export function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
