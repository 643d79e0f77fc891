import { applyChangeSet, defaultConnectionId, type ChangeSet, type DocumentIssue } from '@backarch/core';
import * as Y from 'yjs';
import { appendAnnotation } from './annotations';
import { ChangeSetTransaction } from './origins';
import { readDocument } from './read';
import { componentToY, configOf, connectionToY, copyJson, documentTypes } from './shape';

export interface ApplyToYDocOptions {
  /** Id of the user applying the change set, recorded in its annotation. */
  by?: string;
  /**
   * The Yjs transaction origin. Defaults to a `ChangeSetTransaction` carrying the change set's origin, summary and
   * `by`, which the undo manager from `createUndoManager` tracks.
   */
  origin?: unknown;
  /** Time of the edit for the annotation (ISO 8601); defaults to now. */
  at?: string;
}

export type ApplyToYDocResult = { ok: true } | { ok: false; errors: DocumentIssue[] };

/** Patches a Y.Map field by field: null removes the key, undefined leaves it alone. */
function patchFields(map: Y.Map<unknown>, op: { type?: string; label?: string | null; notes?: string | null }): void {
  for (const key of ['type', 'label', 'notes'] as const) {
    const value = op[key];
    if (value === null) map.delete(key);
    else if (value !== undefined) map.set(key, value);
  }
}

/** Sets (or, for null, removes) each key of a config patch in the item's nested config map, and nothing else. */
function patchConfig(item: Y.Map<unknown>, patch: Record<string, unknown> | undefined): void {
  if (!patch) return;
  const config = configOf(item);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) config.delete(key);
    else if (value !== undefined) config.set(key, copyJson(value));
  }
}

/**
 * Applies a change set to the live document. It is first checked against the document derived from the Y.Doc with
 * core's `applyChangeSet` (all or nothing: on any problem nothing changes and every problem is returned, with its path
 * in the change set). Then its ops run as ONE Yjs transaction that touches only what they change (updating a config
 * key sets that key of the component's config map; moving a component sets its position), and appends the change
 * set's annotation in the same transaction, so other replicas and the server learn its origin and summary.
 *
 * @example
 * const result = applyChangeSetToYDoc(ydoc, { origin: 'ai', summary: 'Add a cache', ops }, { by: userId });
 * if (!result.ok) showErrors(result.errors);
 */
export function applyChangeSetToYDoc(ydoc: Y.Doc, changeSet: unknown, options: ApplyToYDocOptions = {}): ApplyToYDocResult {
  const checked = applyChangeSet(readDocument(ydoc).document, changeSet);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // applyChangeSet validated it against the strict change-set schema, which transforms nothing
  const cs = changeSet as ChangeSet;
  const { components, connections } = documentTypes(ydoc);
  const transactionOrigin = options.origin ?? new ChangeSetTransaction(cs.origin, cs.summary, options.by);

  // Connection ids by component id, built on the first removeComponent (as core does), kept up to date after.
  let edgeIndex: Map<string, Set<string>> | undefined;
  const link = (id: string, from: unknown, to: unknown) => {
    if (!edgeIndex) return;
    for (const end of [from, to]) {
      if (typeof end !== 'string') continue;
      let set = edgeIndex.get(end);
      if (!set) edgeIndex.set(end, (set = new Set()));
      set.add(id);
    }
  };
  const edges = () => {
    if (!edgeIndex) {
      edgeIndex = new Map();
      for (const [id, item] of connections.entries()) if (item instanceof Y.Map) link(id, item.get('from'), item.get('to'));
    }
    return edgeIndex;
  };
  const removeConnection = (id: string) => {
    const item = connections.get(id);
    if (item instanceof Y.Map && edgeIndex) {
      for (const end of [item.get('from'), item.get('to')]) if (typeof end === 'string') edgeIndex.get(end)?.delete(id);
    }
    connections.delete(id);
  };

  ydoc.transact(() => {
    const constraints = documentTypes(ydoc).constraints;
    for (const op of cs.ops) {
      switch (op.op) {
        case 'addComponent':
          components.set(op.component.id, componentToY(op.component));
          break;
        case 'updateComponent': {
          const item = components.get(op.id)!;
          patchFields(item, op);
          patchConfig(item, op.config);
          break;
        }
        case 'removeComponent':
          for (const id of [...(edges().get(op.id) ?? [])]) removeConnection(id);
          components.delete(op.id);
          break;
        case 'addConnection': {
          const id = op.connection.id ?? defaultConnectionId(op.connection);
          connections.set(id, connectionToY(op.connection));
          link(id, op.connection.from, op.connection.to);
          break;
        }
        case 'updateConnection': {
          const item = connections.get(op.id)!;
          patchFields(item, op);
          patchConfig(item, op.config);
          break;
        }
        case 'removeConnection':
          removeConnection(op.id);
          break;
        case 'setConstraints':
          for (const [key, value] of Object.entries(op.constraints)) {
            if (value === null) constraints.delete(key);
            else if (value !== undefined) constraints.set(key, copyJson(value));
          }
          break;
        case 'moveComponents':
          for (const [id, position] of Object.entries(op.positions)) {
            const item = components.get(id)!;
            if (position === null) item.delete('position');
            else item.set('position', { x: position.x, y: position.y });
          }
          break;
      }
    }
    appendAnnotation(ydoc, { origin: cs.origin, summary: cs.summary, ...(options.by !== undefined && { by: options.by }), ...(options.at !== undefined && { at: options.at }) });
  }, transactionOrigin);
  return { ok: true };
}
