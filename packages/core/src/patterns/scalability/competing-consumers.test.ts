import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { health } from '../../health/engine';
import competingConsumers from './competing-consumers';

const shop = parseDocumentOrThrow(readFileSync(new URL('../../../../../examples/microservices-shop.backarch.json', import.meta.url), 'utf8'));

describe('competing-consumers on the microservices shop', () => {
  it('finds the single fulfilment worker and sizes the pool from the traffic model', () => {
    const targets = competingConsumers.appliesTo(shop);
    expect(targets.map((t) => t.components)).toEqual([['fulfillment', 'order-queue']]);
    // 153 messages/s at peak, 51.1/s on average; one 0.5 vCPU task carries 50/s: 2 at the average, 5 at the peak (70 %)
    expect(competingConsumers.apply(shop, targets[0]!)).toEqual({
      origin: 'pattern:competing-consumers',
      summary: 'Competing consumers: Fulfilment worker runs 2–5 instances on Placed orders, idempotent handling',
      ops: [
        { op: 'updateComponent', id: 'fulfillment', config: { replicas: 2, autoscaling: { min: 2, max: 5 } } },
        { op: 'updateConnection', id: 'order-queue->fulfillment:consume', config: { idempotent: true } },
      ],
    });
  });

  it('resolves the single point of failure and the capacity finding at the worker', () => {
    const [target] = competingConsumers.appliesTo(shop);
    const result = applyChangeSet(shop, competingConsumers.apply(shop, target!));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    const at = (doc: typeof shop) => health(doc).findings.filter((f) => f.components[0] === 'fulfillment').map((f) => f.rule);
    expect(at(shop).sort()).toEqual(['capacity', 'spof']);
    expect(at(result.document)).toEqual([]);
  });

  it('takes its parameters: a larger floor and no idempotency marking', () => {
    const [target] = competingConsumers.appliesTo(shop);
    const changeSet = competingConsumers.apply(shop, target!, { minConsumers: 4, idempotent: false });
    expect(changeSet.ops).toEqual([{ op: 'updateComponent', id: 'fulfillment', config: { replicas: 4, autoscaling: { min: 4, max: 8 } } }]);
    expect(competingConsumers.appliesTo(shop, ['payments'])).toEqual([]);
    expect(competingConsumers.appliesTo(shop, ['order-queue'])).toHaveLength(1);
  });
});
