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
}

/**
 * Seeded synthetic architectures for benchmarks and scale tests. Every generated document is valid: clients call a
 * load balancer, which calls services; services call services over http and write to PostgreSQL. `layered` is the
 * adversarial case for path enumeration (width 10, depth n/10: astronomically many paths); `star` has one hub
 * service; `grid` connects each service to its right and lower neighbours; `random` wires services at random (edges
 * point from lower to higher index, so it is a DAG like most call graphs).
 */
export function generateArchitecture(options: GenerateOptions): ArchDocument {
  const { shape, components: n, seed = 1, connectionsPerComponent = 3, width = 10 } = options;
  const random = seededRandom(seed);
  const components: Component[] = [];
  const connections: Connection[] = [];
  const add = (id: string, type: string) => components.push({ id, type });
  const connect = (from: string, to: string, type: string) => {
    const id = `${from}->${to}:${type}`;
    connections.push({ id, from, to, type });
  };

  add('web', 'client.web');
  add('lb', 'aws.alb');
  connect('web', 'lb', 'http');
  const services = Math.max(1, n - 3 - Math.ceil(n / 20));
  const databases = Math.max(1, n - 2 - services);
  const svc = (i: number) => `svc-${i}`;
  const db = (i: number) => `db-${i}`;
  for (let i = 0; i < services; i++) add(svc(i), 'service');
  for (let i = 0; i < databases; i++) add(db(i), 'postgresql');

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
      for (let i = 0; i < services - 1; i++) {
        for (let k = 0; k < connectionsPerComponent - 1; k++) call(i, i + 1 + Math.floor(random() * (services - i - 1)));
      }
      break;
    }
  }
  for (let i = 0; i < services; i++) connect(svc(i), db(Math.floor(random() * databases)), 'write');
  return { backarch: 1, name: `${shape} ${n}`, constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1000 } }, components, connections };
}
