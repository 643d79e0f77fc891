import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

const behind = (type: string, config: object) => [
  [
    { id: 'web', type: 'client.web' },
    { id: 'api', type, config },
  ],
  [{ from: 'web', to: 'api', type: 'http' }],
];

describe('azure.container-apps', () => {
  it('consumption: active vCPU-seconds from requests, idle vCPU for the rest of the always-on time, memory all the time, requests', () => {
    const [components, connections] = behind('azure.container-apps', { minInstances: 1, vcpus: 1, memoryMb: 2048, usage: { averageDurationMs: 100 } });
    const bill = azureBill('api', components!, connections, AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure Container Apps (Consumption)');
    // 26,280,000 requests × 0.1 s ÷ 10 = 262,800 active replica-seconds out of 2,628,000
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'vCPU, active (1 vCPU)', quantity: 262800, unit: 'vCPU-seconds', unitPriceUsd: '0.000024', monthlyUsd: '6.3072' }),
      expect.objectContaining({ name: 'vCPU, idle (1 always-on × 1 vCPU)', quantity: 2365200, monthlyUsd: null, missing: 'no price for container-apps vcpu-idle in eastus' }),
      expect.objectContaining({ name: 'Memory (2 GiB, active and idle)', quantity: 5256000, unit: 'GB-seconds', unitPriceUsd: '0.000003', monthlyUsd: '15.768' }),
      expect.objectContaining({ name: 'Requests', quantity: 26.28, unit: '1M requests', monthlyUsd: null, missing: 'no price for container-apps requests in eastus' }),
    ]);
    expect(bill.notes).toEqual([
      '26,280,000 requests a month × 100 ms ÷ 10 concurrent requests per replica (HTTP scale rule default) = 262,800 active replica-seconds',
      '1 replica always on: 2,628,000 replica-seconds in all',
      'monthly free grant (180,000 vCPU-s, 360,000 GiB-s, 2M requests per subscription) not applied: the book has no tiers for these prices',
    ]);
  });

  it('the neutral service keeps its replicas on; a reserved term uses the savings-plan price', () => {
    const [components, connections] = behind('service', { replicas: 2, term: 'reserved-1y' });
    const bill = azureBill('api', components!, connections, AZURE_TRAFFIC);
    expect(bill.mapping).toBe('0.5 vCPU / 1 GiB replicas → consumption plan, 2 always on');
    expect(bill.line('vCPU, active (reserved 1y, 0.5 vCPU)')).toMatchObject({ quantity: 262800, unitPriceUsd: '0.0000204', monthlyUsd: '5.36112' });
    expect(bill.line('Memory (reserved 1y, 1 GiB, active and idle)')).toMatchObject({ quantity: 5256000, unitPriceUsd: '0.00000255', monthlyUsd: '13.4028' });
  });

  it('dedicated plan: management fee and workload-profile node hours (not in the book)', () => {
    const bill = azureBill('api', [{ id: 'api', type: 'azure.container-apps', config: { plan: 'dedicated', workloadProfile: 'D4', minInstances: 2 } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Dedicated plan management', 730, null],
      ['Workload profile nodes (D4 × 2)', 1460, null],
    ]);
  });

  it('compare mode: a Cloud Run service keeps its concurrency and scales to zero', () => {
    const [components, connections] = behind('gcp.cloud-run', { memoryMb: 1024 });
    const bill = azureBill('api', components!, connections, { cloud: 'gcp', region: 'us-central1', traffic: { peakRps: 30 } }, 'azure');
    expect(bill.mapping).toBe('Google Cloud Run → Azure Container Apps (Consumption) (same class: container-service); 1 vCPU / 1 GiB replicas → consumption plan, 0 always on');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['vCPU, active (1 vCPU)', 65700, '1.5768'],
      ['Memory (1 GiB, active and idle)', 65700, '0.1971'],
      ['Requests', 26.28, null],
    ]);
    expect(bill.line('vCPU, active (1 vCPU)').estimate).toBe('no price for container-apps vcpu in centralus; estimated with the eastus list price');
  });
});
