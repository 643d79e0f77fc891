import { connectionMismatch, fittingConnectionTypes, getComponentDef, getConnectionDef, COMPONENT_TYPES, CONNECTION_TYPES } from '../catalog/catalog';
import type { ComponentDef } from '../catalog/types';
import { didYouMean, issuesFromZod, type DocumentIssue } from './issues';
import { defaultConnectionId } from './schema';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks zod's structural schema cannot make: known types, each component's and connection's config against its
 * type, unique ids, connection ends that exist, and connection types that fit the components at their ends.
 * Works on partly broken input (items that failed the structural schema are checked as far as they can be), so
 * one pass reports every problem at once.
 */
export function semanticIssues(components: readonly unknown[], connections: readonly unknown[]): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const defsById = new Map<string, ComponentDef | undefined>();
  const firstIndexOfId = new Map<string, number>();

  components.forEach((item, index) => {
    if (!isRecord(item)) return;
    const base = `components[${index}]`;
    const { id, type, config } = item;
    if (typeof id === 'string') {
      const previous = firstIndexOfId.get(id);
      if (previous !== undefined) issues.push({ path: `${base}.id`, message: `duplicate component id "${id}": components[${previous}] already uses it` });
      else firstIndexOfId.set(id, index);
    }
    if (typeof type !== 'string') return;
    const def = getComponentDef(type);
    if (typeof id === 'string' && !defsById.has(id)) defsById.set(id, def);
    if (!def) {
      issues.push({ path: `${base}.type`, message: `unknown component type "${type}"${didYouMean(type, COMPONENT_TYPES)}; run \`backarch catalog\` for the list` });
      return;
    }
    // an absent config is valid for every type (the registry contract test checks the defaults)
    if (!isRecord(config)) return; // a non-object config is reported by the structural schema
    const parsed = def.config.safeParse(config);
    if (!parsed.success) issues.push(...issuesFromZod(parsed.error, def.config, config, `${base}.config`));
  });

  const connectionIds = new Map<string, number>();
  const mismatches = new Map<string, string>();
  connections.forEach((item, index) => {
    if (!isRecord(item)) return;
    const base = `connections[${index}]`;
    const { from, to, type, config } = item;
    const def = typeof type === 'string' ? getConnectionDef(type) : undefined;
    if (typeof type === 'string' && !def) {
      issues.push({ path: `${base}.type`, message: `unknown connection type "${type}"${didYouMean(type, CONNECTION_TYPES)}; known types: ${CONNECTION_TYPES.join(', ')}` });
    }
    if (def && isRecord(config)) {
      const parsed = def.config.safeParse(config);
      if (!parsed.success) issues.push(...issuesFromZod(parsed.error, def.config, config, `${base}.config`));
    }
    const ends: Array<['from' | 'to', unknown]> = [['from', from], ['to', to]];
    let endsExist = true;
    for (const [end, value] of ends) {
      if (typeof value !== 'string') {
        endsExist = false;
        continue;
      }
      if (!firstIndexOfId.has(value)) {
        endsExist = false;
        issues.push({ path: `${base}.${end}`, message: `no component with id "${value}"${didYouMean(value, firstIndexOfId.keys())}` });
      }
    }
    if (typeof from === 'string' && from === to) {
      issues.push({ path: base, message: `connection from "${from}" to itself; a component cannot connect to itself` });
      return;
    }
    if (typeof from === 'string' && typeof to === 'string' && typeof type === 'string') {
      const id = typeof item.id === 'string' ? item.id : defaultConnectionId({ from, to, type });
      const previous = connectionIds.get(id);
      if (previous !== undefined) {
        const hint = typeof item.id === 'string' ? '' : ' (same ends and type; give one an explicit "id" if both are intended)';
        issues.push({ path: typeof item.id === 'string' ? `${base}.id` : base, message: `duplicate connection id "${id}": connections[${previous}] already uses it${hint}` });
      } else connectionIds.set(id, index);
    }
    if (!endsExist || !def) return;
    const fromDef = defsById.get(from as string);
    const toDef = defsById.get(to as string);
    if (!fromDef || !toDef) return; // unknown type already reported
    // documents repeat the same few (type, from type, to type) triples, so the verdict is cached per triple
    const pair = `${def.id} ${fromDef.id} ${toDef.id}`;
    let mismatch = mismatches.get(pair);
    if (mismatch === undefined) mismatches.set(pair, (mismatch = connectionMismatch(def, fromDef, toDef) ?? ''));
    if (mismatch) {
      const fitting = fittingConnectionTypes(fromDef, toDef);
      const suggestion = fitting.length
        ? `; between these two, use ${fitting.map((t) => `"${t}"`).join(', ')}`
        : `; no connection type fits from ${fromDef.name} to ${toDef.name} — check the direction ("from" sends the request or message)`;
      issues.push({ path: `${base}.type`, message: `"${type}" does not fit from "${from}" (${fromDef.id}) to "${to}" (${toDef.id}): ${mismatch}${suggestion}` });
    }
  });
  return issues;
}
