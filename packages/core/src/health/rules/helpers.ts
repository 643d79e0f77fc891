import { inOf, outOf, someOut } from '../../graph/graph';
import { applyChangeSet, type ApplyResult } from '../../document/apply';
import type { ChangeSet } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import type { RuleContext } from '../types';

/** A list of names for a message, shortened after `max`: "orders, cart and 3 more" (`total` when `names` holds only the first few). */
export function nameList(names: readonly string[], max = 5, total = names.length): string {
  if (total <= max) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${total - max} more`;
}

/** `nameList` of components by index, looking up only the names it shows (a finding may concern 100,000 components). */
export function componentNames(ctx: RuleContext, components: readonly number[], max = 5): string {
  return nameList(components.slice(0, max).map((i) => ctx.name(i)), max, components.length);
}

/** Components a service mesh covers with the given capability (`mtls` or `circuitBreaking`), by index. */
export function meshCoverage(ctx: RuleContext, capability: 'mtls' | 'circuitBreaking'): Set<number> {
  const covered = new Set<number>();
  const { graph } = ctx;
  for (let i = 0; i < graph.n; i++) {
    if (!graph.hasRole(i, 'mesh')) continue;
    const config = ctx.config(i);
    if (config[capability] !== true) continue;
    const covers = config.covers as string[] | undefined;
    if (covers) for (const id of covers) {
      const k = graph.index.get(id);
      if (k !== undefined) covered.add(k);
    }
    else for (let k = 0; k < graph.n; k++) if (graph.hasRole(k, 'service')) covered.add(k);
  }
  return covered;
}

/** An id not used in the document, from a wish: "orders-dlq", then "orders-dlq-2", … */
export function freshId(ctx: RuleContext, wish: string, taken: Set<string> = new Set()): string {
  let id = wish;
  for (let k = 2; ctx.graph.index.has(id) || taken.has(id); k++) id = `${wish}-${k}`;
  taken.add(id);
  return id;
}

/** A position beside component i (for components a fix adds), or undefined when i has none. */
export function beside(ctx: RuleContext, i: number, dx = 0, dy = 140): { x: number; y: number } | undefined {
  const p = ctx.doc.components[i]!.position;
  return p ? { x: p.x + dx, y: p.y + dy } : undefined;
}

/** True when component i runs more than one instance or fails over on its own. */
export function isRedundant(ctx: RuleContext, i: number): boolean {
  const c = ctx.config(i);
  const autoscaling = c.autoscaling as { min: number } | undefined;
  if (ctx.graph.hasRole(i, 'ha-managed')) return true;
  if (c.multiAz === true || c.multiZone === true || c.zoneRedundant === true || c.serverless === true) return true;
  if (autoscaling && autoscaling.min >= 2) return true;
  for (const key of ['replicas', 'nodeCount', 'brokers', 'nodes', 'minInstances']) {
    if (typeof c[key] === 'number' && (c[key] as number) >= 2) return true;
  }
  // a datastore with a replica connection or read replicas can fail over
  if (typeof c.readReplicas === 'number' && c.readReplicas > 0) return true;
  const { graph } = ctx;
  return someOut(graph, i, (e) => graph.connectionDefs[e]!.id === 'replication');
}

/**
 * Applies a change set that edits only component i to i's neighbourhood (i, the components it connects to, and its
 * connections): the same checks as applying it to the whole document — config against the type, and each connection
 * type against the types at its ends — in time proportional to i's degree, not to the document.
 */
export function applyNearby(ctx: RuleContext, i: number, changeSet: ChangeSet): ApplyResult {
  const { graph, doc } = ctx;
  const edges = [...outOf(graph, i), ...inOf(graph, i)];
  const members = new Set<number>([i]);
  for (const e of edges) members.add(graph.from[e]!).add(graph.to[e]!);
  const local: ArchDocument = { ...doc, components: [...members].map((k) => doc.components[k]!), connections: [...new Set(edges)].map((e) => doc.connections[e]!) };
  return applyChangeSet(local, changeSet);
}
