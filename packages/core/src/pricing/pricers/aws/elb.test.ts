import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

describe('aws.alb / aws.nlb', () => {
  it('ALB: hours plus LCUs from the dominant dimension (processed bytes here), plus internet egress', () => {
    const bill = billOf('lb', [{ id: 'web', type: 'client.web' }, { id: 'lb', type: 'aws.alb' }], [{ from: 'web', to: 'lb', type: 'http' }], TRAFFIC);
    expect(bill.product).toBe('Application Load Balancer');
    // 10 requests/s × 3,600 s × 11 KB = 0.377655… GB an hour → LCUs
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Application load balancer', quantity: 730, unit: 'hours', unitPriceUsd: '0.0225', monthlyUsd: '16.425', usageBased: false }),
      expect.objectContaining({ name: 'Load balancer capacity units (LCUs)', quantity: 275.68817138671875, unit: 'LCU-hours', unitPriceUsd: '0.008', monthlyUsd: '2.20550537109375', usageBased: true }),
      expect.objectContaining({ name: 'Internet egress (responses to clients)', quantity: 250.6256103515625, unitPriceUsd: '0.09', monthlyUsd: '22.556304931640625' }),
    ]);
    expect(bill.monthlyUsd).toBe('41.186810302734375');
    expect(bill.notes).toEqual([
      'LCUs from the average rate of 10 requests/s: 0.3777 LCUs an hour, dominated by processed bytes (0.38 GB/hour of 1 GB/hour per LCU); at the peak rate 1.133 LCUs an hour',
      '10 requests per client connection, 60 s per connection, 11 KB processed per request (request + response)',
      'rule evaluations: up to 10 rules per request assumed (free)',
    ]);
  });

  it('ALB with WAF adds the web ACL, its rules and inspected requests', () => {
    const bill = billOf('lb', [{ id: 'web', type: 'client.web' }, { id: 'lb', type: 'aws.alb', config: { waf: true } }], [{ from: 'web', to: 'lb', type: 'http' }], TRAFFIC);
    expect(bill.line('WAF web ACL')).toMatchObject({ quantity: 1, unit: 'months', missing: 'no price for waf web-acl in us-east-1' });
    expect(bill.line('WAF rules (5)')).toMatchObject({ quantity: 5, unit: 'rule-months' });
    expect(bill.line('WAF requests')).toMatchObject({ quantity: 26.28, unit: '1M requests' });
  });

  it('NLB: NLCUs by protocol; small TCP packets make new flows dominate', () => {
    const bill = billOf(
      'lb',
      [{ id: 'web', type: 'client.web' }, { id: 'lb', type: 'aws.nlb', config: { usage: { requestSizeKb: 0.005, responseSizeKb: 0.005 } } }],
      [{ from: 'web', to: 'lb', type: 'http' }],
      { ...TRAFFIC, traffic: { peakRps: 300 } },
    );
    expect(bill.line('Network load balancer')).toMatchObject({ quantity: 730, unitPriceUsd: '0.0225', monthlyUsd: '16.425' });
    expect(bill.line('Load balancer capacity units (NLCUs)')).toMatchObject({ quantity: 9.125, unit: 'NLCU-hours', unitPriceUsd: '0.006', monthlyUsd: '0.05475' });
    expect(bill.notes[0]).toBe('NLCUs from the average rate of 100 requests/s: 0.0125 NLCUs an hour, dominated by new TCP flows (10/s of 800/s per NLCU); at the peak rate 0.0375 NLCUs an hour');
  });

  it('compare mode: Azure Load Balancer maps to an NLB, Google’s application load balancer to an ALB', () => {
    const azure = billOf('lb', [{ id: 'lb', type: 'azure.load-balancer', config: { rules: 3 } }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(azure.mapping).toBe(
      'Azure Load Balancer → Network Load Balancer (same class: load-balancer); 3 forwarding or load-balancing rules → one Network Load Balancer with 3 listeners (AWS bills the load balancer, not its rules)',
    );
    expect(azure.line('Network load balancer').monthlyUsd).toBe('16.425');
    const google = billOf('lb', [{ id: 'lb', type: 'gcp.load-balancer' }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(google.mapping).toBe('Google Cloud Load Balancing → Application Load Balancer (same class: load-balancer)');
    expect(google.notes[0]).toBe('no traffic in the model: no LCUs');
    const passthrough = billOf('lb', [{ id: 'lb', type: 'gcp.load-balancer', config: { type: 'passthrough-network' } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(passthrough.product).toBe('Network Load Balancer');
  });
});
