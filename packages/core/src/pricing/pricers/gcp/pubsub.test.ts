import { describe, expect, it } from 'vitest';
import { gcpBill } from '../../../testing/price-slice-gcp';

describe('gcp.pubsub', () => {
  it('throughput: published once and delivered to each subscription, every message at least 1 KB', () => {
    const components = [
      { id: 'svc', type: 'service' },
      { id: 't', type: 'gcp.pubsub', config: { usage: { monthlyMessages: 50_000_000, requestSizeKb: 0.5 } } },
      { id: 'a', type: 'service' },
      { id: 'b', type: 'service' },
    ];
    const connections = [
      { from: 'svc', to: 't', type: 'publish' },
      { from: 't', to: 'a', type: 'consume' },
      { from: 't', to: 'b', type: 'consume' },
    ];
    const bill = gcpBill('t', components, connections);
    expect(bill.product).toBe('Pub/Sub');
    // 50M × 1 KB = 47.68… GB (1 GB = 1,024² KB); 40 USD per TiB = 0.0390625 per GB
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Message publishing throughput', quantity: 47.6837158203125, unit: 'GB', unitPriceUsd: '0.0390625', monthlyUsd: '1.86264514923095703125' }),
      expect.objectContaining({ name: 'Message delivery throughput (2 subscriptions)', quantity: 95.367431640625, unit: 'GB', monthlyUsd: '3.7252902984619140625' }),
    ]);
    expect(bill.notes).toEqual([
      '50,000,000 messages a month × 1 KB (0.5 KB billed as 1 KB), published once and delivered to 2 subscriptions',
      'free 10 GB a month (per billing account) not applied',
    ]);
  });

  it('compare mode: an SQS queue is a topic with one subscription', () => {
    const bill = gcpBill('q', [{ id: 'q', type: 'aws.sqs', config: { usage: { monthlyMessages: 10_000_000, requestSizeKb: 4 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe('Amazon SQS → Pub/Sub (same class: queue); a topic with 1 subscription');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Message publishing throughput', 38.14697265625, '1.490116119384765625'],
      ['Message delivery throughput (1 subscription)', 38.14697265625, '1.490116119384765625'],
    ]);
  });
});
