import type { ArchDocument, Component, Connection } from '../document/schema';
import { seededRandom } from './random';

export type GeneratedShape = 'layered' | 'random' | 'star' | 'grid';

export interface GenerateOptions {
  shape: GeneratedShape;
  /** Number of components. */
  components: number;
  seed?: number;
  /** Average outgoing connections per component (default 3). */
  connectionsPerComponent?: number;
  /** Width of each layer for `layered` (default 10). */
  width?: number;
  /**
   * Share of calls and databases generated with a flaw the health rules report (default 0.05): a call with no
   * circuit breaker, a database with no standby. 1 gives the bare design, every call and database flawed.
   */
  defectRate?: number;
}

/**
 * Seeded synthetic architectures for benchmarks and scale tests, shaped like a real estate's first large draft.
 * Every generated document is valid: clients call a load balancer, which calls services; services call services over
 * http (splitting their traffic evenly over their callees, with circuit breakers and timeouts) and write a fifth of
 * their requests to PostgreSQL (multi-AZ); an OpenTelemetry agent ships metrics and logs to Prometheus and Loki.
 * `defectRate` of the calls and databases lack their circuit breaker or standby, so every rule has work to do. `layered` is the
 * adversarial case for path enumeration (width 10, depth n/10: astronomically many paths); `star` has one hub
 * service; `grid` connects each service to its right and lower neighbours; `random` wires services at random (edges
 * point from lower to higher index, so it is a DAG like most call graphs, and every service has a caller).
 */
export function generateArchitecture(options: GenerateOptions): ArchDocument {
  const { shape, components: n, seed = 1, connectionsPerComponent = 3, width = 10, defectRate = 0.05 } = options;
  const random = seededRandom(seed);
  const components: Component[] = [];
  const connections: Connection[] = [];
  const add = (id: string, type: string) => components.push({ id, type });
  const connect = (from: string, to: string, type: string, config?: Connection['config']) => {
    const id = `${from}->${to}:${type}`;
    connections.push({ id, from, to, type, ...(config && { config }) });
  };
  const flawed = () => random() < defectRate;

  add('web', 'client.web');
  add('lb', 'aws.alb');
  connect('web', 'lb', 'http');
  const services = Math.max(1, n - 6 - Math.ceil(n / 20));
  const databases = Math.max(1, n - 5 - services);
  const svc = (i: number) => `svc-${i}`;
  const db = (i: number) => `db-${i}`;
  for (let i = 0; i < services; i++) components.push({ id: svc(i), type: 'service', config: { autoscaling: { min: 2, max: 8 } } });
  for (let i = 0; i < databases; i++) components.push({ id: db(i), type: 'postgresql', ...(!flawed() && { config: { multiAz: true } }) });
  components.push({ id: 'otel-agent', type: 'otel-collector', config: { deploymentMode: 'agent' } });
  add('prometheus', 'prometheus');
  add('loki', 'grafana.loki');
  connect('otel-agent', 'prometheus', 'telemetry', { signals: ['metrics'] });
  connect('otel-agent', 'loki', 'telemetry', { signals: ['logs'] });

  const seen = new Set<string>();
  const call = (a: number, b: number) => {
    const key = `${a}:${b}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    connect(svc(a), svc(b), 'http');
  };

  switch (shape) {
    case 'layered': {
      for (let i = 0; i < Math.min(width, services); i++) connect('lb', svc(i), 'http');
      for (let i = 0; i + width < services; i++) {
        const layerStart = (Math.floor(i / width) + 1) * width;
        for (let k = 0; k < connectionsPerComponent - 1; k++) call(i, Math.min(services - 1, layerStart + Math.floor(random() * width)));
      }
      break;
    }
    case 'star': {
      connect('lb', svc(0), 'http');
      for (let i = 1; i < services; i++) call(0, i);
      for (let i = 1; i < services; i++) for (let k = 1; k < connectionsPerComponent - 1; k++) call(i, 1 + Math.floor(random() * (services - 1)));
      break;
    }
    case 'grid': {
      const side = Math.max(1, Math.ceil(Math.sqrt(services)));
      connect('lb', svc(0), 'http');
      for (let i = 0; i < services; i++) {
        if ((i + 1) % side !== 0 && i + 1 < services) call(i, i + 1);
        if (i + side < services) call(i, i + side);
      }
      break;
    }
    case 'random': {
      for (let i = 0; i < Math.min(width, services); i++) connect('lb', svc(i), 'http');
      // every service past the first layer has a caller among the earlier ones (a service nothing calls is dead
      // code, not architecture); the rest of each service's calls go to random later services
      for (let i = width; i < services; i++) call(Math.floor(random() * i), i);
      for (let i = 0; i < services - 1; i++) {
        for (let k = 0; k < connectionsPerComponent - 2; k++) call(i, i + 1 + Math.floor(random() * (services - i - 1)));
      }
      break;
    }
  }
  for (let i = 0; i < services; i++) connect(svc(i), db(Math.floor(random() * databases)), 'write', { share: 0.2 });

  // each caller splits its requests evenly over its callees, so every layer carries the entry rate once
  const calls = new Map<string, Connection[]>();
  for (const c of connections) {
    if (c.type !== 'http' || c.from === 'web') continue;
    const list = calls.get(c.from);
    if (list) list.push(c);
    else calls.set(c.from, [c]);
  }
  for (const list of calls.values()) {
    const share = Math.round(1000 / list.length) / 1000;
    for (const c of list) c.config = { share, ...(!flawed() && { circuitBreaker: true, timeoutMs: 2000 }) };
  }
  return { backarch: 1, name: `${shape} ${n}`, constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1000 } }, components, connections };
}
