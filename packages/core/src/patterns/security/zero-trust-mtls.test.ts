import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { health } from '../../health/engine';
import pattern from './zero-trust-mtls';

/** A PCI DSS shop: a managed gateway and four services calling each other, one self-run Redis. */
const shop = parseDocumentOrThrow({
  backarch: 1,
  name: 'Shop',
  constraints: { cloud: 'gcp', region: 'europe-west1', traffic: { peakRps: 400 }, compliance: ['pci'] },
  components: [
    { id: 'web', type: 'client.web' },
    { id: 'api', type: 'gcp.api-gateway', label: 'API', config: { auth: 'jwt' } },
    { id: 'orders', type: 'service', label: 'Orders' },
    { id: 'cart', type: 'service', label: 'Cart' },
    { id: 'payments', type: 'service', label: 'Payments', config: { personalData: true } },
    { id: 'stock', type: 'service', label: 'Stock' },
    { id: 'redis', type: 'redis', label: 'Sessions', config: { managed: false, readReplicas: 1, multiAz: true } },
  ],
  connections: [
    { from: 'web', to: 'api', type: 'http' },
    { from: 'api', to: 'orders', type: 'http', config: { circuitBreaker: true, share: 0.5 } },
    { from: 'api', to: 'cart', type: 'http', config: { circuitBreaker: true, share: 0.5 } },
    { from: 'orders', to: 'payments', type: 'grpc', config: { circuitBreaker: true } },
    { from: 'orders', to: 'stock', type: 'grpc', config: { circuitBreaker: true } },
    { from: 'cart', to: 'redis', type: 'read' },
  ],
});

describe('zero-trust-mtls', () => {
  const [target] = pattern.appliesTo(shop);

  it('targets every unauthenticated internal call at once, the busiest callee first', () => {
    expect(target).toEqual({
      components: ['orders', 'cart', 'payments', 'stock', 'redis', 'api'],
      connections: ['api->orders:http', 'api->cart:http', 'orders->payments:grpc', 'orders->stock:grpc', 'cart->redis:read'],
      reason:
        'Under PCI DSS, 5 internal calls are not mutually authenticated, the busiest API → Orders at ~200 requests/s peak; certificates on each of these calls close the gap without running a mesh.',
    });
  });

  it('sets mtls on each call below the mesh threshold', () => {
    expect(pattern.apply(shop, target!)).toEqual({
      origin: 'pattern:zero-trust-mtls',
      summary: 'Mutual TLS on 5 internal calls into Orders, Cart, Payments and 2 more',
      ops: target!.connections.map((id) => ({ op: 'updateConnection', id, config: { mtls: true } })),
    });
  });

  it('runs a mesh from the threshold up: the gateway, which no proxy can sit beside, keeps per-call mTLS', () => {
    const changeSet = pattern.apply(shop, target!, { meshThreshold: 5, dataPlane: 'ambient' });
    expect(changeSet.ops).toEqual([
      {
        op: 'addComponent',
        component: {
          id: 'service-mesh',
          type: 'service-mesh',
          label: 'Istio mesh',
          notes: 'Strict mTLS: the control plane issues each workload a 24-hour certificate and rotates it before expiry; rotate the root by publishing old and new trust bundles side by side.',
          config: { implementation: 'istio', managed: true, dataPlane: 'ambient', mtls: true, covers: ['orders', 'cart', 'payments', 'stock', 'redis'] },
        },
      },
      { op: 'updateConnection', id: 'api->orders:http', config: { mtls: true } },
      { op: 'updateConnection', id: 'api->cart:http', config: { mtls: true } },
    ]);
    const after = applyChangeSet(shop, changeSet);
    expect(after.ok).toBe(true);
    if (after.ok) expect(health(after.document).findings.filter((f) => f.rule === 'mtls')).toEqual([]);
  });

  it('finds nothing outside the compliance regimes that ask for mTLS, or off the selection', () => {
    expect(pattern.appliesTo({ ...shop, constraints: { ...shop.constraints, compliance: ['gdpr'] } })).toEqual([]);
    expect(pattern.appliesTo(shop, ['web'])).toEqual([]);
    expect(pattern.appliesTo(shop, ['stock'])).toEqual([target]);
  });
});
