import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

const web = { id: 'web', type: 'client.web' };
const toCdn = [{ from: 'web', to: 'cdn', type: 'http' }];

describe('azure.front-door', () => {
  it("the profile's monthly base fee, data out to clients and requests; a WAF policy on Standard (not in the book)", () => {
    const bill = azureBill('cdn', [web, { id: 'cdn', type: 'azure.front-door', config: { waf: true } }], toCdn, AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure Front Door Standard');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Base fee (Standard profile)', quantity: 1, unit: 'months', unitPriceUsd: '35', monthlyUsd: '35' }),
      expect.objectContaining({ name: 'Data transfer out (edge to client)', quantity: 250.6256103515625, unit: 'GB', unitPriceUsd: '0.0825', monthlyUsd: '20.67661285400390625' }),
      expect.objectContaining({ name: 'Requests', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0.9', monthlyUsd: '23.652' }),
      expect.objectContaining({ name: 'WAF policy', quantity: 1, monthlyUsd: null, missing: 'no price for front-door waf-policy in eastus' }),
    ]);
    expect(bill.notes).toEqual(['26,280,000 requests and 250.626 GB to clients a month; 10 % cache misses also cost origin egress (priced at the origin)']);
  });

  it('Premium asks for its own prices (not in the book)', () => {
    const bill = azureBill('cdn', [{ id: 'cdn', type: 'azure.front-door', config: { sku: 'Premium' } }]);
    expect(bill.line('Base fee (Premium profile)').missing).toBe('no price for front-door premium-base in eastus');
  });

  it('compare mode: CloudFront egress from usage', () => {
    const cf = { id: 'cdn', type: 'aws.cloudfront', config: { usage: { monthlyEgressGb: 2000 } } };
    const bill = azureBill('cdn', [web, cf], toCdn, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } }, 'azure');
    expect(bill.mapping).toBe('Amazon CloudFront → Azure Front Door Standard (same class: cdn); Standard tier');
    expect(bill.line('Data transfer out (edge to client)')).toMatchObject({ quantity: 2000, monthlyUsd: '165' });
    expect(bill.monthlyUsd).toBe('223.652');
  });
});
