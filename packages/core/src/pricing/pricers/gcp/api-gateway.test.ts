import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

describe('gcp.api-gateway', () => {
  it('calls per million and internet egress for the responses', () => {
    const bill = gcpBill('gw', [{ id: 'web', type: 'client.web' }, { id: 'gw', type: 'gcp.api-gateway' }], [{ from: 'web', to: 'gw', type: 'http' }], GCP_TRAFFIC);
    expect(bill.product).toBe('API Gateway');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'API calls', quantity: 26.28, unit: '1M requests', unitPriceUsd: '3', monthlyUsd: '78.84', usageBased: true }),
      expect.objectContaining({ name: 'Internet egress (responses to clients)', quantity: 250.6256103515625, unitPriceUsd: '0.12', monthlyUsd: '30.0750732421875' }),
    ]);
    expect(bill.notes).toEqual(['26,280,000 calls a month', 'the free first 2 million calls a month are not deducted (the book has no tiers for this price)']);
  });

  it('compare mode: API Management calls from usage', () => {
    const bill = gcpBill('gw', [{ id: 'gw', type: 'azure.api-management', config: { usage: { monthlyRequests: 3_000_000 } } }], [], { cloud: 'azure', region: 'eastus' }, 'gcp');
    expect(bill.mapping).toBe('Azure API Management → API Gateway (same class: api-gateway); billed per API call');
    expect(bill.line('API calls')).toMatchObject({ quantity: 3, monthlyUsd: '9', estimate: 'no price for api-gateway calls in us-east4; estimated with the us-central1 list price' });
  });
});
