import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.load-balancer', () => {
  it('rules (the first five as one block, then each), data processed; the book has no Load Balancer prices yet', () => {
    const bill = azureBill('lb', [{ id: 'lb', type: 'azure.load-balancer', config: { rules: 8, public: false, usage: { monthlyRequests: 1_048_576 } } }]);
    expect(bill.product).toBe('Azure Load Balancer (Standard)');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unit, l.missing])).toEqual([
      ['Rules (first 5)', 730, 'hours', 'no price for load-balancer standard-rule in eastus'],
      ['Rules (additional, 3)', 2190, 'hours', 'no price for load-balancer standard-additional-rule in eastus'],
      // 1,048,576 requests × 11 KB = 11 GB
      ['Data processed (inbound and outbound)', 11, 'GB', 'no price for load-balancer data-processed in eastus'],
    ]);
    expect(bill.monthlyUsd).toBeNull();
  });

  it('compare mode: an ALB maps to the layer 4 load balancer and says what it lacks', () => {
    const components = [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: 'aws.alb' },
    ];
    const bill = azureBill('lb', components, [{ from: 'web', to: 'lb', type: 'http' }], { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } }, 'azure');
    expect(bill.mapping).toBe(
      'Application Load Balancer → Azure Load Balancer (Standard) (same class: load-balancer); layer 4 Standard load balancer; layer 7 features need Application Gateway (not priced)',
    );
    expect(bill.line('Internet egress (responses to clients)')).toMatchObject({ quantity: 250.6256103515625, missing: 'no price for data-transfer internet-egress in eastus' });
  });
});
