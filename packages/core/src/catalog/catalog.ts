import { COMPONENT_DEFS, type ComponentType } from './components/registry';
import { CONNECTION_DEFS, type ConnectionType } from './connections/registry';
import type { ComponentDef, ConnectionDef, Role } from './types';

const componentsById: ReadonlyMap<string, ComponentDef> = new Map(COMPONENT_DEFS.map((d) => [d.id, d as ComponentDef]));
const connectionsById: ReadonlyMap<string, ConnectionDef> = new Map(CONNECTION_DEFS.map((d) => [d.id, d as ConnectionDef]));

/** Every component type id, in palette order. */
export const COMPONENT_TYPES: readonly ComponentType[] = COMPONENT_DEFS.map((d) => d.id);
/** Every connection type id. */
export const CONNECTION_TYPES: readonly ConnectionType[] = CONNECTION_DEFS.map((d) => d.id);

export function getComponentDef(type: string): ComponentDef | undefined {
  return componentsById.get(type);
}

export function getConnectionDef(type: string): ConnectionDef | undefined {
  return connectionsById.get(type);
}

export function isComponentType(type: string): type is ComponentType {
  return componentsById.has(type);
}

export function isConnectionType(type: string): type is ConnectionType {
  return connectionsById.has(type);
}

const hasAnyRole = (def: ComponentDef, roles: readonly Role[]) => def.roles.some((r) => roles.includes(r));

/**
 * Why a connection of `type` from a component of type `from` to one of type `to` does not fit, or undefined when it
 * does: the roles at each end must match the connection type's rules, and each component must accept the type.
 */
export function connectionMismatch(type: ConnectionDef, from: ComponentDef, to: ComponentDef): string | undefined {
  if (!hasAnyRole(from, type.from) || (from.accepts?.out && !from.accepts.out.includes(type.id))) {
    return `${from.name} cannot be the source of a ${type.id} connection (${type.description})`;
  }
  if (!hasAnyRole(to, type.to) || (to.accepts?.in && !to.accepts.in.includes(type.id))) {
    return `${to.name} cannot be the target of a ${type.id} connection (${type.description})`;
  }
  return type.refine?.(from, to);
}

/** The connection types that fit between a component of type `from` and one of type `to`. */
export function fittingConnectionTypes(from: ComponentDef, to: ComponentDef): ConnectionType[] {
  return CONNECTION_DEFS.filter((c) => connectionMismatch(c as ConnectionDef, from, to) === undefined).map((c) => c.id);
}

/** The connection types a component type can send (`out`) and receive (`in`), derived from its roles. */
export function acceptedConnections(def: ComponentDef): { in: ConnectionType[]; out: ConnectionType[] } {
  const accepts = (c: ConnectionDef, dir: 'in' | 'out') => {
    const list = def.accepts?.[dir];
    return hasAnyRole(def, dir === 'in' ? c.to : c.from) && (!list || list.includes(c.id));
  };
  return {
    in: CONNECTION_DEFS.filter((c) => accepts(c as ConnectionDef, 'in')).map((c) => c.id),
    out: CONNECTION_DEFS.filter((c) => accepts(c as ConnectionDef, 'out')).map((c) => c.id),
  };
}
