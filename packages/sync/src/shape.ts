// The Yjs shape of an architecture document (README.md, docs/decisions/0008-yjs-document-shape.md). Everything that
// knows the names of the shared types and the keys inside them lives here.
import type { Component, Connection } from '@backarch/core';
import * as Y from 'yjs';

/** Names of the root shared types of a document's Y.Doc. */
export const ROOT = {
  meta: 'meta',
  constraints: 'constraints',
  components: 'components',
  connections: 'connections',
  changes: 'changes',
} as const;

/** The root shared types of a document's Y.Doc. Getting them creates them (empty) if the Y.Doc has none yet. */
export interface DocumentTypes {
  /** `name`, `description`. */
  meta: Y.Map<unknown>;
  /** One key per constraint, value = plain JSON (as in the file). */
  constraints: Y.Map<unknown>;
  /** Component id → Y.Map with `type`, `label`, `notes`, `position` ({x, y}) and `config` (a nested Y.Map). */
  components: Y.Map<Y.Map<unknown>>;
  /** Connection id → Y.Map with `from`, `to`, `type`, `label`, `notes` and `config` (a nested Y.Map). */
  connections: Y.Map<Y.Map<unknown>>;
  /** Change annotations appended with the edits they describe; see annotations.ts. */
  changes: Y.Array<unknown>;
}

export function documentTypes(ydoc: Y.Doc): DocumentTypes {
  return {
    meta: ydoc.getMap(ROOT.meta),
    constraints: ydoc.getMap(ROOT.constraints),
    components: ydoc.getMap(ROOT.components),
    connections: ydoc.getMap(ROOT.connections),
    changes: ydoc.getArray(ROOT.changes),
  };
}

/**
 * The four maps that hold the document itself (not `changes`): the scope of undo. The order is fixed so callers can
 * rely on it.
 */
export function documentScope(ydoc: Y.Doc): [Y.Map<unknown>, Y.Map<unknown>, Y.Map<Y.Map<unknown>>, Y.Map<Y.Map<unknown>>] {
  const types = documentTypes(ydoc);
  return [types.meta, types.constraints, types.components, types.connections];
}

/**
 * A deep copy of a JSON value. Yjs keeps the very object it was given in the local replica's memory, so storing a
 * caller's object (or handing a stored one out) would let a later mutation change the local state without an update.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = copyJson(item);
  return out as T;
}

/** The config Y.Map of a component or connection: one key per config key, so edits of different keys merge. */
export function configToY(config: Record<string, unknown> | undefined): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  if (config) for (const [key, value] of Object.entries(config)) if (value !== undefined) map.set(key, copyJson(value));
  return map;
}

/**
 * A component as a Y.Map. The id is the key in `components`, not a field. `config` always exists (even when empty):
 * were it created on the first config edit, two people setting a first key at once would each create one and the
 * map written last would replace the other, losing a key.
 */
export function componentToY(component: Component): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('type', component.type);
  if (component.label !== undefined) map.set('label', component.label);
  if (component.notes !== undefined) map.set('notes', component.notes);
  if (component.position !== undefined) map.set('position', { x: component.position.x, y: component.position.y });
  map.set('config', configToY(component.config));
  return map;
}

/** A connection as a Y.Map; the id is the key in `connections`. `config` always exists, as for components. */
export function connectionToY(connection: Omit<Connection, 'id'>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('from', connection.from);
  map.set('to', connection.to);
  map.set('type', connection.type);
  if (connection.label !== undefined) map.set('label', connection.label);
  if (connection.notes !== undefined) map.set('notes', connection.notes);
  map.set('config', configToY(connection.config));
  return map;
}

/** The config Y.Map of an item, created (and set) if a damaged replica lacks one. */
export function configOf(item: Y.Map<unknown>): Y.Map<unknown> {
  const config = item.get('config');
  if (config instanceof Y.Map) return config as Y.Map<unknown>;
  // a damaged replica: keep a plain-object config's keys
  const created = configToY(typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : undefined);
  item.set('config', created);
  return created;
}
