import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

const topic = (config: object = {}) =>
  billOf(
    'topic',
    [
      { id: 'web', type: 'client.web' },
      { id: 'svc', type: 'service' },
      { id: 'topic', type: 'aws.sns', config },
      { id: 'queue', type: 'aws.sqs' },
      { id: 'fn', type: 'aws.lambda' },
      { id: 'hook', type: 'service' },
    ],
    [
      { from: 'web', to: 'svc', type: 'http' },
      { from: 'svc', to: 'topic', type: 'publish', config: { share: 0.1 } },
      { from: 'topic', to: 'queue', type: 'publish' },
      { from: 'topic', to: 'fn', type: 'consume' },
      { from: 'topic', to: 'hook', type: 'consume' },
    ],
    TRAFFIC,
  );

describe('aws.sns', () => {
  it('publishes plus one delivery per subscription, priced by subscriber type, with the book’s free tiers', () => {
    const bill = topic();
    expect(bill.product).toBe('Amazon SNS (standard)');
    expect(bill.costComponents).toEqual([
      // 2,628,000 publishes: the first million free, then 0.5 per million
      expect.objectContaining({ name: 'Publish requests (2,628,000)', quantity: 2.628, unit: '1M requests', unitPriceUsd: '0', monthlyUsd: '0.814' }),
      expect.objectContaining({ name: 'SQS deliveries (1 subscription, 2,628,000)', quantity: 2.628, unit: '1M deliveries', monthlyUsd: null, missing: 'no price for sns sqs-deliveries in us-east-1' }),
      expect.objectContaining({ name: 'Lambda deliveries (1 subscription, 2,628,000)', quantity: 2.628, missing: 'no price for sns lambda-deliveries in us-east-1' }),
      // the first 100,000 HTTP deliveries free, then 0.6 per million
      expect.objectContaining({ name: 'HTTP/S deliveries (1 subscription, 2,628,000)', quantity: 2.628, unitPriceUsd: '0', monthlyUsd: '1.5168' }),
    ]);
    expect(bill.monthlyUsd).toBe('2.3308');
    expect(bill.notes).toEqual(['2,628,000 messages published a month, 1 KB each (default; set usage.requestSizeKb)']);
  });

  it('FIFO topics bill publishes, deliveries and payload at FIFO prices', () => {
    const bill = topic({ fifo: true });
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.missing])).toEqual([
      ['Publish requests (2,628,000)', 2.628, 'no price for sns fifo-requests in us-east-1'],
      ['Publish payload', 2_628_000 / 1024 ** 2, 'no price for sns fifo-payload in us-east-1'],
      ['Deliveries to SQS (7,884,000)', 7.884, 'no price for sns fifo-deliveries in us-east-1'],
      ['Delivery payload', 7_884_000 / 1024 ** 2, 'no price for sns fifo-delivery-payload in us-east-1'],
    ]);
  });

  it('compare mode: a Pub/Sub topic maps to SNS', () => {
    const bill = billOf('ps', [{ id: 'ps', type: 'gcp.pubsub', config: { usage: { monthlyMessages: 3_000_000 } } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(bill.mapping).toBe('Google Cloud Pub/Sub → Amazon SNS (standard) (same class: pubsub)');
    expect(bill.line('Publish requests (3,000,000)').monthlyUsd).toBe('1');
    expect(bill.notes).toContain('no subscribers connected: no deliveries priced');
  });
});
