import type { ComponentDef, EquivalenceClass, Role } from '../catalog/types';
import { COMPONENT_DEFS } from '../catalog/components/registry';
import type { ChangeSet, Op } from '../document/change-set';
import { resolveConnectionConfig } from '../document/resolve';
import { defaultConnectionId, type ArchDocument, type Component, type Connection, type Position } from '../document/schema';
import { buildGraph, inOf, outOf, type ArchGraph } from '../graph/graph';
import { traffic, type TrafficResult } from '../traffic/traffic';
import type { PatternTarget } from './types';

/**
 * What `appliesTo` and `apply` read: the document as an indexed graph with effective configs, display names and the
 * traffic model, built once per document (documents are immutable) and shared by every pattern.
 */
export interface PatternContext {
  doc: ArchDocument;
  graph: ArchGraph;
  /** The traffic model, computed on first use. */
  readonly traffic: TrafficResult;
  /** Index of a component id, or undefined. */
  indexOf(id: string): number | undefined;
  component(id: string): Component | undefined;
  def(id: string): ComponentDef | undefined;
  /** Effective config of a component (defaults filled in); `{}` for an unknown id. */
  config(id: string): Record<string, unknown>;
  /** Effective config of a connection (defaults filled in). */
  connectionConfig(connection: Connection): Record<string, unknown>;
  /** Display name: the label, or the id. */
  name(id: string): string;
  hasRole(id: string, role: Role): boolean;
  /** Connections leaving / entering a component, optionally of the given types. */
  outgoing(id: string, types?: readonly string[]): Connection[];
  incoming(id: string, types?: readonly string[]): Connection[];
  /** Component ids that have any of the roles, in document order. */
  withRole(...roles: Role[]): string[];
  /** Peak requests (or messages) per second through a component or connection id; 0 when unknown. */
  peakRps(id: string): number;
}

const contexts = new WeakMap<ArchDocument, PatternContext>();

export function patternContext(doc: ArchDocument): PatternContext {
  let ctx = contexts.get(doc);
  if (ctx) return ctx;
  const graph = buildGraph(doc);
  let trafficResult: TrafficResult | undefined;
  const indexOf = (id: string) => graph.index.get(id);
  const edges = (list: (graph: ArchGraph, i: number) => number[], id: string, types?: readonly string[]) => {
    const i = indexOf(id);
    if (i === undefined) return [];
    return list(graph, i).map((e) => doc.connections[e]!).filter((c) => !types || types.includes(c.type));
  };
  ctx = {
    doc,
    graph,
    get traffic() {
      return (trafficResult ??= traffic(doc, graph));
    },
    indexOf,
    component: (id) => {
      const i = indexOf(id);
      return i === undefined ? undefined : doc.components[i];
    },
    def: (id) => {
      const i = indexOf(id);
      return i === undefined ? undefined : graph.defs[i];
    },
    config: (id) => {
      const i = indexOf(id);
      return i === undefined ? {} : graph.configs[i]!;
    },
    connectionConfig: (connection) => resolveConnectionConfig(connection) ?? {},
    name(id) {
      return this.component(id)?.label ?? id;
    },
    hasRole: (id, role) => {
      const i = indexOf(id);
      return i !== undefined && graph.hasRole(i, role);
    },
    outgoing: (id, types) => edges(outOf, id, types),
    incoming: (id, types) => edges(inOf, id, types),
    withRole: (...roles) => graph.ids.filter((_, i) => roles.some((r) => graph.hasRole(i, r))),
    peakRps(id) {
      return this.traffic.components.get(id)?.peakRps ?? this.traffic.connections.get(id)?.peakRps ?? 0;
    },
  };
  contexts.set(doc, ctx);
  return ctx;
}

/**
 * Hands out ids not used in the document (nor earlier in the same change set): "orders-dlq", then "orders-dlq-2", …
 * Create one per `apply` call.
 */
export function idMaker(doc: ArchDocument): (wish: string) => string {
  const taken = new Set(doc.components.map((c) => c.id));
  return (wish) => {
    const base = wish
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 60) || 'component';
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  };
}

/** A position offset from a component's, so added components land beside what they serve; undefined when it has none. */
export function near(ctx: PatternContext, id: string, dx: number, dy: number): Position | undefined {
  const p = ctx.component(id)?.position;
  return p ? { x: p.x + dx, y: p.y + dy } : undefined;
}

/** An `addComponent` op; the position is left out when unknown. */
export function addComponent(component: { id: string; type: string; label?: string; config?: Record<string, unknown>; position?: Position; notes?: string }): Op {
  const { position, config, ...rest } = component;
  return { op: 'addComponent', component: { ...rest, ...(config && Object.keys(config).length > 0 && { config }), ...(position && { position }) } };
}

/** An `addConnection` op. */
export function addConnection(connection: { id?: string; from: string; to: string; type: string; label?: string; config?: Record<string, unknown> }): Op {
  return { op: 'addConnection', connection };
}

/**
 * Ids for connections a change set adds as copies of existing ones (the same call moved or copied to other ends). A
 * copy of a connection with an explicit id gets an explicit id derived from it ("orders-reads" → "orders-reads-2", …),
 * unused in the document and earlier in the change set: left to the default `from->to:type`, the copies of two
 * same-type connections between the same components would get the same id. A copy of a connection with the default id
 * gets none (undefined): its own default, from its new ends, is distinct. Create one per `apply` call.
 */
export function copyIdMaker(doc: ArchDocument): (source: Connection) => string | undefined {
  const taken = new Set(doc.connections.map((c) => c.id));
  return (source) => {
    if (source.id === defaultConnectionId(source)) return undefined;
    const base = source.id.slice(0, 150);
    let id = `${base}-2`;
    for (let k = 3; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  };
}

/** Usage override fields (TR5) that describe each request, not the component's volume: a copy serves requests alike. */
const PER_REQUEST_USAGE = new Set(['requestSizeKb', 'responseSizeKb', 'averageDurationMs', 'inputTokensPerRequest', 'outputTokensPerRequest']);

/**
 * A component's config as written, for a copy of it. Of its `usage` override (TR5) only what describes each request
 * stays (sizes, duration, tokens): the volumes (requests, messages, storage, egress…) are the original's own load, which
 * the copy would otherwise add a second time downstream. `volumeShare` (0–1) keeps that part of the volumes instead,
 * for copies that take an equal part of the original's load (shards).
 */
export function copiedConfig(config: Record<string, unknown> | undefined, volumeShare = 0): Record<string, unknown> {
  const { usage, ...rest } = config ?? {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((usage ?? {}) as Record<string, unknown>)) {
    if (PER_REQUEST_USAGE.has(key)) kept[key] = value;
    else if (volumeShare > 0 && typeof value === 'number') kept[key] = key === 'metricSeries' ? Math.ceil(value * volumeShare) : round3(value * volumeShare);
  }
  return Object.keys(kept).length > 0 ? { ...rest, usage: kept } : rest;
}

/** Rounds to 3 decimals: a connection's `share` computed from others. */
export const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** A change set with origin `pattern:<id>`; the summary is cut to one line of at most 200 characters. */
export function patternChangeSet(patternId: string, summary: string, ops: Op[]): ChangeSet {
  const line = summary.replace(/\s+/g, ' ').trim();
  return { origin: `pattern:${patternId}`, summary: line.length > 200 ? `${line.slice(0, 199)}…` : line, ops };
}

/** Keeps the targets that touch the selection (any of their components), or all of them without a selection. */
export function inSelection(targets: PatternTarget[], selection?: readonly string[]): PatternTarget[] {
  if (!selection || selection.length === 0) return targets;
  const wanted = new Set(selection);
  return targets.filter((t) => t.components.some((id) => wanted.has(id)));
}

/**
 * The catalog type to add for a kind of component on this document's cloud: the first equivalence class that has one
 * from the document's cloud vendor, else a cloud-neutral one, else any. E.g. `typeFor(doc, 'queue', 'pubsub')` is
 * `aws.sqs` on AWS and `gcp.pubsub` on GCP.
 */
export function typeFor(doc: ArchDocument, ...classes: EquivalenceClass[]): string {
  const cloud = doc.constraints.cloud;
  for (const vendor of [cloud && cloud !== 'multi' ? cloud : 'aws', 'neutral']) {
    for (const equivalence of classes) {
      const def = COMPONENT_DEFS.find((d) => d.equivalence === equivalence && d.vendor === vendor);
      if (def) return def.id;
    }
  }
  const any = COMPONENT_DEFS.find((d) => classes.includes(d.equivalence));
  if (!any) throw new Error(`no component type in the catalog for ${classes.join(' or ')}`);
  return any.id;
}
