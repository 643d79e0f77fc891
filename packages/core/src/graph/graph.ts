import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import type { ComponentDef, ConnectionDef, Role } from '../catalog/types';
import { resolveConfig } from '../document/resolve';
import type { ArchDocument } from '../document/schema';

/**
 * The document as an indexed graph, shared by the traffic model, the pricing engine, the health rules and the
 * patterns: components are numbered 0..n-1 and connections 0..m-1, with adjacency lists, so every analysis runs in
 * time linear (or near-linear) in the size of the document — never by enumerating paths, which a layered
 * architecture has astronomically many of. Built once per analysis (`health` builds one and hands it to traffic and
 * pricing) in O(n + m).
 */
export interface ArchGraph {
  doc: ArchDocument;
  n: number;
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  defs: readonly ComponentDef[];
  /** Effective config of each component (the type's defaults filled in). */
  configs: readonly Record<string, unknown>[];
  connectionDefs: readonly ConnectionDef[];
  /** Connection indexes leaving / entering each component (every type). */
  out: readonly (readonly number[])[];
  in: readonly (readonly number[])[];
  /** Component index at each end of connection e; -1 for an end that names no component (never in a valid document). */
  from: readonly number[];
  to: readonly number[];
  hasRole(component: number, role: Role): boolean;
  /** Components with the `entrypoint` role (clients). */
  entrypoints: readonly number[];
}

const roleSets = new WeakMap<ComponentDef, ReadonlySet<Role>>();
/** A type's roles as a set, made once per type rather than once per component. */
function rolesOf(def: ComponentDef): ReadonlySet<Role> {
  let roles = roleSets.get(def);
  if (!roles) roleSets.set(def, (roles = new Set(def.roles)));
  return roles;
}

/** Indexes a validated document (every type known, every connection end a component). */
export function buildGraph(doc: ArchDocument): ArchGraph {
  const n = doc.components.length;
  const m = doc.connections.length;
  const index = new Map<string, number>();
  const ids: string[] = new Array(n);
  const defs: ComponentDef[] = new Array(n);
  const configs: Record<string, unknown>[] = new Array(n);
  const roles: ReadonlySet<Role>[] = new Array(n);
  const out: number[][] = new Array(n);
  const inn: number[][] = new Array(n);
  const entrypoints: number[] = [];
  for (let i = 0; i < n; i++) {
    const component = doc.components[i]!;
    index.set(component.id, i);
    ids[i] = component.id;
    const def = getComponentDef(component.type)!;
    defs[i] = def;
    configs[i] = resolveConfig(component) ?? {};
    roles[i] = rolesOf(def);
    if (roles[i]!.has('entrypoint')) entrypoints.push(i);
    out[i] = [];
    inn[i] = [];
  }
  const connectionDefs: ConnectionDef[] = new Array(m);
  const from: number[] = new Array(m);
  const to: number[] = new Array(m);
  for (let e = 0; e < m; e++) {
    const c = doc.connections[e]!;
    connectionDefs[e] = getConnectionDef(c.type)!;
    const a = index.get(c.from) ?? -1;
    const b = index.get(c.to) ?? -1;
    from[e] = a;
    to[e] = b;
    if (a >= 0 && b >= 0) {
      out[a]!.push(e);
      inn[b]!.push(e);
    }
  }
  return {
    doc,
    n,
    ids,
    index,
    defs,
    configs,
    connectionDefs,
    out,
    in: inn,
    from,
    to,
    hasRole: (component, role) => roles[component]!.has(role),
    entrypoints,
  };
}

/** Connection filter used by traversals. */
export type EdgeFilter = (edge: number) => boolean;

/** Components reachable from `sources` along connections accepted by `follow`, skipping `blocked` components. O(n + m). */
export function reachable(graph: ArchGraph, sources: readonly number[], follow: EdgeFilter, blocked?: (component: number) => boolean): Uint8Array {
  const seen = new Uint8Array(graph.n);
  const stack: number[] = [];
  for (const s of sources) {
    if (!seen[s] && !blocked?.(s)) {
      seen[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const e of graph.out[node]!) {
      if (!follow(e)) continue;
      const next = graph.to[e]!;
      if (seen[next] || blocked?.(next)) continue;
      seen[next] = 1;
      stack.push(next);
    }
  }
  return seen;
}

/**
 * Immediate dominators from a virtual root joined to `roots` (Lengauer–Tarjan with path compression, O(m log n)):
 * `idom[v]` is the component every path from the roots to `v` must pass just before `v`, or -1 when only the root
 * dominates it (or it is unreachable). A component that dominates others is one whose failure cuts them off.
 */
export function dominators(graph: ArchGraph, roots: readonly number[], follow: EdgeFilter): Int32Array {
  const n = graph.n;
  const ROOT = n; // virtual root
  const size = n + 1;
  const semi = new Int32Array(size).fill(-1);
  const vertex = new Int32Array(size);
  const parent = new Int32Array(size).fill(-1);
  const ancestor = new Int32Array(size).fill(-1);
  const label = new Int32Array(size);
  const idom = new Int32Array(size).fill(-1);
  const bucket: number[][] = Array.from({ length: size }, () => []);
  const successors = (v: number): number[] => (v === ROOT ? [...roots] : graph.out[v]!.filter(follow).map((e) => graph.to[e]!));
  const predecessors: number[][] = Array.from({ length: size }, () => []);

  // iterative depth-first numbering
  let count = 0;
  const stack: Array<[number, number[], number]> = [[ROOT, successors(ROOT), 0]];
  semi[ROOT] = count;
  vertex[count++] = ROOT;
  label[ROOT] = ROOT;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const [v, next, k] = frame;
    if (k >= next.length) {
      stack.pop();
      continue;
    }
    frame[2] = k + 1;
    const w = next[k]!;
    predecessors[w]!.push(v);
    if (semi[w] !== -1) continue;
    parent[w] = v;
    semi[w] = count;
    vertex[count++] = w;
    label[w] = w;
    stack.push([w, successors(w), 0]);
  }

  const compress = (v: number) => {
    // iterative path compression
    const path: number[] = [];
    let u = v;
    while (ancestor[ancestor[u]!] !== -1) {
      path.push(u);
      u = ancestor[u]!;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const x = path[k]!;
      const a = ancestor[x]!;
      if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
      ancestor[x] = ancestor[a]!;
    }
  };
  const evaluate = (v: number) => {
    if (ancestor[v] === -1) return v;
    compress(v);
    return label[v]!;
  };

  for (let i = count - 1; i > 0; i--) {
    const w = vertex[i]!;
    for (const v of predecessors[w]!) {
      if (semi[v] === -1) continue; // unreachable predecessor
      const u = evaluate(v);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    bucket[vertex[semi[w]!]!]!.push(w);
    const p = parent[w]!;
    ancestor[w] = p;
    for (const v of bucket[p]!) {
      const u = evaluate(v);
      idom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucket[p]!.length = 0;
  }
  for (let i = 1; i < count; i++) {
    const w = vertex[i]!;
    if (idom[w] !== vertex[semi[w]!]) idom[w] = idom[idom[w]!]!;
  }
  const result = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) result[v] = idom[v] === ROOT ? -1 : idom[v]!;
  return result;
}
