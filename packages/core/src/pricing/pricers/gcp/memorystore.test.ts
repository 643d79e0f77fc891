import { describe, expect, it } from 'vitest';
import { gcpBill } from '../../../testing/price-slice-gcp';

describe('gcp.memorystore', () => {
  it('Basic tier: capacity GB-hours at the capacity tier of the size', () => {
    const bill = gcpBill('c', [{ id: 'c', type: 'redis', config: { memoryGb: 2 } }]);
    expect(bill.product).toBe('Memorystore for Redis (Basic, 2 GB)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Redis capacity (on-demand, Basic tier, M1, 2 GB)', quantity: 1460, unit: 'GB-hours', unitPriceUsd: '0.049', monthlyUsd: '71.54' }),
    ]);
  });

  it('read replicas need the Standard tier; replicas beyond the first are their own (unknown) line', () => {
    const bill = gcpBill('c', [{ id: 'c', type: 'redis', config: { memoryGb: 5.5, readReplicas: 3 } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['Redis capacity (on-demand, Standard tier, M2, 6 GB)', 4380, '0.054', '236.52'],
      ['Read replicas beyond the first (2 × 6 GB)', 8760, null, null],
    ]);
    expect(bill.notes).toEqual(['5.5 GB → 6 GB provisioned (whole GB, 1–300 GB)', 'Standard tier (replicated, automatic failover) for read replicas; its price includes the first replica']);
  });

  it('managed: false is not Memorystore (the self-hosted pricer takes it)', () => {
    const bill = gcpBill('c', [{ id: 'c', type: 'redis', config: { managed: false } }]);
    expect(bill.product).not.toContain('Memorystore');
  });

  it('compare mode: an ElastiCache node type maps by its memory; Multi-AZ is the Standard tier', () => {
    const bill = gcpBill('c', [{ id: 'c', type: 'aws.elasticache', config: { instanceType: 'cache.t4g.medium', multiAz: true, readReplicas: 1 } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe('Amazon ElastiCache → Memorystore for Redis (Standard, 4 GB) (same class: managed-redis); cache.t4g.medium (4 GB) → Memorystore Standard 4 GB');
    expect(bill.line('Redis capacity (on-demand, Standard tier, M1, 4 GB)')).toMatchObject({ unitPriceUsd: '0.064', monthlyUsd: '186.88' });
    expect(bill.notes).toContain('priced as Memorystore for Redis (Memorystore for Valkey is billed per node)');
  });
});
