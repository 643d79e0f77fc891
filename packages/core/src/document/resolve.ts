import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import type { ConfigSchema } from '../catalog/types';
import type { Component, Connection } from './schema';

const defaultsBySchema = new WeakMap<ConfigSchema, Record<string, unknown>>();

/** The config a type gets when the file says nothing: its schema's defaults, computed once per type. */
function defaultsOf(schema: ConfigSchema): Record<string, unknown> {
  let defaults = defaultsBySchema.get(schema);
  if (!defaults) defaultsBySchema.set(schema, (defaults = schema.parse({}) as Record<string, unknown>));
  return defaults;
}

/**
 * A component's effective config: what the file says, with the type's defaults filled in. Analyses (pricing, health,
 * traffic) read this; the file keeps only what the user wrote, so it stays short. Expects a validated document
 * (parseDocument/applyChangeSet guarantee it), so it merges instead of re-validating: it runs on every analysis of
 * every component. Returns undefined for an unknown type.
 */
export function resolveConfig(component: Pick<Component, 'type' | 'config'>): Record<string, unknown> | undefined {
  const def = getComponentDef(component.type);
  if (!def) return undefined;
  // Object.assign, not spread: several times faster when merging objects of different shapes (10,000 a run)
  return component.config ? Object.assign({}, defaultsOf(def.config), component.config) : defaultsOf(def.config);
}

/** A connection's effective config, defaults filled in (e.g. `share: 1`). Same contract as `resolveConfig`. */
export function resolveConnectionConfig(connection: Pick<Connection, 'type' | 'config'>): Record<string, unknown> | undefined {
  const def = getConnectionDef(connection.type);
  if (!def) return undefined;
  return connection.config ? Object.assign({}, defaultsOf(def.config), connection.config) : defaultsOf(def.config);
}
