import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

const web = { id: 'web', type: 'client.web' };
const toLb = [{ from: 'web', to: 'lb', type: 'http' }];

describe('gcp.load-balancer', () => {
  it('the first five forwarding rules as one block, each further rule, data processed both ways, internet egress', () => {
    const bill = gcpBill('lb', [web, { id: 'lb', type: 'gcp.load-balancer', config: { forwardingRules: 7 } }], toLb, GCP_TRAFFIC);
    expect(bill.product).toBe('Cloud Load Balancing (application)');
    // 26,280,000 requests × (1 KB + 10 KB) = 275.688… GB processed
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Forwarding rules (first 5)', quantity: 730, unit: 'hours', unitPriceUsd: '0.025', monthlyUsd: '18.25' }),
      expect.objectContaining({ name: 'Forwarding rules (additional, 2)', quantity: 1460, unit: 'hours', unitPriceUsd: '0.01', monthlyUsd: '14.6' }),
      expect.objectContaining({ name: 'Data processed (inbound and outbound)', quantity: 275.68817138671875, unit: 'GB', unitPriceUsd: '0.008', monthlyUsd: '2.20550537109375' }),
      expect.objectContaining({ name: 'Internet egress (responses to clients)', quantity: 250.6256103515625, unitPriceUsd: '0.12', monthlyUsd: '30.0750732421875' }),
    ]);
    expect(bill.monthlyUsd).toBe('65.13057861328125');
    expect(bill.notes).toEqual(['26,280,000 requests a month × (1 KB in + 10 KB out) (defaults; set usage.requestSizeKb/responseSizeKb)']);
  });

  it('an internal load balancer has no internet egress; Cloud Armor adds its policy and requests (not in the book)', () => {
    const bill = gcpBill('lb', [web, { id: 'lb', type: 'gcp.load-balancer', config: { public: false, cloudArmor: true } }], toLb, GCP_TRAFFIC);
    expect(bill.costComponents.map((l) => [l.name, l.monthlyUsd])).toEqual([
      ['Forwarding rules (first 5, 1 used)', '18.25'],
      ['Data processed (inbound and outbound)', '2.20550537109375'],
      ['Cloud Armor policy', null],
      ['Cloud Armor requests', null],
    ]);
  });

  it('compare mode: an AWS NLB is a passthrough Network load balancer', () => {
    const bill = gcpBill('lb', [web, { id: 'lb', type: 'aws.nlb' }], toLb, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } }, 'gcp');
    expect(bill.product).toBe('Cloud Load Balancing (passthrough network)');
    expect(bill.mapping).toBe('Network Load Balancer → Cloud Load Balancing (passthrough network) (same class: load-balancer); passthrough network load balancer, 1 forwarding rule');
    expect(bill.line('Forwarding rules (first 5, 1 used)').estimate).toBe('no price for load-balancer forwarding-rule in us-east4; estimated with the us-central1 list price');
    expect(bill.monthlyUsd).toBe('50.53057861328125');
  });
});
