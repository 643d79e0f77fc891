import type { ChangeSet, Op, Origin } from './change-set';
import type { ArchDocument, Component, Connection } from './schema';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A config patch from `a` to `b`: changed keys set, dropped keys null. Undefined when equal. */
function configPatch(a: Record<string, unknown> = {}, b: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(a)) if (!(key in b)) patch[key] = null;
  for (const [key, value] of Object.entries(b)) if (!same(a[key], value)) patch[key] = value;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Label/notes/type/config changes of one component or connection, or undefined when nothing changed. */
function itemUpdate<T extends Component | Connection>(a: T, b: T) {
  const update: { type?: string; label?: string | null; notes?: string | null; config?: Record<string, unknown> } = {};
  if (a.type !== b.type) update.type = b.type;
  if (a.label !== b.label) update.label = b.label ?? null;
  if (a.notes !== b.notes) update.notes = b.notes ?? null;
  const config = configPatch(a.config, b.config);
  if (config) update.config = config;
  return Object.keys(update).length > 0 ? update : undefined;
}

/**
 * The ops that turn document `from` into document `to` (components, connections, constraints, positions; the document
 * name is not part of a change set). Applying `changeSetBetween(a, b, …)` to `a` gives `b`'s components, connections
 * and constraints. Linear in the size of both documents. Used to restore a version as a new change set.
 */
export function changeSetBetween(from: ArchDocument, to: ArchDocument, origin: Origin, summary: string): ChangeSet | undefined {
  const ops: Op[] = [];
  const toComponents = new Map(to.components.map((c) => [c.id, c]));
  const fromComponents = new Map(from.components.map((c) => [c.id, c]));
  const toConnections = new Map(to.connections.map((c) => [c.id, c]));
  const fromConnections = new Map(from.connections.map((c) => [c.id, c]));

  // connections first, so removing a component does not also take connections the target keeps elsewhere
  for (const c of from.connections) {
    const target = toConnections.get(c.id);
    if (!target || target.from !== c.from || target.to !== c.to) ops.push({ op: 'removeConnection', id: c.id });
  }
  for (const c of from.components) if (!toComponents.has(c.id)) ops.push({ op: 'removeComponent', id: c.id });

  const positions: Record<string, { x: number; y: number } | null> = {};
  for (const c of to.components) {
    const before = fromComponents.get(c.id);
    if (!before) {
      ops.push({ op: 'addComponent', component: c });
      continue;
    }
    const update = itemUpdate(before, c);
    if (update) ops.push({ op: 'updateComponent', id: c.id, ...update });
    if (!same(before.position, c.position)) positions[c.id] = c.position ?? null;
  }
  for (const c of to.connections) {
    const before = fromConnections.get(c.id);
    if (!before || before.from !== c.from || before.to !== c.to) {
      ops.push({ op: 'addConnection', connection: c });
      continue;
    }
    const update = itemUpdate(before, c);
    if (update) ops.push({ op: 'updateConnection', id: c.id, ...update });
  }
  const constraints = configPatch(from.constraints, to.constraints);
  if (constraints) ops.push({ op: 'setConstraints', constraints } as Op);
  if (Object.keys(positions).length > 0) ops.push({ op: 'moveComponents', positions });
  return ops.length > 0 ? { origin, summary, ops } : undefined;
}
