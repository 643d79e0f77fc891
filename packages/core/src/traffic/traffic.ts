import type { ArchDocument } from '../document/schema';
import { buildGraph, type ArchGraph } from '../graph/graph';

/**
 * The traffic model: how much load each component and connection sees, from the document's constraints.
 *
 * Rules (documented in the README, "Traffic model"):
 * - [TR1] Load enters at the client components (role `entrypoint`). The peak rate is `constraints.traffic.peakRps`,
 *   or `monthlyActiveUsers × requestsPerUserPerMonth (default 500)` spread over the month and multiplied by the
 *   peak-to-average ratio. It is split evenly over the clients.
 * - [TR2] A component's rate is the sum of what arrives over its incoming request/message connections. Each
 *   outgoing connection carries the component's rate × `share` (default 1: every request fans out to every callee).
 *   Telemetry, replication and dead-letter connections carry no request traffic.
 * - [TR3] Cycles: a connection that leads back to a component already on the path (a back edge of a depth-first
 *   walk from the clients) carries its share of traffic but does not feed it back, so each request passes a cycle
 *   once. Linear time: one depth-first walk and one topological pass.
 * - [TR4] Average = peak ÷ `peakToAverageRatio` (default 3). Monthly = average × 730 h × 3,600 s.
 * - [TR5] `config.usage.monthlyRequests` (or `monthlyMessages`) on a component overrides its computed load, and the
 *   override flows on downstream, like an Infracost usage file.
 * - [TR6] Egress to the internet: responses to clients, `responseSizeKb` (default 10 KB; 1 KB = 1,024 bytes,
 *   1 GB = 1,024³ bytes) per request arriving directly from a client, unless `usage.monthlyEgressGb` is set.
 */

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
export const DEFAULT_PEAK_TO_AVERAGE = 3;
export const DEFAULT_REQUESTS_PER_USER_PER_MONTH = 500;
export const DEFAULT_RESPONSE_SIZE_KB = 10;
const KB_PER_GB = 1024 * 1024;

export interface Load {
  /** Requests (or messages) per second at peak. */
  peakRps: number;
  averageRps: number;
  /** Requests (or messages) per month. */
  monthlyRequests: number;
  /** GB sent to the internet per month. */
  egressGb: number;
}

export interface TrafficResult {
  /** Peak rate entering at the clients, in requests per second; 0 when the constraints give no traffic. */
  entryPeakRps: number;
  peakToAverage: number;
  /** Where the entry rate came from, in words. */
  basis: string;
  /** Load of each component / connection by id. */
  components: ReadonlyMap<string, Load>;
  connections: ReadonlyMap<string, Load>;
  /** Peak rate of component i / connection e, in document order: what the analyses read on their hot paths. */
  componentPeakRps: Float64Array;
  connectionPeakRps: Float64Array;
  /** Load of component i / connection e, made on request. */
  componentLoad(i: number): Load;
  connectionLoad(e: number): Load;
}

export function entryRate(doc: ArchDocument): { peakRps: number; peakToAverage: number; basis: string } {
  const t = doc.constraints.traffic ?? {};
  const peakToAverage = t.peakToAverageRatio ?? DEFAULT_PEAK_TO_AVERAGE;
  if (t.peakRps !== undefined) return { peakRps: t.peakRps, peakToAverage, basis: `peak ${t.peakRps} requests/s (constraints.traffic.peakRps)` };
  if (t.monthlyActiveUsers !== undefined) {
    const perUser = t.requestsPerUserPerMonth ?? DEFAULT_REQUESTS_PER_USER_PER_MONTH;
    const average = (t.monthlyActiveUsers * perUser) / SECONDS_PER_MONTH;
    return {
      peakRps: average * peakToAverage,
      peakToAverage,
      basis: `${t.monthlyActiveUsers} monthly active users × ${perUser} requests each = ${round(average)} requests/s on average, × ${peakToAverage} at peak`,
    };
  }
  return { peakRps: 0, peakToAverage, basis: 'no traffic in the constraints: usage-based costs count only usage overrides' };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Computes the load on every component and connection. Pure and linear in the size of the document; pass the
 * document's graph when one is already built.
 */
export function traffic(doc: ArchDocument, graph: ArchGraph = buildGraph(doc)): TrafficResult {
  const { peakRps: entryPeak, peakToAverage, basis } = entryRate(doc);
  const { n, outStart, outEdges, to, entrypoints, carrying, share, configs } = graph;
  const m = doc.connections.length;

  // each traffic-carrying connection's share
  const isClient = new Uint8Array(n);
  for (const i of entrypoints) isClient[i] = 1;

  // [TR3] depth-first walk from the clients (then from everything else) marks back edges
  const backEdge = new Uint8Array(m);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  const walk = (start: number) => {
    let top = 0;
    stackNode[0] = start;
    stackNext[0] = outStart[start]!;
    state[start] = 1;
    while (top >= 0) {
      const node = stackNode[top]!;
      const next = stackNext[top]!;
      if (next < outStart[node + 1]!) {
        stackNext[top] = next + 1;
        const edge = outEdges[next]!;
        if (!carrying[edge]) continue;
        const target = to[edge]!;
        if (state[target] === 1) backEdge[edge] = 1;
        else if (state[target] === 0) {
          state[target] = 1;
          top++;
          stackNode[top] = target;
          stackNext[top] = outStart[target]!;
        }
      } else {
        state[node] = 2;
        top--;
      }
    }
  };
  for (const i of entrypoints) if (state[i] === 0) walk(i);
  for (let i = 0; i < n; i++) if (state[i] === 0) walk(i);

  // topological pass (Kahn) over the graph without back edges
  const inDegree = new Int32Array(n);
  for (let k = 0; k < outEdges.length; k++) {
    const e = outEdges[k]!;
    if (carrying[e] && !backEdge[e]) inDegree[to[e]!]!++;
  }
  const peak = new Float64Array(n);
  const fromClients = new Float64Array(n); // peak arriving directly from clients, for egress
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (isClient[i] && entrypoints.length > 0) peak[i] = entryPeak / entrypoints.length;
    if (inDegree[i] === 0) queue[tail++] = i;
  }
  // [TR5] usage overrides, read in document order (the pass below visits components in an order the memory doesn't like)
  const usages: Array<Usage | undefined> = new Array(n);
  for (let i = 0; i < n; i++) usages[i] = configs[i]!.usage as Usage | undefined;
  const connectionPeak = new Float64Array(m);
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const monthly = usages[node]?.monthlyRequests ?? usages[node]?.monthlyMessages;
    if (monthly !== undefined) peak[node] = (monthly / SECONDS_PER_MONTH) * peakToAverage;
    for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
      const e = outEdges[k]!;
      if (!carrying[e]) continue;
      const rate = peak[node]! * share[e]!;
      connectionPeak[e] = rate;
      if (backEdge[e]) continue;
      const target = to[e]!;
      peak[target]! += rate;
      if (isClient[node]) fromClients[target]! += rate;
      if (--inDegree[target]! === 0) queue[tail++] = target;
    }
  }

  const egress = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (isClient[i]) continue;
    const usage = usages[i];
    if (usage?.monthlyEgressGb !== undefined) egress[i] = usage.monthlyEgressGb;
    else if (fromClients[i]! > 0) egress[i] = ((fromClients[i]! / peakToAverage) * SECONDS_PER_MONTH * (usage?.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB)) / KB_PER_GB;
  }
  return new Traffic(entryPeak, peakToAverage, basis, graph, peak, egress, connectionPeak);
}

interface Usage {
  monthlyRequests?: number;
  monthlyMessages?: number;
  monthlyEgressGb?: number;
  responseSizeKb?: number;
}

/**
 * A traffic result over typed arrays: the analyses read rates by index; the maps by id, with a `Load` object per
 * entry, are made only when someone asks for them (a 10,000-component design has ~40,000 loads).
 */
class Traffic implements TrafficResult {
  #components?: Map<string, Load>;
  #connections?: Map<string, Load>;
  constructor(
    readonly entryPeakRps: number,
    readonly peakToAverage: number,
    readonly basis: string,
    private readonly graph: ArchGraph,
    readonly componentPeakRps: Float64Array,
    private readonly egressGb: Float64Array,
    readonly connectionPeakRps: Float64Array,
  ) {}

  private load(peakRps: number, egressGb: number): Load {
    const averageRps = peakRps / this.peakToAverage;
    return { peakRps, averageRps, monthlyRequests: averageRps * SECONDS_PER_MONTH, egressGb };
  }

  componentLoad(i: number): Load {
    return this.load(this.componentPeakRps[i]!, this.egressGb[i]!);
  }

  connectionLoad(e: number): Load {
    return this.load(this.connectionPeakRps[e]!, 0);
  }

  get components(): ReadonlyMap<string, Load> {
    if (!this.#components) {
      const map = new Map<string, Load>();
      for (let i = 0; i < this.graph.n; i++) map.set(this.graph.ids[i]!, this.componentLoad(i));
      this.#components = map;
    }
    return this.#components;
  }

  get connections(): ReadonlyMap<string, Load> {
    if (!this.#connections) {
      const map = new Map<string, Load>();
      const connections = this.graph.doc.connections;
      for (let e = 0; e < connections.length; e++) map.set(connections[e]!.id, this.connectionLoad(e));
      this.#connections = map;
    }
    return this.#connections;
  }
}
