import {
  acceptedConnections,
  CATEGORIES,
  COMPONENT_DEFS,
  CONNECTION_DEFS,
  describeConfigFields,
  getComponentDef,
  getConnectionDef,
  type ComponentDef,
  type ConnectionDef,
} from '@backarch/core';
import { defineCommand } from '../command';
import { style, UsageError, type Style } from '../io';

export default defineCommand({
  name: 'catalog',
  summary: 'List component and connection types with their config fields',
  usage: '[TYPE] [--category C] [--json]',
  help: [
    'Without TYPE: every component type by palette category, then the connection types.',
    'With TYPE (a component or connection type id): that type in full, with every config field.',
    '--category C lists one category (client, gateway, database, …). --json prints the same data as JSON.',
  ].join('\n'),
  options: { json: { type: 'boolean', default: false }, category: { type: 'string' } },
  async run({ positionals, values }, io) {
    const s = style(io);
    const [typeId] = positionals;
    if (typeId !== undefined) {
      const component = getComponentDef(typeId);
      const connection = component ? undefined : getConnectionDef(typeId);
      if (!component && !connection) throw new UsageError(`unknown type "${typeId}"; run \`backarch catalog\` for the list`);
      if (values.json) io.out(`${JSON.stringify(component ? componentJson(component) : connectionJson(connection!), null, 2)}\n`);
      else io.out(component ? componentText(component, s, true) : connectionText(connection!, s, true));
      return 0;
    }
    const category = values.category as string | undefined;
    if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) {
      throw new UsageError(`unknown category "${category}"; categories: ${CATEGORIES.join(', ')}`);
    }
    const components = COMPONENT_DEFS.filter((d) => category === undefined || d.category === category) as readonly ComponentDef[];
    if (values.json) {
      io.out(`${JSON.stringify({ components: components.map(componentJson), connections: category ? [] : CONNECTION_DEFS.map((c) => connectionJson(c as ConnectionDef)) }, null, 2)}\n`);
      return 0;
    }
    for (const cat of CATEGORIES) {
      const inCategory = components.filter((d) => d.category === cat);
      if (inCategory.length === 0) continue;
      io.out(`\n${s.bold(cat.toUpperCase())}\n`);
      for (const def of inCategory) io.out(componentText(def, s, false));
    }
    if (category === undefined) {
      io.out(`\n${s.bold('CONNECTIONS')}\n`);
      for (const def of CONNECTION_DEFS) io.out(connectionText(def as ConnectionDef, s, false));
    }
    io.out(`\n${s.dim(`${components.length} component types${category ? '' : `, ${CONNECTION_DEFS.length} connection types`}. \`backarch catalog TYPE\` shows one in full.`)}\n`);
    return 0;
  },
});

function componentJson(def: ComponentDef) {
  const { in: accepts, out: emits } = acceptedConnections(def);
  return {
    id: def.id,
    name: def.name,
    description: def.description,
    category: def.category,
    vendor: def.vendor,
    roles: def.roles,
    equivalence: def.equivalence,
    connections: { in: accepts, out: emits },
    config: describeConfigFields(def.config),
  };
}

function connectionJson(def: ConnectionDef) {
  return { id: def.id, name: def.name, description: def.description, synchronous: def.synchronous, from: def.from, to: def.to, config: describeConfigFields(def.config) };
}

const COMMON_FIELDS = new Set(['region', 'usage', 'health']);

function fieldsText(fields: ReturnType<typeof describeConfigFields>, s: Style, indent: string, skipCommon: boolean): string {
  return fields
    .filter((f) => !(skipCommon && COMMON_FIELDS.has(f.name)))
    .map((f) => {
      const fallback = f.default !== undefined ? ` ${s.dim(`(default ${JSON.stringify(f.default)})`)}` : f.optional ? ` ${s.dim('(optional)')}` : '';
      return `${indent}${f.name}: ${f.expected}${fallback}${f.description ? ` — ${f.description}` : ''}\n`;
    })
    .join('');
}

function componentText(def: ComponentDef, s: Style, full: boolean): string {
  const header = `  ${s.bold(def.id.padEnd(24))} ${def.name} ${s.dim(`[${def.roles.join(', ')}]`)}\n`;
  if (!full) {
    const names = describeConfigFields(def.config).filter((f) => !COMMON_FIELDS.has(f.name)).map((f) => f.name);
    return `${header}${names.length ? `  ${' '.repeat(24)} ${s.dim(`config: ${names.join(', ')}`)}\n` : ''}`;
  }
  const { in: accepts, out: emits } = acceptedConnections(def);
  return [
    `${s.bold(def.id)} — ${def.name}\n`,
    `${def.description}\n\n`,
    `category: ${def.category}   vendor: ${def.vendor}   equivalence: ${def.equivalence}\n`,
    `roles: ${def.roles.join(', ')}\n`,
    `accepts in: ${accepts.join(', ') || 'none'}\n`,
    `sends out: ${emits.join(', ') || 'none'}\n\n`,
    `config:\n`,
    fieldsText(describeConfigFields(def.config), s, '  ', false),
  ].join('');
}

function connectionText(def: ConnectionDef, s: Style, full: boolean): string {
  const line = `  ${s.bold(def.id.padEnd(12))} ${def.synchronous ? 'sync ' : 'async'}  ${def.description}\n`;
  if (!full) return line;
  return [
    line,
    `  from: ${def.from.join(', ')}\n`,
    `  to:   ${def.to.join(', ')}\n`,
    `  config:\n`,
    fieldsText(describeConfigFields(def.config), s, '    ', false),
  ].join('');
}
