import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

const web = { id: 'web', type: 'client.web' };
const toCdn = [{ from: 'web', to: 'cdn', type: 'http' }];

describe('gcp.cloud-cdn', () => {
  it('cache egress for hits, cache fill and origin egress for misses, a lookup per request', () => {
    const bill = gcpBill('cdn', [web, { id: 'cdn', type: 'gcp.cloud-cdn', config: { cacheHitRatio: 0.8 } }], toCdn, GCP_TRAFFIC);
    expect(bill.product).toBe('Cloud CDN');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Cache egress (80 % of responses)', quantity: 200.50048828125, unit: 'GB', unitPriceUsd: '0.08', monthlyUsd: '16.0400390625' }),
      // no cache-fill price in the book: unknown, not $0
      expect.objectContaining({ name: 'Cache fill (20 % misses)', quantity: 50.1251220703125, monthlyUsd: null, missing: 'no price for cloud-cdn cache-fill in us-central1' }),
      expect.objectContaining({ name: 'Internet egress (cache misses, from the origin)', quantity: 50.1251220703125, unitPriceUsd: '0.12', monthlyUsd: '6.0150146484375' }),
      expect.objectContaining({ name: 'Cache lookups', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0.75', monthlyUsd: '19.71' }),
    ]);
    expect(bill.notes).toEqual(['250.626 GB a month to clients, 80 % served from the cache']);
  });

  it('compare mode: CloudFront with its egress from usage and its hit ratio', () => {
    const cf = { id: 'cdn', type: 'aws.cloudfront', config: { usage: { monthlyEgressGb: 2000 } } };
    const bill = gcpBill('cdn', [web, cf], toCdn, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } }, 'gcp');
    expect(bill.mapping).toBe('Amazon CloudFront → Cloud CDN (same class: cdn); Cloud CDN serves through an external Application Load Balancer, priced separately');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Cache egress (90 % of responses)', 1800, '144'],
      ['Cache fill (10 % misses)', 200, null],
      ['Internet egress (cache misses, from the origin)', 200, '24'],
      ['Cache lookups', 26.28, '19.71'],
    ]);
  });
});
