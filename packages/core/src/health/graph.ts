import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import type { ComponentDef, ConnectionDef, Role } from '../catalog/types';
import type { ArchDocument } from '../document/schema';

/**
 * The document as an indexed graph for the health rules: components are numbered 0..n-1 and connections 0..m-1, with
 * adjacency lists, so every rule runs in time linear (or near-linear) in the size of the document — never by
 * enumerating paths, which a layered architecture has astronomically many of.
 */
export interface ArchGraph {
  doc: ArchDocument;
  n: number;
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  defs: readonly ComponentDef[];
  connectionDefs: readonly ConnectionDef[];
  /** Connection indexes leaving / entering each component (every type). */
  out: readonly (readonly number[])[];
  in: readonly (readonly number[])[];
  from: readonly number[];
  to: readonly number[];
  hasRole(component: number, role: Role): boolean;
  /** Components with the `entrypoint` role (clients). */
  entrypoints: readonly number[];
}

export function buildGraph(doc: ArchDocument): ArchGraph {
  const n = doc.components.length;
  const index = new Map<string, number>();
  doc.components.forEach((c, i) => index.set(c.id, i));
  const defs = doc.components.map((c) => getComponentDef(c.type)!);
  const connectionDefs = doc.connections.map((c) => getConnectionDef(c.type)!);
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  const from: number[] = [];
  const to: number[] = [];
  doc.connections.forEach((c, e) => {
    from[e] = index.get(c.from)!;
    to[e] = index.get(c.to)!;
    out[from[e]!]!.push(e);
    inn[to[e]!]!.push(e);
  });
  const roleSets = defs.map((d) => new Set<Role>(d.roles));
  return {
    doc,
    n,
    ids: doc.components.map((c) => c.id),
    index,
    defs,
    connectionDefs,
    out,
    in: inn,
    from,
    to,
    hasRole: (component, role) => roleSets[component]!.has(role),
    entrypoints: defs.flatMap((d, i) => (d.roles.includes('entrypoint') ? [i] : [])),
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
