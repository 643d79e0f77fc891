import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import type { Component, Connection } from './schema';

/**
 * A component's effective config: what the file says, with the type's defaults filled in. Analyses (pricing, health)
 * read this; the file keeps only what the user wrote, so it stays short. Returns undefined for an unknown type.
 */
export function resolveConfig(component: Pick<Component, 'type' | 'config'>): Record<string, unknown> | undefined {
  const parsed = getComponentDef(component.type)?.config.safeParse(component.config ?? {});
  return parsed?.success ? (parsed.data as Record<string, unknown>) : undefined;
}

/** A connection's effective config, defaults filled in (e.g. `share: 1`). */
export function resolveConnectionConfig(connection: Pick<Connection, 'type' | 'config'>): Record<string, unknown> | undefined {
  const parsed = getConnectionDef(connection.type)?.config.safeParse(connection.config ?? {});
  return parsed?.success ? (parsed.data as Record<string, unknown>) : undefined;
}
