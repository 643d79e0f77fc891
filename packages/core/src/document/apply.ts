import { changeSetSchema, type ChangeSet, type Op } from './change-set';
import { type DocumentIssue, issuesFromZod } from './issues';
import { childPath } from './json-text';
import { sortIssues } from './parse';
import { type ArchDocument, type Component, type Connection, type Constraints, type Position, constraintsSchema, defaultConnectionId } from './schema';
import { semanticIssues } from './validate';

export type ApplyResult =
  | { ok: true; document: ArchDocument; inverse: ChangeSet }
  | { ok: false; errors: DocumentIssue[] };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Sets or removes (`null`) each key of `patch` on a copy of `target`; returns the copy and the patch that undoes it. */
function patchObject<T extends Record<string, unknown>>(target: T | undefined, patch: Record<string, unknown>) {
  const next: Record<string, unknown> = { ...target };
  const undo: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    undo[key] = Object.prototype.hasOwnProperty.call(next, key) ? next[key] : null;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return { next: next as T, undo };
}

/** The `type`, `label` and `notes` an update op sets (null = remove), leaving out the ones it does not touch. */
function definedFields(op: { type?: string; label?: string | null; notes?: string | null }): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of ['type', 'label', 'notes'] as const) if (op[key] !== undefined) fields[key] = op[key];
  return fields;
}

const hasKeys = (o: Record<string, unknown> | undefined) => o !== undefined && Object.keys(o).length > 0;

type UpdateOp = { type?: string; label?: string | null; notes?: string | null; config?: Record<string, unknown> };

/** Applies an update op to a component or connection: its fields and its config patch; returns the undo patch too. */
function updateItem<T extends Component | Connection>(before: T, op: UpdateOp): { after: T; undo: Record<string, unknown> } {
  const fields = patchObject(before as unknown as Record<string, unknown>, definedFields(op));
  const after = fields.next as unknown as Mutable<T>;
  const undo: Record<string, unknown> = { ...fields.undo };
  if (op.config) {
    const config = patchObject(before.config, op.config);
    undo.config = config.undo;
    if (hasKeys(config.next)) after.config = config.next;
    else delete after.config;
  }
  return { after, undo };
}

/**
 * Applies a change set to a document. Pure: `doc` is not modified. Returns the new document and the change set that
 * undoes it (removing a component also removes its connections; the inverse restores both), or every problem, each
 * with its path inside the change set (`ops[2].component.config.replicas`).
 *
 * @example
 * const result = applyChangeSet(doc, { origin: 'user', summary: 'Add cache', ops: [{ op: 'addComponent', component: { id: 'cache', type: 'redis' } }] });
 * if (result.ok) { doc = result.document; undoStack.push(result.inverse); }
 */
export function applyChangeSet(doc: ArchDocument, changeSet: unknown): ApplyResult {
  const parsed = changeSetSchema.safeParse(changeSet);
  if (!parsed.success) return { ok: false, errors: sortIssues(issuesFromZod(parsed.error, changeSetSchema, changeSet)) };
  const cs = parsed.data;

  const components = [...doc.components];
  const connections = [...doc.connections];
  let constraints: Constraints = doc.constraints;
  const componentIndex = new Map(components.map((c, i) => [c.id, i]));
  const connectionIndex = new Map(connections.map((c, i) => [c.id, i]));
  const errors: DocumentIssue[] = [];
  const inverses: Op[][] = [];
  /** Which op last wrote each component/connection, and where its fields sit in that op, to point errors at the op. */
  const writtenBy = new Map<string, string>();

  // Connections by component id, built on the first removeComponent so removals cost O(degree), not O(connections).
  let edgeIndex: Map<string, Set<string>> | undefined;
  const edges = () => {
    if (!edgeIndex) {
      edgeIndex = new Map();
      for (const c of connections) if (c) link(c);
    }
    return edgeIndex;
  };
  const link = (c: Connection) => {
    if (!edgeIndex) return;
    for (const end of [c.from, c.to]) {
      let set = edgeIndex.get(end);
      if (!set) edgeIndex.set(end, (set = new Set()));
      set.add(c.id);
    }
  };
  const unlink = (c: Connection) => {
    edgeIndex?.get(c.from)?.delete(c.id);
    edgeIndex?.get(c.to)?.delete(c.id);
  };

  const removeAt = <T extends { id: string }>(list: (T | undefined)[], index: Map<string, number>, id: string): T => {
    const position = index.get(id)!;
    const item = list[position]!;
    list[position] = undefined; // compacted after the loop, so indexes stay valid while applying
    index.delete(id);
    return item;
  };

  cs.ops.forEach((op, k) => {
    const at = `ops[${k}]`;
    switch (op.op) {
      case 'addComponent': {
        const component = op.component as Component;
        if (componentIndex.has(component.id)) {
          errors.push({ path: `${at}.component.id`, message: `a component with id "${component.id}" already exists` });
          return;
        }
        componentIndex.set(component.id, components.push(component) - 1);
        writtenBy.set(`component:${component.id}`, `${at}.component`);
        inverses.push([{ op: 'removeComponent', id: component.id }]);
        return;
      }
      case 'removeComponent': {
        if (!componentIndex.has(op.id)) {
          errors.push({ path: `${at}.id`, message: `no component with id "${op.id}"` });
          return;
        }
        const removed = removeAt(components as (Component | undefined)[], componentIndex, op.id);
        const restore: Op[] = [{ op: 'addComponent', component: removed }];
        for (const connectionId of [...(edges().get(op.id) ?? [])].sort((a, b) => connectionIndex.get(a)! - connectionIndex.get(b)!)) {
          const c = removeAt(connections as (Connection | undefined)[], connectionIndex, connectionId);
          unlink(c);
          restore.push({ op: 'addConnection', connection: c });
        }
        inverses.push(restore);
        return;
      }
      case 'updateComponent': {
        const position = componentIndex.get(op.id);
        if (position === undefined) {
          errors.push({ path: `${at}.id`, message: `no component with id "${op.id}"` });
          return;
        }
        const { after, undo } = updateItem(components[position]!, op);
        components[position] = after;
        writtenBy.set(`component:${op.id}`, at);
        inverses.push([{ op: 'updateComponent', id: op.id, ...undo } as Op]);
        return;
      }
      case 'addConnection': {
        const connection: Connection = { ...op.connection, id: op.connection.id ?? defaultConnectionId(op.connection) };
        if (connectionIndex.has(connection.id)) {
          errors.push({ path: `${at}.connection`, message: `a connection with id "${connection.id}" already exists` });
          return;
        }
        connectionIndex.set(connection.id, connections.push(connection) - 1);
        link(connection);
        writtenBy.set(`connection:${connection.id}`, `${at}.connection`);
        inverses.push([{ op: 'removeConnection', id: connection.id }]);
        return;
      }
      case 'removeConnection': {
        if (!connectionIndex.has(op.id)) {
          errors.push({ path: `${at}.id`, message: `no connection with id "${op.id}"` });
          return;
        }
        const removed = removeAt(connections as (Connection | undefined)[], connectionIndex, op.id);
        unlink(removed);
        inverses.push([{ op: 'addConnection', connection: removed }]);
        return;
      }
      case 'updateConnection': {
        const position = connectionIndex.get(op.id);
        if (position === undefined) {
          errors.push({ path: `${at}.id`, message: `no connection with id "${op.id}"` });
          return;
        }
        const { after, undo } = updateItem(connections[position]!, op);
        connections[position] = after;
        writtenBy.set(`connection:${op.id}`, at);
        inverses.push([{ op: 'updateConnection', id: op.id, ...undo } as Op]);
        return;
      }
      case 'setConstraints': {
        const { next, undo } = patchObject(constraints as Record<string, unknown>, op.constraints);
        const checked = constraintsSchema.safeParse(next);
        if (!checked.success) {
          errors.push(...issuesFromZod(checked.error, constraintsSchema, next, `${at}.constraints`));
          return;
        }
        constraints = next as Constraints;
        inverses.push([{ op: 'setConstraints', constraints: undo } as Op]);
        return;
      }
      case 'moveComponents': {
        const undo: Record<string, Position | null> = {};
        for (const [id, position] of Object.entries(op.positions)) {
          const index = componentIndex.get(id);
          if (index === undefined) {
            errors.push({ path: childPath(`${at}.positions`, id), message: `no component with id "${id}"` });
            continue;
          }
          const before = components[index]!;
          undo[id] = before.position ?? null;
          const after: Component = { ...before };
          if (position === null) delete after.position;
          else after.position = position;
          components[index] = after;
        }
        inverses.push([{ op: 'moveComponents', positions: undo }]);
        return;
      }
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const nextComponents = components.filter((c): c is Component => c !== undefined);
  const nextConnections = connections.filter((c): c is Connection => c !== undefined);
  const problems = semanticIssues(nextComponents, nextConnections);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => pointAtOp(p, nextComponents, nextConnections, writtenBy)) };

  const document: ArchDocument = { ...doc, constraints, components: nextComponents, connections: nextConnections };
  const inverse: ChangeSet = {
    origin: cs.origin,
    summary: `Undo: ${cs.summary}`.slice(0, 200),
    ops: inverses.reverse().flat(),
  };
  return { ok: true, document, inverse };
}

/** Rewrites a document path (`components[7].config.replicas`) to the op that wrote that item, when one did. */
function pointAtOp(issue: DocumentIssue, components: Component[], connections: Connection[], writtenBy: Map<string, string>): DocumentIssue {
  const match = /^(components|connections)\[(\d+)\](.*)$/.exec(issue.path);
  if (match) {
    const item = match[1] === 'components' ? components[Number(match[2])] : connections[Number(match[2])];
    const op = item && writtenBy.get(`${match[1] === 'components' ? 'component' : 'connection'}:${item.id}`);
    if (op) return { path: `${op}${match[3]}`, message: issue.message };
    if (item) return { path: issue.path, message: `${match[1] === 'components' ? 'component' : 'connection'} "${item.id}": ${issue.message}` };
  }
  return issue;
}
