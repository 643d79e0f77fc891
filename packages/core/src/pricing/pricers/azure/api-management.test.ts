import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

describe('azure.api-management', () => {
  it('Consumption: calls per million, internet egress', () => {
    const bill = azureBill('gw', [{ id: 'web', type: 'client.web' }, { id: 'gw', type: 'azure.api-management' }], [{ from: 'web', to: 'gw', type: 'http' }], AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure API Management (Consumption)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Calls (Consumption)', quantity: 26.28, unit: '1M requests', unitPriceUsd: '3.5', monthlyUsd: '91.98' }),
      expect.objectContaining({ name: 'Internet egress (responses to clients)', monthlyUsd: null }),
    ]);
    expect(bill.notes).toEqual(['26,280,000 calls a month', 'the free first million calls a month are not deducted (the book has no tiers for this price)']);
  });

  it('other tiers: unit-hours, calls included', () => {
    const bill = azureBill('gw', [{ id: 'gw', type: 'azure.api-management', config: { sku: 'BasicV2', units: 2 } }]);
    expect(bill.costComponents).toEqual([expect.objectContaining({ name: 'BasicV2 units (on-demand, 2)', quantity: 1460, unit: 'unit-hours', unitPriceUsd: '0.20548', monthlyUsd: '300.0008' })]);
  });

  it('compare mode: an API Gateway REST/HTTP API becomes Consumption calls', () => {
    const bill = azureBill('gw', [{ id: 'gw', type: 'aws.api-gateway', config: { usage: { monthlyRequests: 2_000_000 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('Amazon API Gateway → Azure API Management (Consumption) (same class: api-gateway); Consumption tier');
    expect(bill.line('Calls (Consumption)')).toMatchObject({ quantity: 2, monthlyUsd: '7' });
  });
});
