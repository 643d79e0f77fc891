import type { ArchDocument } from '../document/schema';

/** DESIGN.md's example document: an API on Lambda with PostgreSQL and a job queue. */
export const ordersPlatform = {
  backarch: 1,
  name: 'Orders platform',
  constraints: {
    cloud: 'aws',
    region: 'us-east-1',
    budgetUsdPerMonth: { max: 500 },
    traffic: { peakRps: 200 },
    compliance: ['soc2'],
    teamSize: 3,
  },
  components: [
    { id: 'web', type: 'client.web', label: 'Web app' },
    { id: 'api', type: 'aws.api-gateway', config: { auth: 'jwt' } },
    { id: 'orders', type: 'aws.lambda', label: 'Orders', config: { memoryMb: 512 } },
    { id: 'db', type: 'postgresql', config: { instanceType: 'db.t3.medium', multiAz: true } },
    { id: 'jobs', type: 'aws.sqs', config: { deadLetter: true } },
  ],
  connections: [
    { from: 'web', to: 'api', type: 'http' },
    { from: 'api', to: 'orders', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000 } },
    { from: 'orders', to: 'db', type: 'write' },
    { from: 'orders', to: 'jobs', type: 'publish' },
  ],
} as const;

/** The same document as parsed, with derived connection ids. */
export function ordersPlatformDocument(): ArchDocument {
  const doc = JSON.parse(JSON.stringify(ordersPlatform)) as ArchDocument;
  doc.connections = doc.connections.map((c) => ({ ...c, id: `${c.from}->${c.to}:${c.type}` }));
  return doc;
}
