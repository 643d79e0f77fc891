import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import queueBasedLoadLeveling from './queue-based-load-leveling';

const read = (name: string) => parseDocumentOrThrow(readFileSync(new URL(`../../../../../examples/${name}`, import.meta.url), 'utf8'));
const shop = read('microservices-shop.backarch.json');
const gdpr = read('gdpr-app-gcp.backarch.json');

describe('queue-based-load-leveling', () => {
  it('replaces Orders → Payments with a queue on AWS (SQS with a dead-letter queue)', () => {
    const targets = queueBasedLoadLeveling.appliesTo(shop);
    // Catalog and Cart only read (or fill a cache): their calls are queries, not deferrable work
    expect(targets.map((t) => t.components)).toEqual([['orders', 'payments']]);
    expect(queueBasedLoadLeveling.apply(shop, targets[0]!)).toEqual({
      origin: 'pattern:queue-based-load-leveling',
      summary: 'Queue-based load leveling: Orders service publishes to Payments service work queue (aws.sqs, dead-letter queue on) instead of calling Payments service',
      ops: [
        { op: 'removeConnection', id: 'orders->payments:http' },
        {
          op: 'addComponent',
          component: { id: 'payments-queue', type: 'aws.sqs', label: 'Payments service work queue', config: { deadLetter: true }, position: { x: 920, y: 560 } },
        },
        { op: 'addConnection', connection: { from: 'orders', to: 'payments-queue', type: 'publish', config: { retries: 3 } } },
        { op: 'addConnection', connection: { from: 'payments-queue', to: 'payments', type: 'consume', config: { retries: 3, idempotent: true } } },
      ],
    });
  });

  it('uses the cloud’s queue and keeps the caller’s share: Pub/Sub on GCP', () => {
    const [target] = queueBasedLoadLeveling.appliesTo(gdpr, ['tickets']);
    expect(target!.components).toEqual(['api-bff', 'tickets']);
    const changeSet = queueBasedLoadLeveling.apply(gdpr, target!, { retries: 5, idempotent: false });
    expect(changeSet.ops.slice(1)).toEqual([
      { op: 'addComponent', component: { id: 'tickets-queue', type: 'gcp.pubsub', label: 'Tickets & orders work queue', config: { deadLetter: true }, position: expect.any(Object) } },
      { op: 'addConnection', connection: { from: 'api-bff', to: 'tickets-queue', type: 'publish', config: { retries: 3, share: 0.25 } } },
      { op: 'addConnection', connection: { from: 'tickets-queue', to: 'tickets', type: 'consume', config: { retries: 5 } } },
    ]);
    const result = applyChangeSet(gdpr, changeSet);
    expect(result.ok).toBe(true);
    // selecting a component outside any target finds nothing
    expect(queueBasedLoadLeveling.appliesTo(gdpr, ['cache'])).toEqual([]);
  });
});
