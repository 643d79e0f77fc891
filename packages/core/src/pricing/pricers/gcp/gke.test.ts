import { describe, expect, it } from 'vitest';
import { gcpBill } from '../../../testing/price-slice-gcp';

describe('gcp.gke', () => {
  it('Standard: the cluster fee, the node pool hours and a 100 GB pd-balanced boot disk per node', () => {
    const bill = gcpBill('k', [{ id: 'k', type: 'gcp.gke' }]);
    expect(bill.product).toBe('GKE Standard (3 × e2-standard-4)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Cluster management fee', quantity: 730, unit: 'hours', unitPriceUsd: '0.1', monthlyUsd: '73' }),
      expect.objectContaining({ name: 'Nodes (Linux, on-demand, e2-standard-4 × 3)', quantity: 2190, unit: 'hours', unitPriceUsd: '0.13402284', monthlyUsd: '293.5100196' }),
      expect.objectContaining({ name: 'Node boot disks (pd-balanced, 100 GB × 3)', quantity: 300, unit: 'GB-months', unitPriceUsd: '0.1', monthlyUsd: '30' }),
    ]);
    expect(bill.monthlyUsd).toBe('396.5100196');
    expect(bill.notes).toEqual(['100 GB pd-balanced boot disk per node (GKE default)', 'free tier credit (one zonal or Autopilot cluster per billing account) not applied']);
  });

  it('autoscaling is priced at its minimum, Spot nodes at the Spot price', () => {
    const bill = gcpBill('k', [{ id: 'k', type: 'gcp.gke', config: { autoscaling: { min: 2, max: 6 }, term: 'spot', instanceType: 'e2-standard-2' } }]);
    expect(bill.line('Nodes (Linux, spot, e2-standard-2 × 2)')).toMatchObject({ quantity: 1460, unitPriceUsd: '0.040212', monthlyUsd: '58.70952' });
    expect(bill.notes[0]).toBe('autoscaling 2–6 nodes: priced at the minimum of 2; peaks cost more');
  });

  it('Autopilot bills pod vCPU and memory (not in the book: unknown lines) instead of nodes', () => {
    const bill = gcpBill('k', [{ id: 'k', type: 'gcp.gke', config: { mode: 'autopilot', nodeCount: 2 } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unit, l.monthlyUsd])).toEqual([
      ['Cluster management fee', 730, 'hours', '73'],
      ['Autopilot pod vCPU (on-demand, 8 vCPU)', 5840, 'vCPU-hours', null],
      ['Autopilot pod memory (on-demand, 32 GiB)', 23360, 'GB-hours', null],
    ]);
    expect(bill.notes[0]).toBe('Autopilot: pod requests assumed to fill 2 × e2-standard-4 (8 vCPU, 32 GiB)');
  });

  it('compare mode: EKS worker nodes map to the nearest machine type, with their own disk size', () => {
    const bill = gcpBill('k', [{ id: 'k', type: 'aws.eks', config: { instanceType: 'm5.large', nodeCount: 3 } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe(
      'Amazon EKS → GKE Standard (3 × e2-standard-2) (same class: kubernetes); Standard mode, 3 nodes; nearest compute-engine size to m5.large (2 vCPU, 8 GiB): e2-standard-2 (2 vCPU, 8 GiB) (sizes as listed in us-central1: the book lists none in us-east4)',
    );
    expect(bill.line('Nodes (Linux, on-demand, e2-standard-2 × 3)').monthlyUsd).toBe('146.7550098');
    expect(bill.line('Node boot disks (pd-balanced, 20 GB × 3)').monthlyUsd).toBe('6');
    expect(bill.monthlyUsd).toBe('225.7550098');
  });
});
