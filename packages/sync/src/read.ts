import { FORMAT_VERSION, canonicalDocument, parseDocument, withConnectionId, type ArchDocument, type Component, type Connection, type DocumentIssue } from '@backarch/core';
import * as Y from 'yjs';
import { copyJson, documentTypes } from './shape';

/**
 * Something `readDocument` had to leave out or repair to derive a valid document. Concurrent edits can merge into a
 * state no single replica produced (a connection to a component someone else removed, a config key the component's
 * new type does not have); the editor shows these rather than failing.
 */
export interface DerivationIssue extends DocumentIssue {
  /**
   * Where, in the document with components and connections addressed by id: `components["db"].config.replicas`,
   * `connections["api->db:read"]`, `constraints.budgetUsdPerMonth`, `name`.
   */
  path: string;
  /** `dropped`: a component or connection was left out; `repaired`: a field or config key was removed or replaced. */
  action: 'dropped' | 'repaired';
}

export interface ReadResult {
  /** Always valid (it passed `parseDocument`), in canonical order: components by id, connections by from, to, type, id. */
  document: ArchDocument;
  issues: DerivationIssue[];
}

/** Name used when the shared name is missing or unusable. */
export const UNTITLED = 'Untitled';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const keyPath = (base: string, key: string) => (PLAIN_KEY.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);
const itemPath = (kind: 'components' | 'connections', id: string) => `${kind}[${JSON.stringify(id)}]`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A component or connection as read from the Y.Doc, in the file's form (untrusted until parsed). */
type RawItem = Record<string, unknown> & { id: string };

interface Draft {
  name: unknown;
  description: unknown;
  constraints: Record<string, unknown>;
  components: RawItem[];
  connections: RawItem[];
}

/** The plain config of an item: its nested Y.Map (or, from a damaged replica, a plain object); undefined when empty. */
function readConfig(value: unknown): Record<string, unknown> | undefined {
  let config: Record<string, unknown> | undefined;
  if (value instanceof Y.Map) {
    config = {};
    for (const [key, item] of (value as Y.Map<unknown>).entries()) if (item !== undefined) config[key] = copyJson(item);
  } else if (isRecord(value)) config = copyJson(value);
  return config && Object.keys(config).length > 0 ? config : undefined;
}

const FIELDS = {
  components: ['type', 'label', 'notes', 'position'],
  connections: ['from', 'to', 'type', 'label', 'notes'],
} as const;

function readItems(map: Y.Map<unknown>, kind: 'components' | 'connections', issues: DerivationIssue[]): RawItem[] {
  const items: RawItem[] = [];
  for (const [id, entry] of map.entries()) {
    if (!(entry instanceof Y.Map)) {
      issues.push({ path: itemPath(kind, id), action: 'dropped', message: `${kind === 'components' ? 'component' : 'connection'} "${id}" left out: it is not stored as a map` });
      continue;
    }
    const item: RawItem = { id };
    for (const field of FIELDS[kind]) {
      const value = (entry as Y.Map<unknown>).get(field);
      if (value !== undefined) item[field] = copyJson(value);
    }
    const config = readConfig((entry as Y.Map<unknown>).get('config'));
    if (config) item.config = config;
    items.push(item);
  }
  return items;
}

function readDraft(ydoc: Y.Doc, issues: DerivationIssue[]): Draft {
  const { meta, constraints, components, connections } = documentTypes(ydoc);
  const draft: Draft = {
    name: meta.get('name'),
    description: meta.get('description'),
    constraints: {},
    components: readItems(components as Y.Map<unknown>, 'components', issues),
    connections: readItems(connections as Y.Map<unknown>, 'connections', issues),
  };
  for (const [key, value] of constraints.entries()) if (value !== undefined) draft.constraints[key] = copyJson(value);
  return draft;
}

function fileForm(draft: Draft): Record<string, unknown> {
  const file: Record<string, unknown> = { backarch: FORMAT_VERSION, name: draft.name, constraints: draft.constraints, components: draft.components, connections: draft.connections };
  if (draft.description !== undefined) file.description = draft.description;
  return file;
}

/** `.config.replicas` → ['config', 'replicas']; `.config["a b"].x` → ['config', 'a b']; `.type` → ['type']; `` → []. */
function leadingSegments(rest: string): string[] {
  const segments: string[] = [];
  let remaining = rest;
  while (segments.length < 2 && remaining.length > 0) {
    const plain = /^\.([A-Za-z_$][A-Za-z0-9_$]*)/.exec(remaining);
    if (plain) {
      segments.push(plain[1]!);
      remaining = remaining.slice(plain[0].length);
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(remaining);
    if (quoted) {
      segments.push(JSON.parse(quoted[1]!) as string);
      remaining = remaining.slice(quoted[0].length);
      continue;
    }
    break;
  }
  return segments;
}

const noun = (kind: 'components' | 'connections') => (kind === 'components' ? 'component' : 'connection');
const stripPrefix = (message: string, id: string) => message.replace(new RegExp(`^(component|connection) "${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": `), '');

/**
 * Applies one repair per reported problem to the draft. Returns false when a problem has no repair (the caller then
 * falls back to an empty document), true otherwise.
 */
function repair(draft: Draft, errors: readonly DocumentIssue[], issues: DerivationIssue[]): boolean {
  const dropped = { components: new Set<number>(), connections: new Set<number>() };
  const done = new Set<string>();
  for (const error of errors) {
    const item = /^(components|connections)\[(\d+)\](.*)$/.exec(error.path);
    if (item) {
      const kind = item[1] as 'components' | 'connections';
      const index = Number(item[2]);
      const target = draft[kind][index];
      if (!target || dropped[kind].has(index)) continue;
      const [field, key] = leadingSegments(item[3]!);
      const base = itemPath(kind, target.id);
      if (field === 'label' || field === 'notes' || (kind === 'components' && field === 'position')) {
        if (done.has(`${base}.${field}`)) continue;
        done.add(`${base}.${field}`);
        delete target[field];
        issues.push({ path: keyPath(base, field), action: 'repaired', message: `${field} removed: ${error.message}` });
        continue;
      }
      if (field === 'config') {
        const configPath = `${base}.config`;
        if (done.has(configPath) || (key !== undefined && done.has(keyPath(configPath, key)))) continue;
        const config = target.config;
        if (key !== undefined && isRecord(config) && Object.prototype.hasOwnProperty.call(config, key)) {
          done.add(keyPath(configPath, key));
          delete config[key];
          if (Object.keys(config).length === 0) delete target.config;
          issues.push({ path: keyPath(configPath, key), action: 'repaired', message: `config key "${key}" removed (back to its default): ${stripPrefix(error.message, target.id)}` });
        } else {
          done.add(configPath);
          delete target.config;
          issues.push({ path: configPath, action: 'repaired', message: `config reset to the defaults: ${stripPrefix(error.message, target.id)}` });
        }
        continue;
      }
      dropped[kind].add(index);
      let message = `${noun(kind)} "${target.id}" left out: ${stripPrefix(error.message, target.id)}`;
      if (field === 'type' && target.type === undefined) {
        message = `${noun(kind)} "${target.id}" left out: it has no type (merging concurrent edits, such as undoing its removal after someone else changed it, can leave it without one)`;
      }
      if (kind === 'connections' && (field === 'from' || field === 'to') && error.message.startsWith('no component with id')) {
        message = `connection "${target.id}" left out: its ${field === 'from' ? 'source' : 'target'} component "${String(target[field])}" does not exist (removed, perhaps by someone else at the same time)`;
      }
      issues.push({ path: base, action: 'dropped', message });
      continue;
    }
    const constraint = /^constraints(.*)$/.exec(error.path);
    if (constraint) {
      const [key] = leadingSegments(constraint[1]!);
      if (key === undefined) {
        if (done.has('constraints')) continue;
        done.add('constraints');
        draft.constraints = {};
        issues.push({ path: 'constraints', action: 'repaired', message: `constraints cleared: ${error.message}` });
      } else if (Object.prototype.hasOwnProperty.call(draft.constraints, key)) {
        delete draft.constraints[key];
        issues.push({ path: keyPath('constraints', key), action: 'repaired', message: `constraint "${key}" removed: ${error.message}` });
      }
      continue;
    }
    if (error.path === 'name') {
      if (done.has('name')) continue;
      done.add('name');
      const long = typeof draft.name === 'string' && draft.name.length > 200;
      draft.name = long ? (draft.name as string).slice(0, 200) : UNTITLED;
      issues.push({ path: 'name', action: 'repaired', message: long ? `name shortened to 200 characters` : `name replaced by "${UNTITLED}": ${error.message}` });
      continue;
    }
    if (error.path === 'description') {
      if (done.has('description')) continue;
      done.add('description');
      draft.description = undefined;
      issues.push({ path: 'description', action: 'repaired', message: `description removed: ${error.message}` });
      continue;
    }
    return false;
  }
  draft.components = draft.components.filter((_, index) => !dropped.components.has(index));
  draft.connections = draft.connections.filter((_, index) => !dropped.connections.has(index));
  return true;
}

/** The document in the form `parseDocument(serializeDocument(doc))` returns: canonical order, every connection id set. */
function canonical(doc: ArchDocument): ArchDocument {
  const c = canonicalDocument(doc) as Omit<ArchDocument, 'connections'> & { connections: Array<Omit<Connection, 'id'> & { id?: string }> };
  return {
    backarch: c.backarch,
    name: c.name,
    ...(c.description !== undefined && { description: c.description }),
    constraints: c.constraints,
    components: c.components as Component[],
    connections: c.connections.map((connection): Connection => withConnectionId(connection)),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Derives the JSON document from a Y.Doc. Never throws: whatever concurrent edits merged into, the result is a valid
 * document (it passes `parseDocument`) in canonical order, and every component, connection, field, config key or
 * constraint left out or repaired to get there is listed in `issues`, with its path and the reason. Connections whose
 * ends no longer exist are left out; an invalid config key is removed (back to its default); a component of an
 * unknown type is left out (and so are its connections).
 *
 * @example
 * const { document, issues } = readDocument(ydoc);
 * for (const issue of issues) console.warn(`${issue.path}: ${issue.message}`);
 */
export function readDocument(ydoc: Y.Doc): ReadResult {
  const cached = derived.get(ydoc);
  if (cached) return cached;
  const result = derive(ydoc);
  if (!watched.has(ydoc)) {
    watched.add(ydoc);
    // before observers run, so a reader inside an observer already sees the new state
    ydoc.on('beforeObserverCalls', () => derived.delete(ydoc));
  }
  derived.set(ydoc, result);
  return result;
}

/**
 * The last derivation per Y.Doc, dropped by the next transaction: deriving validates the whole document (the cost
 * of core's parseDocument), and the editor reads after every change while applying a change set reads again. Results
 * are shared, like every ArchDocument: treat them as immutable.
 */
const derived = new WeakMap<Y.Doc, ReadResult>();
const watched = new WeakSet<Y.Doc>();

function derive(ydoc: Y.Doc): ReadResult {
  const issues: DerivationIssue[] = [];
  try {
    const draft = readDraft(ydoc, issues);
    // Sorted like the canonical form, so repairs (which never reorder) keep the order and the result is stable.
    draft.components.sort(byId);
    // Every pass repairs at least one thing (or gives up), so this ends; a few passes suffice in practice (a left-out
    // component makes its connections dangle, which the next pass finds).
    for (let pass = 0; pass < 100; pass++) {
      const result = parseDocument(fileForm(draft));
      if (result.ok) return { document: canonical(result.document), issues };
      if (!repair(draft, result.errors, issues)) return fallback(draft, issues, result.errors);
    }
    return fallback(draft, issues, []);
  } catch (error) {
    return fallback(undefined, issues, [{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
}

/** An empty document with the shared name, for a Y.Doc whose state could not be repaired (a bug if it ever happens). */
function fallback(draft: Draft | undefined, issues: DerivationIssue[], errors: readonly DocumentIssue[]): ReadResult {
  const name = draft && typeof draft.name === 'string' && draft.name.length > 0 && draft.name.length <= 200 ? draft.name : UNTITLED;
  const detail = errors.map((e) => `${e.path || '(document)'}: ${e.message}`).join('; ');
  issues.push({ path: '', action: 'dropped', message: `the shared document could not be repaired, so it reads as empty${detail ? ` (${detail})` : ''}` });
  return { document: { backarch: FORMAT_VERSION, name, constraints: {}, components: [], connections: [] }, issues };
}
