import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import timeout from './timeout';

/** An ALB gives Checkout 3 s; Checkout calls Pricing (1.5 s × 3 attempts: over budget) and reads its DB with no timeout. */
const doc = parseDocumentOrThrow(
  JSON.stringify({
    backarch: 1,
    name: 'Checkout',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'aws.ecs', label: 'Checkout', config: { vcpus: 1, replicas: 3 }, position: { x: 480, y: 0 } },
      { id: 'pricing', type: 'aws.ecs', label: 'Pricing', config: { vcpus: 1, replicas: 2 }, position: { x: 720, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Checkout DB', config: { instanceType: 'db.m6g.large', multiAz: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { id: 'web-alb', from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { id: 'alb-checkout', from: 'alb', to: 'checkout', type: 'http', config: { timeoutMs: 3000 } },
      { id: 'checkout-pricing', from: 'checkout', to: 'pricing', type: 'http', config: { circuitBreaker: true, timeoutMs: 1500, retries: 2 } },
      { id: 'checkout-db-read', from: 'checkout', to: 'db', type: 'read' },
      { id: 'checkout-db-write', from: 'checkout', to: 'db', type: 'write', config: { share: 0.3 } },
    ],
  }),
);

describe('timeout pattern', () => {
  it('finds the call over its budget and the calls without a timeout, one target per pair', () => {
    expect(timeout.appliesTo(doc).map((t) => [t.components, t.connections])).toEqual([
      [['checkout', 'pricing'], ['checkout-pricing']],
      [['checkout', 'db'], ['checkout-db-read', 'checkout-db-write']],
    ]);
  });

  it('fits every attempt into the caller budget less the margin', () => {
    const [pricing, db] = timeout.appliesTo(doc);
    expect(timeout.apply(doc, pricing!)).toEqual({
      origin: 'pattern:timeout',
      summary: "Timeouts on Checkout → Pricing: http 900 ms (within Checkout's 3 s budget less 10 %)",
      ops: [{ op: 'updateConnection', id: 'checkout-pricing', config: { timeoutMs: 900 } }],
    });
    expect(timeout.apply(doc, db!)).toEqual({
      origin: 'pattern:timeout',
      summary: "Timeouts on Checkout → Checkout DB: read 1 s, write 1 s (within Checkout's 3 s budget less 10 %)",
      ops: [
        { op: 'updateConnection', id: 'checkout-db-read', config: { timeoutMs: 1000 } },
        { op: 'updateConnection', id: 'checkout-db-write', config: { timeoutMs: 1000 } },
      ],
    });
  });

  it('takes the margin and the defaults from its parameters', () => {
    const [pricing, db] = timeout.appliesTo(doc);
    // 3 s × (1 − 40 %) = 1.8 s over 3 attempts = 600 ms each
    expect(timeout.apply(doc, pricing!, { marginPercent: 40 }).ops).toEqual([{ op: 'updateConnection', id: 'checkout-pricing', config: { timeoutMs: 600 } }]);
    expect(timeout.apply(doc, db!, { datastoreTimeoutMs: 300 }).ops.map((op) => (op as { config: unknown }).config)).toEqual([{ timeoutMs: 300 }, { timeoutMs: 300 }]);
    expect(() => timeout.apply(doc, db!, { marginPercent: 95 })).toThrow();
  });

  it('leaves nothing to do once applied, and narrows to the selection', () => {
    let after = doc;
    for (const target of timeout.appliesTo(doc)) {
      const result = applyChangeSet(after, timeout.apply(after, target));
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
      after = result.document;
    }
    expect(timeout.appliesTo(after)).toEqual([]);
    expect(timeout.appliesTo(doc, ['pricing']).map((t) => t.connections)).toEqual([['checkout-pricing']]);
  });
});
