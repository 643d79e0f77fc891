import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.aks', () => {
  it('Standard tier fee, node VM hours and a 128 GiB Premium SSD OS disk per node', () => {
    const bill = azureBill('k', [{ id: 'k', type: 'azure.aks' }]);
    expect(bill.product).toBe('AKS (3 × Standard_D4s_v5)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Cluster management (Standard tier)', quantity: 730, unit: 'hours', unitPriceUsd: '0.1', monthlyUsd: '73' }),
      expect.objectContaining({ name: 'Nodes (Linux, on-demand, Standard_D4s_v5 × 3)', quantity: 2190, unit: 'hours', unitPriceUsd: '0.192', monthlyUsd: '420.48' }),
      expect.objectContaining({ name: 'Node OS disks (Premium SSD P10, 128 GiB × 3)', quantity: 3, unit: 'disk-months', unitPriceUsd: '19.71', monthlyUsd: '59.13' }),
    ]);
    expect(bill.monthlyUsd).toBe('552.61');
  });

  it('the Free tier has no fee; autoscaling is priced at its minimum', () => {
    const bill = azureBill('k', [{ id: 'k', type: 'azure.aks', config: { controlPlaneTier: 'Free', instanceType: 'Standard_D2s_v5', autoscaling: { min: 2, max: 5 } } }]);
    expect(bill.costComponents.map((l) => [l.name, l.monthlyUsd])).toEqual([
      ['Nodes (Linux, on-demand, Standard_D2s_v5 × 2)', '140.16'],
      ['Node OS disks (Premium SSD P10, 128 GiB × 2)', '39.42'],
    ]);
    expect(bill.notes).toEqual([
      'Free tier: no control-plane fee and no uptime SLA',
      'autoscaling 2–5 nodes: priced at the minimum of 2; peaks cost more',
      '128 GiB Premium SSD OS disk per node (AKS default)',
    ]);
  });

  it('compare mode: GKE nodes map to the nearest VM size', () => {
    const bill = azureBill('k', [{ id: 'k', type: 'gcp.gke' }], [], { cloud: 'gcp', region: 'us-central1' }, 'azure');
    expect(bill.mapping).toBe(
      'Google Kubernetes Engine → AKS (3 × Standard_D4s_v5) (same class: kubernetes); standard tier, 3 nodes; nearest vm size to e2-standard-4 (4 vCPU, 16 GiB): Standard_D4s_v5 (4 vCPU, 16 GiB) (sizes as listed in eastus: the book lists none in centralus)',
    );
    expect(bill.line('Cluster management (Standard tier)').estimate).toBe('no price for aks cluster in centralus; estimated with the eastus list price');
  });
});
