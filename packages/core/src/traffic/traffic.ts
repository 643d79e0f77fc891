import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import { resolveConfig, resolveConnectionConfig } from '../document/resolve';
import type { ArchDocument } from '../document/schema';

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
  components: Map<string, Load>;
  connections: Map<string, Load>;
}

const zero = (): Load => ({ peakRps: 0, averageRps: 0, monthlyRequests: 0, egressGb: 0 });

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

/** Computes the load on every component and connection. Pure and linear in the size of the document. */
export function traffic(doc: ArchDocument): TrafficResult {
  const { peakRps: entryPeak, peakToAverage, basis } = entryRate(doc);
  const n = doc.components.length;
  const index = new Map<string, number>();
  doc.components.forEach((c, i) => index.set(c.id, i));

  // adjacency over traffic-carrying connections, by component index
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeShare: number[] = [];
  doc.connections.forEach((connection, e) => {
    edgeFrom[e] = index.get(connection.from) ?? -1;
    edgeTo[e] = index.get(connection.to) ?? -1;
    edgeShare[e] = (resolveConnectionConfig(connection)?.share as number | undefined) ?? 1;
    if (getConnectionDef(connection.type)?.carries !== 'none' && edgeFrom[e]! >= 0 && edgeTo[e]! >= 0) outgoing[edgeFrom[e]!]!.push(e);
  });

  const isClient = doc.components.map((c) => getComponentDef(c.type)?.roles.includes('entrypoint') ?? false);
  const clients = isClient.reduce((count, yes) => count + (yes ? 1 : 0), 0);

  // [TR3] depth-first walk from the clients (then from everything else) marks back edges
  const backEdge = new Uint8Array(doc.connections.length);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const walk = (start: number) => {
    const stack: Array<[number, number]> = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      if (next < outgoing[node]!.length) {
        top[1] = next + 1;
        const edge = outgoing[node]![next]!;
        const target = edgeTo[edge]!;
        if (state[target] === 1) backEdge[edge] = 1;
        else if (state[target] === 0) {
          state[target] = 1;
          stack.push([target, 0]);
        }
      } else {
        state[node] = 2;
        stack.pop();
      }
    }
  };
  for (let i = 0; i < n; i++) if (isClient[i] && state[i] === 0) walk(i);
  for (let i = 0; i < n; i++) if (state[i] === 0) walk(i);

  // topological pass (Kahn) over the graph without back edges
  const inDegree = new Int32Array(n);
  for (let i = 0; i < n; i++) for (const e of outgoing[i]!) if (!backEdge[e]) inDegree[edgeTo[e]!]!++;
  const peak = new Float64Array(n);
  const fromClients = new Float64Array(n); // peak arriving directly from clients, for egress
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isClient[i] && clients > 0) peak[i] = entryPeak / clients;
    if (inDegree[i] === 0) queue.push(i);
  }
  const overrides = doc.components.map((c) => {
    const usage = resolveConfig(c)?.usage as { monthlyRequests?: number; monthlyMessages?: number } | undefined;
    const monthly = usage?.monthlyRequests ?? usage?.monthlyMessages;
    return monthly === undefined ? undefined : (monthly / SECONDS_PER_MONTH) * peakToAverage;
  });
  const connectionPeak = new Float64Array(doc.connections.length);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const override = overrides[node];
    if (override !== undefined) peak[node] = override; // [TR5]
    for (const e of outgoing[node]!) {
      const rate = peak[node]! * edgeShare[e]!;
      connectionPeak[e] = rate;
      if (backEdge[e]) continue;
      const target = edgeTo[e]!;
      peak[target]! += rate;
      if (isClient[node]) fromClients[target]! += rate;
      if (--inDegree[target]! === 0) queue.push(target);
    }
  }

  const load = (peakRps: number, egressGb = 0): Load => {
    const averageRps = peakRps / peakToAverage;
    return { peakRps, averageRps, monthlyRequests: averageRps * SECONDS_PER_MONTH, egressGb };
  };
  const components = new Map<string, Load>();
  doc.components.forEach((c, i) => {
    const usage = resolveConfig(c)?.usage as { responseSizeKb?: number; monthlyEgressGb?: number } | undefined;
    const fromClientsMonthly = (fromClients[i]! / peakToAverage) * SECONDS_PER_MONTH;
    const egress = usage?.monthlyEgressGb ?? (fromClientsMonthly * (usage?.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB)) / KB_PER_GB;
    components.set(c.id, isClient[i] ? { ...load(peak[i]!), egressGb: 0 } : load(peak[i]!, egress));
  });
  const connections = new Map<string, Load>();
  doc.connections.forEach((c, e) => connections.set(c.id, edgeFrom[e]! >= 0 ? load(connectionPeak[e]!) : zero()));
  return { entryPeakRps: entryPeak, peakToAverage, basis, components, connections };
}
