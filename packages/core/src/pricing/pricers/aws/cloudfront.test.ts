import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

const cdn = (config: object = {}, constraints: object = TRAFFIC) =>
  billOf('cdn', [{ id: 'web', type: 'client.web' }, { id: 'cdn', type: 'aws.cloudfront', config }], [{ from: 'web', to: 'cdn', type: 'http' }], constraints);

describe('aws.cloudfront', () => {
  it('data out to viewers and HTTPS requests; origin fetches from the cache hit ratio are noted', () => {
    const bill = cdn();
    expect(bill.product).toBe('Amazon CloudFront (pay-as-you-go)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Data transfer out to viewers', quantity: 250.6256103515625, unit: 'GB', unitPriceUsd: '0.085', monthlyUsd: '21.3031768798828125' }),
      expect.objectContaining({ name: 'HTTPS requests (26,280,000)', quantity: 26.28, unit: '1M requests', unitPriceUsd: '1', monthlyUsd: '26.28' }),
    ]);
    expect(bill.monthlyUsd).toBe('47.5831768798828125');
    expect(bill.notes).toEqual([
      'priced at the United States/Europe edge rates; viewers elsewhere cost more per GB',
      'cache hit ratio 0.9: 2,628,000 requests a month go to the origin (transfer from an AWS origin to CloudFront is free; the origin bills its own requests)',
    ]);
  });

  it('bills by viewer location, not the design region: an eu-west-1 design uses the same rates, not an estimate', () => {
    const bill = cdn({ cacheHitRatio: 0.5 }, { ...TRAFFIC, region: 'eu-west-1' });
    expect(bill.line('Data transfer out to viewers')).toMatchObject({ monthlyUsd: '21.3031768798828125' });
    expect(bill.line('Data transfer out to viewers').estimate).toBeUndefined();
    expect(bill.notes[1]).toBe('cache hit ratio 0.5: 13,140,000 requests a month go to the origin (transfer from an AWS origin to CloudFront is free; the origin bills its own requests)');
  });

  it('Origin Shield and flat-rate plans are their own prices', () => {
    expect(cdn({ originShield: true }).line('Origin Shield requests (2,628,000)').missing).toBe('no price for cloudfront origin-shield-requests in us-east-1');
    const flat = cdn({ pricingPlan: 'flat-rate-pro' });
    expect(flat.costComponents.map((l) => l.name)).toEqual(['Flat-rate plan (pro)']);
    expect(flat.line('Flat-rate plan (pro)')).toMatchObject({ quantity: 1, unit: 'months', missing: 'no price for cloudfront flat-rate-pro in us-east-1' });
  });

  it('compare mode: Azure Front Door maps to CloudFront', () => {
    const bill = billOf('fd', [{ id: 'web', type: 'client.web' }, { id: 'fd', type: 'azure.front-door' }], [{ from: 'web', to: 'fd', type: 'http' }], { ...TRAFFIC, cloud: 'azure', region: 'eastus' }, 'aws');
    expect(bill.mapping).toBe('Azure Front Door → Amazon CloudFront (pay-as-you-go) (same class: cdn)');
    expect(bill.monthlyUsd).toBe('47.5831768798828125');
  });
});
