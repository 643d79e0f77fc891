import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../document/resolve';
import type { ArchDocument } from '../../document/schema';
import { traffic } from '../../traffic/traffic';
import { health } from '../engine';
import { buildGraph } from '../../graph/graph';
import type { RuleContext } from '../types';
import { HEALTH_RULES } from './registry';
import { afterFix, doc, findingsOf } from './test-helpers';

/** The context the engine gives rules, to time one rule alone. */
function contextOf(d: ArchDocument): RuleContext {
  const configs = d.components.map((c) => resolveConfig(c) ?? {});
  return {
    doc: d,
    graph: buildGraph(d),
    traffic: traffic(d),
    config: (i) => configs[i]!,
    name: (i) => d.components[i]!.label ?? d.components[i]!.id,
    price: () => undefined,
    accepts: () => false,
  };
}

/** web and mobile → Public API (API Gateway) → Orders (Lambda) → Orders table. */
const gateway = (gatewayConfig: object = {}, tableConfig: object = { personalData: true }) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'mobile', type: 'client.mobile' },
      { id: 'api', type: 'aws.api-gateway', label: 'Public API', config: gatewayConfig },
      { id: 'orders', type: 'aws.lambda', label: 'Orders' },
      { id: 'orders-db', type: 'aws.dynamodb', label: 'Orders table', config: tableConfig },
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http' },
      { from: 'orders', to: 'orders-db', type: 'write' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
  );

/** Partner → Webhook service → Webhook DB: a client calling one of our services directly. */
const webhook = (serviceConfig: object = {}) =>
  doc(
    [
      { id: 'partner', type: 'client.external', label: 'Partner' },
      { id: 'svc', type: 'service', label: 'Webhook service', config: serviceConfig },
      { id: 'db', type: 'postgresql', label: 'Webhook DB', config: { multiAz: true } },
    ],
    [
      { from: 'partner', to: 'svc', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'svc', to: 'db', type: 'write' },
    ],
    { cloud: 'gcp', region: 'europe-west1', traffic: { peakRps: 50 } },
  );

/** web → CloudFront → bucket, and web → Cognito (sign-in). */
const site = (bucketConfig: object = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'cdn', type: 'aws.cloudfront', label: 'CloudFront' },
      { id: 'site', type: 'aws.s3', label: 'Site bucket', config: bucketConfig },
      { id: 'login', type: 'aws.cognito', label: 'User pool' },
    ],
    [
      { from: 'web', to: 'cdn', type: 'http' },
      { from: 'cdn', to: 'site', type: 'read' },
      { from: 'web', to: 'login', type: 'http' },
    ],
  );

describe('auth', () => {
  it('[auth-1] fires on a gateway without auth, naming what is exposed behind it, with the rate', () => {
    const [finding, ...rest] = findingsOf(gateway(), 'auth');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      'Public API (aws.api-gateway) takes requests from web and mobile without authentication: 1 service and 1 datastore behind it (Orders and Orders table) are reachable with no gateway or load balancer `auth`, auth provider or service `auth` on the way; 300 requests/s arrive there at peak; Orders table holds personal data.',
    );
    expect(finding!.severity).toBe('high');
    expect(finding!.components).toEqual(['api']);
    expect(finding!.connections).toEqual(['web->api:http', 'mobile->api:http']);
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'api', config: { auth: 'jwt' } }]);
  });

  it('[auth-2] a Lambda behind API Gateway with JWT auth is not exposed', () => {
    expect(findingsOf(gateway({ auth: 'jwt' }), 'auth')).toEqual([]);
    expect(findingsOf(gateway({ auth: 'none' }), 'auth')).toHaveLength(1);
  });

  it('[auth-3] a service with `auth` set authenticates its callers', () => {
    expect(findingsOf(webhook({ auth: 'jwt' }), 'auth')).toEqual([]);
  });

  it('[auth-4] a client calling a service directly: the fix puts an API gateway with auth of the cloud in front', () => {
    const d = webhook();
    const [finding] = findingsOf(d, 'auth');
    expect(finding!.message).toBe(
      'Webhook service (service) takes requests from Partner without authentication: it and 1 datastore behind it (Webhook DB) are reachable with no gateway or load balancer `auth`, auth provider or service `auth` on the way; 50 requests/s arrive there at peak.',
    );
    expect(finding!.fix!.ops).toEqual([
      { op: 'addComponent', component: { id: 'api-gateway', type: 'gcp.api-gateway', label: 'API gateway', config: { auth: 'jwt' } } },
      { op: 'removeConnection', id: 'partner->svc:http' },
      { op: 'addConnection', connection: { from: 'partner', to: 'api-gateway', type: 'http', config: { timeoutMs: 5000 } } },
      { op: 'addConnection', connection: { from: 'api-gateway', to: 'svc', type: 'http', config: { timeoutMs: 5000 } } },
    ]);
    const result = afterFix(d, 'auth');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
    expect(findingsOf(result.document, 'auth')).toEqual([]);
  });

  it('[auth-5] a static site (CDN → bucket) and sign-in at the auth provider are not findings', () => {
    expect(findingsOf(site(), 'auth')).toEqual([]);
    expect(findingsOf(site({ public: true }), 'auth')).toEqual([]);
  });

  it('[auth-6] a bucket with personal data behind a CDN without auth is critical, and the fix puts a gateway between them', () => {
    const d = site({ personalData: true });
    const [finding] = findingsOf(d, 'auth');
    expect(finding!.message).toBe(
      'CloudFront (aws.cloudfront) takes requests from web without authentication: 1 datastore behind it (Site bucket) is reachable with no gateway or load balancer `auth`, auth provider or service `auth` on the way; 200 requests/s arrive there at peak; Site bucket is a datastore open to the internet with no service of ours in front; Site bucket holds personal data.',
    );
    expect(finding!.severity).toBe('critical');
    const result = afterFix(d, 'auth');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
  });

  it('[auth-7] a public datastore is critical; the fix takes it off the internet', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'lb', type: 'aws.alb', config: { auth: 'oidc' } },
        { id: 'svc', type: 'aws.ecs', label: 'API' },
        { id: 'db', type: 'postgresql', label: 'Orders DB', config: { public: true, personalData: true, multiAz: true } },
      ],
      [
        { from: 'web', to: 'lb', type: 'http' },
        { from: 'lb', to: 'svc', type: 'http' },
        { from: 'svc', to: 'db', type: 'write' },
      ],
    );
    const [finding] = findingsOf(d, 'auth');
    expect(finding!.message).toBe(
      'Orders DB (postgresql) is reachable from the internet (`public: true`), and nothing in front of it checks who is calling: only its own credentials stand between the internet and the data; it holds personal data.',
    );
    expect(finding!.severity).toBe('critical');
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'db', config: { public: false } }]);
    expect(afterFix(d, 'auth').same).toEqual([]);
  });

  it('[auth-8] a client uploading to a private bucket directly signs its requests (presigned URLs): not exposed', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'uploads', type: 'aws.s3' },
        { id: 'bus', type: 'aws.eventbridge' },
        { id: 'fn', type: 'aws.lambda' },
      ],
      [
        { from: 'web', to: 'uploads', type: 'http' },
        { from: 'uploads', to: 'bus', type: 'publish' },
        { from: 'bus', to: 'fn', type: 'consume' },
      ],
    );
    expect(findingsOf(d, 'auth')).toEqual([]);
  });

  it('[auth-9] an ALB without auth gets `auth: "oidc"`; a load balancer with no auth field gets a gateway behind it', () => {
    const alb = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'lb', type: 'aws.alb', label: 'ALB' },
        { id: 'cart', type: 'aws.ecs', label: 'Cart' },
        { id: 'catalog', type: 'aws.ecs', label: 'Catalog' },
        { id: 'cache', type: 'redis', label: 'Cache' },
      ],
      [
        { from: 'web', to: 'lb', type: 'http' },
        { from: 'lb', to: 'cart', type: 'http', config: { share: 0.4 } },
        { from: 'lb', to: 'catalog', type: 'http', config: { share: 0.6 } },
        { from: 'cart', to: 'cache', type: 'read' },
      ],
    );
    const [finding] = findingsOf(alb, 'auth');
    expect(finding!.message).toContain('2 services and 1 datastore behind it (Cart, Catalog and Cache) are reachable');
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'lb', config: { auth: 'oidc' } }]);
    expect(afterFix(alb, 'auth').same).toEqual([]);

    const gcp = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'lb', type: 'gcp.load-balancer', label: 'LB' },
        { id: 'cart', type: 'gcp.cloud-run', label: 'Cart' },
        { id: 'catalog', type: 'gcp.cloud-run', label: 'Catalog', config: { auth: 'iam' } },
      ],
      [
        { from: 'web', to: 'lb', type: 'http' },
        { from: 'lb', to: 'cart', type: 'http', config: { share: 0.4 } },
        { from: 'lb', to: 'catalog', type: 'http', config: { share: 0.6 } },
      ],
      { cloud: 'gcp', region: 'europe-west1', traffic: { peakRps: 100 } },
    );
    const [lb] = findingsOf(gcp, 'auth');
    expect(lb!.message).toContain('1 service behind it (Cart) is reachable');
    const result = afterFix(gcp, 'auth');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
    // the gateway carries what the load balancer sent to Cart, so the traffic model sees the same load there
    expect(findingsOf(result.document, 'auth')).toEqual([]);
    expect(traffic(result.document).components.get('cart')!.peakRps).toBeCloseTo(traffic(gcp).components.get('cart')!.peakRps);
    expect(traffic(result.document).components.get('catalog')!.peakRps).toBeCloseTo(traffic(gcp).components.get('catalog')!.peakRps);
    // two exposed targets: the gateway keeps the 40/60 split
    const both = doc(
      gcp.components.map((c) => (c.id === 'catalog' ? { ...c, config: {} } : c)),
      gcp.connections,
      gcp.constraints,
    );
    const split = afterFix(both, 'auth').document;
    for (const id of ['cart', 'catalog']) expect(traffic(split).components.get(id)!.peakRps).toBeCloseTo(traffic(both).components.get(id)!.peakRps);
  });

  it('[auth-10] a component marked public is an entry point even with no client drawn in front of it', () => {
    const d = doc(
      [
        { id: 'fn', type: 'gcp.cloud-run', label: 'Public function', config: { public: true } },
        { id: 'store', type: 'gcp.firestore', label: 'Store' },
      ],
      [{ from: 'fn', to: 'store', type: 'write' }],
      { cloud: 'gcp', region: 'europe-west1' },
    );
    const [finding] = findingsOf(d, 'auth');
    expect(finding!.message).toBe(
      'Public function (gcp.cloud-run) is reachable from the internet (`public: true`) without authentication: it and 1 datastore behind it (Store) are reachable with no gateway or load balancer `auth`, auth provider or service `auth` on the way.',
    );
    expect(afterFix(d, 'auth').same).toEqual([]);
  });

  it('[auth-11] accepted on the entry point, it costs nothing', () => {
    const accepted = gateway({ health: { accept: [{ rule: 'auth', reason: 'public read-only catalogue API; writes are signed' }] } });
    const result = health(accepted);
    expect(result.findings.filter((f) => f.rule === 'auth')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.rule)).toContain('auth');
  });

  it('[auth-13] a dashboard signs users in with its own `auth`; without it, the data it reads is exposed', () => {
    const dashboards = (config: object) =>
      doc(
        [
          { id: 'ops', type: 'client.web', label: 'Ops team' },
          { id: 'grafana', type: 'grafana', label: 'Grafana', config },
          { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true } },
        ],
        [
          { from: 'ops', to: 'grafana', type: 'http' },
          { from: 'grafana', to: 'db', type: 'read' },
        ],
      );
    expect(findingsOf(dashboards({}), 'auth')).toEqual([]);
    const open = dashboards({ auth: 'none' });
    const [finding] = findingsOf(open, 'auth');
    expect(finding!.message).toMatch(/^Grafana \(grafana\) takes requests from Ops team without authentication: 1 datastore behind it \(Orders DB\) is reachable/);
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'grafana', config: { auth: 'oidc' } }]);
    expect(afterFix(open, 'auth').same).toEqual([]);
  });

  it('[auth-14] queues pass unauthenticated messages on to their consumers', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'aws.api-gateway', label: 'Ingest API' },
        { id: 'queue', type: 'aws.sqs', config: { deadLetter: true } },
        { id: 'worker', type: 'aws.lambda', label: 'Worker' },
      ],
      [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'queue', type: 'publish' },
        { from: 'queue', to: 'worker', type: 'consume' },
      ],
    );
    expect(findingsOf(d, 'auth')[0]!.message).toContain('1 service behind it (Worker) is reachable');
  });

  it('[auth-12] runs in linear time on a layered graph with astronomically many paths (and so do mtls, encryption-at-rest, data-residency and observability)', () => {
    const layers = 20;
    const width = 30;
    const components: object[] = [{ id: 'web', type: 'client.web' }, { id: 'lb', type: 'aws.alb' }];
    const connections: object[] = [{ from: 'web', to: 'lb', type: 'http' }];
    for (let l = 0; l < layers; l++) {
      for (let k = 0; k < width; k++) {
        components.push({ id: `s${l}-${k}`, type: 'service', config: { personalData: true } });
        if (l === 0) connections.push({ from: 'lb', to: `s0-${k}`, type: 'http', config: { share: 1 / width } });
        else for (let j = 0; j < width; j++) connections.push({ from: `s${l - 1}-${j}`, to: `s${l}-${k}`, type: 'http', config: { share: 1 / width } });
      }
    }
    const ctx = contextOf(doc(components, connections, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 }, compliance: ['soc2', 'gdpr'] }));
    const rules = HEALTH_RULES.filter((r) => ['auth', 'mtls', 'encryption-at-rest', 'data-residency', 'observability'].includes(r.id));
    const start = performance.now();
    const findings = Object.fromEntries(rules.map((r) => [r.id, r.check(ctx)]));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(findings.auth).toHaveLength(1);
    expect(findings.auth![0]!.message).toContain(`${layers * width} services behind it`);
    expect(findings.mtls![0]!.message).toContain(`${(layers - 1) * width * width} of ${(layers - 1) * width * width} internal connections`);
    expect(findings['data-residency']).toHaveLength(1);
    expect(findings.observability).toHaveLength(3);
  });
});
