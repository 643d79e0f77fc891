import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import type { ComponentDef, ConnectionDef, Role } from '../catalog/types';
import { resolveConfig, resolveConnectionConfig } from '../document/resolve';
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
  /** 1 for a connection that carries requests or messages (not telemetry, replication or dead letters), else 0. */
  carrying: Uint8Array;
  /** Share of its source's traffic each connection carries (`config.share`, its type's default when unset). */
  share: Float64Array;
  /**
   * Connection indexes leaving component i are `outEdges[outStart[i]] .. outEdges[outStart[i + 1] - 1]`, entering it
   * the same in `inEdges` (every type): compressed rows, each one contiguous array, so a walk over a large graph stays
   * in the processor's cache and leaves no per-component garbage. The analyses' hot paths read these.
   */
  outStart: Int32Array;
  outEdges: Int32Array;
  inStart: Int32Array;
  inEdges: Int32Array;
  /** The component at the other end of each entry of `outEdges` / `inEdges`: a walk reads it in order instead of looking up `to[e]` / `from[e]`. */
  outTo: Int32Array;
  inFrom: Int32Array;
  /** The same lists as arrays, built on first use: for code where convenience matters more than speed. */
  readonly out: readonly (readonly number[])[];
  readonly in: readonly (readonly number[])[];
  /** Component index at each end of connection e; -1 for an end that names no component (never in a valid document). */
  from: Int32Array;
  to: Int32Array;
  hasRole(component: number, role: Role): boolean;
  /**
   * 1 for each component with the role, else 0: made on first request and kept for the graph's other readers. Walks in
   * graph order read these rather than `hasRole`, which on a large design misses the processor's caches.
   */
  withRole(role: Role): Uint8Array;
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

const defaultShares = new WeakMap<ConnectionDef, number>();
function defaultShare(def: ConnectionDef): number {
  let byDefault = defaultShares.get(def);
  if (byDefault === undefined) defaultShares.set(def, (byDefault = (resolveConnectionConfig({ type: def.id })?.share as number | undefined) ?? 1));
  return byDefault;
}

function rows(start: Int32Array, edges: Int32Array): number[][] {
  const lists: number[][] = new Array(start.length - 1);
  for (let i = 0; i < lists.length; i++) lists[i] = slice(edges, start[i]!, start[i + 1]!);
  return lists;
}

/** A plain array copy of part of a typed array (a loop: `Array.from` goes through the iterator protocol). */
function slice(edges: Int32Array, start: number, end: number): number[] {
  const list: number[] = new Array(end - start);
  for (let k = start; k < end; k++) list[k - start] = edges[k]!;
  return list;
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
  const entrypoints: number[] = [];
  // The id map gets loops of its own: on a large design it outgrows the processor's caches, and anything else done
  // between its lookups evicts it (splitting the loops halves the time at 100,000 components).
  for (let i = 0; i < n; i++) {
    const component = doc.components[i]!;
    index.set(component.id, i);
    ids[i] = component.id;
  }
  for (let i = 0; i < n; i++) {
    const component = doc.components[i]!;
    const def = getComponentDef(component.type)!;
    defs[i] = def;
    configs[i] = resolveConfig(component) ?? {};
    roles[i] = rolesOf(def);
    if (roles[i]!.has('entrypoint')) entrypoints.push(i);
  }
  const connectionDefs: ConnectionDef[] = new Array(m);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const carrying = new Uint8Array(m);
  const share = new Float64Array(m);
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const c = doc.connections[e]!;
    from[e] = index.get(c.from) ?? -1;
    to[e] = index.get(c.to) ?? -1;
  }
  for (let e = 0; e < m; e++) {
    const c = doc.connections[e]!;
    connectionDefs[e] = getConnectionDef(c.type)!;
    carrying[e] = connectionDefs[e]!.carries === 'none' ? 0 : 1;
    // read here, while the connection is in cache: the traffic model reads shares in walk order
    const own = c.config?.share;
    share[e] = typeof own === 'number' ? own : defaultShare(connectionDefs[e]!);
    const a = from[e]!;
    const b = to[e]!;
    if (a >= 0 && b >= 0) {
      outDegree[a]!++;
      inDegree[b]!++;
    }
  }
  // compressed rows: every component's connections side by side in one array, so walks stay in cache
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    outStart[i + 1] = outStart[i]! + outDegree[i]!;
    inStart[i + 1] = inStart[i]! + inDegree[i]!;
  }
  const outEdges = new Int32Array(outStart[n]!);
  const inEdges = new Int32Array(inStart[n]!);
  const outTo = new Int32Array(outStart[n]!);
  const inFrom = new Int32Array(inStart[n]!);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const a = from[e]!;
    const b = to[e]!;
    if (a < 0 || b < 0) continue;
    outTo[outFill[a]!] = b;
    outEdges[outFill[a]!++] = e;
    inFrom[inFill[b]!] = a;
    inEdges[inFill[b]!++] = e;
  }
  const flagsByRole = new Map<Role, Uint8Array>();
  let outLists: number[][] | undefined;
  let inLists: number[][] | undefined;
  return {
    doc,
    n,
    ids,
    index,
    defs,
    configs,
    connectionDefs,
    carrying,
    share,
    outStart,
    outEdges,
    inStart,
    inEdges,
    outTo,
    inFrom,
    get out() {
      return (outLists ??= rows(outStart, outEdges));
    },
    get in() {
      return (inLists ??= rows(inStart, inEdges));
    },
    from,
    to,
    hasRole: (component, role) => roles[component]!.has(role),
    withRole(role) {
      let flags = flagsByRole.get(role);
      if (!flags) {
        flags = new Uint8Array(n);
        for (let i = 0; i < n; i++) if (roles[i]!.has(role)) flags[i] = 1;
        flagsByRole.set(role, flags);
      }
      return flags;
    },
    entrypoints,
  };
}

/** Connection indexes leaving component i, as a fresh array (off the hot paths; those loop over `outEdges`). */
export function outOf(graph: ArchGraph, i: number): number[] {
  return slice(graph.outEdges, graph.outStart[i]!, graph.outStart[i + 1]!);
}

/** Connection indexes entering component i, as a fresh array. */
export function inOf(graph: ArchGraph, i: number): number[] {
  return slice(graph.inEdges, graph.inStart[i]!, graph.inStart[i + 1]!);
}

/** Whether some connection leaving component i passes `test`. */
export function someOut(graph: ArchGraph, i: number, test: EdgeFilter): boolean {
  for (let k = graph.outStart[i]!; k < graph.outStart[i + 1]!; k++) if (test(graph.outEdges[k]!)) return true;
  return false;
}

/** Whether some connection entering component i passes `test`. */
export function someIn(graph: ArchGraph, i: number, test: EdgeFilter): boolean {
  for (let k = graph.inStart[i]!; k < graph.inStart[i + 1]!; k++) if (test(graph.inEdges[k]!)) return true;
  return false;
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
    for (let k = graph.outStart[node]!; k < graph.outStart[node + 1]!; k++) {
      const next = graph.outTo[k]!;
      if (seen[next] || !follow(graph.outEdges[k]!) || blocked?.(next)) continue;
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
 * `reached` lists the components reachable from the roots in depth-first preorder, so each comes after its immediate
 * dominator (an ancestor in the depth-first tree): a backward sweep over it sums up dominator subtrees.
 * Adjacency, buckets and stacks live in typed arrays: no allocation per vertex.
 */
export function dominators(graph: ArchGraph, roots: readonly number[], follow: EdgeFilter): { idom: Int32Array; reached: Int32Array } {
  const n = graph.n;
  const ROOT = n; // virtual root
  const size = n + 1;

  // successors over the followed connections, as compressed rows: succ[succStart[v] .. succStart[v + 1])
  const succStart = new Int32Array(size + 1);
  const { outStart, outEdges, outTo } = graph;
  for (let v = 0; v < n; v++) for (let k = outStart[v]!; k < outStart[v + 1]!; k++) if (follow(outEdges[k]!)) succStart[v + 1]!++;
  succStart[ROOT + 1] = roots.length;
  for (let v = 0; v < size; v++) succStart[v + 1]! += succStart[v]!;
  const succ = new Int32Array(succStart[size]!);
  const fill = succStart.slice(0, size);
  for (let v = 0; v < n; v++) {
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) if (follow(outEdges[k]!)) succ[fill[v]!++] = outTo[k]!;
  }
  for (const r of roots) succ[fill[ROOT]!++] = r;

  const semi = new Int32Array(size).fill(-1);
  const vertex = new Int32Array(size);
  const parent = new Int32Array(size).fill(-1);
  const ancestor = new Int32Array(size).fill(-1);
  const label = new Int32Array(size);
  const idom = new Int32Array(size).fill(-1);

  // iterative depth-first numbering; every edge met from a numbered vertex is a predecessor link
  const predFrom = new Int32Array(succ.length);
  const predTo = new Int32Array(succ.length);
  let links = 0;
  let count = 0;
  const stackV = new Int32Array(size);
  const stackK = new Int32Array(size);
  let top = 0;
  stackV[0] = ROOT;
  stackK[0] = succStart[ROOT]!;
  semi[ROOT] = count;
  vertex[count++] = ROOT;
  label[ROOT] = ROOT;
  while (top >= 0) {
    const v = stackV[top]!;
    const k = stackK[top]!;
    if (k >= succStart[v + 1]!) {
      top--;
      continue;
    }
    stackK[top] = k + 1;
    const w = succ[k]!;
    predFrom[links] = v;
    predTo[links++] = w;
    if (semi[w] !== -1) continue;
    parent[w] = v;
    semi[w] = count;
    vertex[count++] = w;
    label[w] = w;
    top++;
    stackV[top] = w;
    stackK[top] = succStart[w]!;
  }

  // predecessors as compressed rows too
  const predStart = new Int32Array(size + 1);
  for (let k = 0; k < links; k++) predStart[predTo[k]! + 1]!++;
  for (let v = 0; v < size; v++) predStart[v + 1]! += predStart[v]!;
  const pred = new Int32Array(links);
  const at = predStart.slice(0, size);
  for (let k = 0; k < links; k++) pred[at[predTo[k]!]!++] = predFrom[k]!;

  // buckets as linked lists: each vertex joins exactly one bucket, once
  const bucketHead = new Int32Array(size).fill(-1);
  const bucketNext = new Int32Array(size);
  const path = new Int32Array(size);
  const compress = (v: number) => {
    let length = 0;
    let u = v;
    while (ancestor[ancestor[u]!] !== -1) {
      path[length++] = u;
      u = ancestor[u]!;
    }
    for (let k = length - 1; k >= 0; k--) {
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
    for (let k = predStart[w]!; k < predStart[w + 1]!; k++) {
      const u = evaluate(pred[k]!);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    const b = vertex[semi[w]!]!;
    bucketNext[w] = bucketHead[b]!;
    bucketHead[b] = w;
    const p = parent[w]!;
    ancestor[w] = p;
    for (let v = bucketHead[p]!; v !== -1; v = bucketNext[v]!) {
      const u = evaluate(v);
      idom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = -1;
  }
  for (let i = 1; i < count; i++) {
    const w = vertex[i]!;
    if (idom[w] !== vertex[semi[w]!]) idom[w] = idom[idom[w]!]!;
  }
  const result = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) result[v] = idom[v] === ROOT ? -1 : idom[v]!;
  return { idom: result, reached: vertex.slice(1, count) };
}
