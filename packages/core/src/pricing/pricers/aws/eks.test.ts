import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.eks', () => {
  it('prices the control plane per hour plus the worker nodes and their volumes', () => {
    const bill = billOf('k8s', [{ id: 'k8s', type: 'aws.eks' }]);
    expect(bill.product).toBe('Amazon EKS (2 × m6i.large)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'EKS cluster (standard support)', quantity: 730, unit: 'hours', unitPriceUsd: '0.1', monthlyUsd: '73' }),
      expect.objectContaining({ name: 'Worker nodes (Linux, on-demand, 2 × m6i.large)', quantity: 1460, unit: 'hours', unitPriceUsd: '0.096', monthlyUsd: '140.16' }),
      expect.objectContaining({ name: 'Worker node storage (EBS gp3) (20 GB × 2)', quantity: 40, unit: 'GB-months', monthlyUsd: null, missing: 'no price for ebs gp3 in us-east-1' }),
    ]);
    expect(bill.monthlyUsd).toBe('213.16');
  });

  it('bills the autoscaling minimum and extended support at its own price (unknown when the book lacks it)', () => {
    const bill = billOf('k8s', [{ id: 'k8s', type: 'aws.eks', config: { controlPlaneTier: 'extended-support', autoscaling: { min: 3, max: 10 } } }]);
    expect(bill.line('EKS cluster (extended support)')).toMatchObject({ monthlyUsd: null, missing: 'no price for eks cluster in us-east-1' });
    expect(bill.line('Worker nodes (Linux, on-demand, 3 × m6i.large)')).toMatchObject({ quantity: 2190, monthlyUsd: '210.24' });
    expect(bill.notes).toContain('autoscaling 3–10 nodes: priced at the minimum of 3; peaks cost more');
  });

  it('prices Fargate compute mode as Fargate capacity equal to the nodes', () => {
    const bill = billOf('k8s', [{ id: 'k8s', type: 'aws.eks', config: { computeMode: 'fargate' } }]);
    expect(bill.line('Fargate vCPU (on-demand, 2 × 2 vCPU of pods)')).toMatchObject({ quantity: 2920, unit: 'vCPU-hours', monthlyUsd: '118.2016' });
    expect(bill.line('Fargate memory (on-demand, 2 × 8 GB of pods)')).toMatchObject({ quantity: 11680, unit: 'GB-hours', monthlyUsd: '51.9176' });
    expect(bill.monthlyUsd).toBe('243.1192');
  });

  it('compare mode: an AKS node pool maps to the nearest EC2 size', () => {
    const bill = billOf('aks', [{ id: 'aks', type: 'azure.aks', config: { instanceType: 'Standard_D4s_v5', nodeCount: 3 } }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(bill.mapping).toBe(
      'Azure Kubernetes Service → Amazon EKS (3 × m6i.xlarge) (same class: kubernetes); nearest ec2 size to Standard_D4s_v5 (4 vCPU, 16 GiB): m6i.xlarge (4 vCPU, 16 GiB)',
    );
    expect(bill.line('Worker nodes (Linux, on-demand, 3 × m6i.xlarge)')).toMatchObject({ quantity: 2190, unitPriceUsd: '0.192', monthlyUsd: '420.48' });
    expect(bill.line('EKS cluster (standard support)').monthlyUsd).toBe('73');
    expect(bill.notes).toContain('20 GB gp3 volume per node (default; set storageGb)');
  });
});
