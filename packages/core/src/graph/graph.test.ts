import { describe, expect, it } from 'vitest';
import { parseDocumentOrThrow } from '../document/parse';
import { generateArchitecture } from '../testing/generate';
import { seededRandom } from '../testing/random';
import { buildGraph, dominators, inOf, outOf, reachable, someIn, someOut } from './graph';

function randomDoc(seed: number, n: number) {
  const random = seededRandom(seed);
  const components = [{ id: 'web', type: 'client.web' }, ...Array.from({ length: n }, (_, i) => ({ id: `s${i}`, type: 'service' }))];
  const connections: object[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < n * 2; k++) {
    const a = Math.floor(random() * (n + 1));
    const b = 1 + Math.floor(random() * n);
    const from = a === 0 ? 'web' : `s${a - 1}`;
    const to = `s${b - 1}`;
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    connections.push({ from, to, type: 'http' });
  }
  connections.push({ from: 'web', to: 's0', type: 'http' });
  return parseDocumentOrThrow({ backarch: 1, name: 'r', components, connections: [...new Map(connections.map((c: any) => [`${c.from}>${c.to}`, c])).values()] });
}

describe('dominators', () => {
  it('[GR1] agree with the definition (remove a node, see who becomes unreachable) on random graphs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const graph = buildGraph(randomDoc(seed, 12));
      const all = () => true;
      const roots = graph.entrypoints;
      const base = reachable(graph, roots, all);
      const { idom, reached } = dominators(graph, roots, all);
      // reached: exactly the reachable components, each after its immediate dominator
      expect([...reached].sort((a, b) => a - b)).toEqual(graph.ids.map((_, v) => v).filter((v) => base[v]));
      for (let k = 0; k < reached.length; k++) if (idom[reached[k]!]! >= 0) expect(reached.indexOf(idom[reached[k]!]!)).toBeLessThan(k);
      for (let x = 0; x < graph.n; x++) {
        if (roots.includes(x)) continue;
        const without = reachable(graph, roots, all, (c) => c === x);
        for (let v = 0; v < graph.n; v++) {
          if (v === x || !base[v]) continue;
          // x dominates v iff v is unreachable without x; walk v's idom chain to check
          let d = idom[v]!;
          let dominated = false;
          while (d >= 0) {
            if (d === x) dominated = true;
            d = idom[d]!;
          }
          expect(dominated, `seed ${seed}: does ${graph.ids[x]} dominate ${graph.ids[v]}?`).toBe(!without[v]);
        }
      }
    }
  });

  it('[GR2] handle a layered graph with astronomically many paths', () => {
    const graph = buildGraph(generateArchitecture({ shape: 'layered', components: 20000, seed: 2 }));
    const { idom } = dominators(graph, graph.entrypoints, () => true);
    expect(idom[graph.index.get('web')!]).toBe(-1); // only the virtual root above the clients dominates a client
    expect(idom[graph.index.get('lb')!]).toBe(graph.index.get('web'));
    expect(idom[graph.index.get('svc-0')!]).toBe(graph.index.get('lb'));
  });
});

describe('buildGraph', () => {
  it('[GR3] lists each connection once leaving its source and once entering its target, in document order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const doc = randomDoc(seed, 30);
      const graph = buildGraph(doc);
      for (let i = 0; i < graph.n; i++) {
        const id = graph.ids[i]!;
        const leaving = doc.connections.flatMap((c, e) => (c.from === id ? [e] : []));
        const entering = doc.connections.flatMap((c, e) => (c.to === id ? [e] : []));
        expect(outOf(graph, i)).toEqual(leaving);
        expect(inOf(graph, i)).toEqual(entering);
        expect(graph.out[i]).toEqual(leaving);
        expect(graph.in[i]).toEqual(entering);
        expect(someOut(graph, i, (e) => doc.connections[e]!.type === 'http')).toBe(leaving.some((e) => doc.connections[e]!.type === 'http'));
        expect(someIn(graph, i, () => true)).toBe(entering.length > 0);
      }
      expect(graph.outEdges.length).toBe(doc.connections.length);
      expect(graph.inEdges.length).toBe(doc.connections.length);
    }
  });

  it('[GR4] keeps beside each adjacency entry the component at its other end, and each connection\'s traffic share', () => {
    const doc = parseDocumentOrThrow({
      backarch: 1,
      name: 'shares',
      components: [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'service' },
        { id: 'db', type: 'postgresql' },
        { id: 'otel', type: 'otel-collector' },
      ],
      connections: [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'db', type: 'write', config: { share: 0.25 } },
        { from: 'api', to: 'otel', type: 'telemetry' },
      ],
    });
    const graph = buildGraph(doc);
    for (const seed of [1, 2, 3]) {
      const random = buildGraph(randomDoc(seed, 30));
      for (let k = 0; k < random.outEdges.length; k++) expect(random.outTo[k]).toBe(random.to[random.outEdges[k]!]);
      for (let k = 0; k < random.inEdges.length; k++) expect(random.inFrom[k]).toBe(random.from[random.inEdges[k]!]);
    }
    expect([...graph.share]).toEqual([1, 0.25, 1]);
    expect([...graph.carrying]).toEqual([1, 1, 0]);
  });

  it('[GR5] flags the components with a role, the same answer as hasRole', () => {
    const graph = buildGraph(generateArchitecture({ shape: 'random', components: 200, seed: 3 }));
    for (const role of ['service', 'datastore', 'entrypoint', 'telemetry-collector', 'cdn'] as const) {
      const flags = graph.withRole(role);
      expect(graph.withRole(role)).toBe(flags); // made once per graph
      expect([...flags]).toEqual(graph.ids.map((_, i) => (graph.hasRole(i, role) ? 1 : 0)));
    }
    expect(graph.withRole('service').reduce((sum, x) => sum + x, 0)).toBeGreaterThan(100);
    expect(graph.withRole('cdn').every((x) => x === 0)).toBe(true);
  });
});
