import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.redis', () => {
  it('Basic: one node of the smallest size that holds the memory', () => {
    const bill = azureBill('c', [{ id: 'c', type: 'redis', config: { memoryGb: 0.25 } }]);
    expect(bill.product).toBe('Azure Cache for Redis Basic C0');
    expect(bill.costComponents).toEqual([expect.objectContaining({ name: 'Cache nodes (on-demand, Basic C0, 1 node)', quantity: 730, unit: 'hours', unitPriceUsd: '0.022', monthlyUsd: '16.06' })]);
  });

  it('Standard (multiAz): a primary and a replica, 2 nodes', () => {
    const bill = azureBill('c', [{ id: 'c', type: 'redis', config: { memoryGb: 1, multiAz: true } }]);
    expect(bill.line('Cache nodes (on-demand, Standard C1, 2 nodes)')).toMatchObject({ quantity: 1460, unitPriceUsd: '0.069', monthlyUsd: '100.74' });
    expect(bill.notes).toEqual(['Standard: primary and replica, 2 nodes']);
  });

  it('shards need Premium: 2 nodes per shard', () => {
    const bill = azureBill('c', [{ id: 'c', type: 'redis', config: { memoryGb: 4, shardCount: 2, readReplicas: 1 } }]);
    expect(bill.line('Cache nodes (on-demand, Premium P1, 4 nodes)')).toMatchObject({ quantity: 2920, unitPriceUsd: '0.277', monthlyUsd: '808.84' });
    expect(bill.notes).toEqual(['Premium: 2 shards × (primary + 1 replica)']);
  });

  it('compare mode: an ElastiCache node with a replica maps to a Standard cache of its memory', () => {
    const bill = azureBill('c', [{ id: 'c', type: 'aws.elasticache', config: { instanceType: 'cache.t4g.micro', readReplicas: 1 } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('Amazon ElastiCache → Azure Cache for Redis Standard C1 (same class: managed-redis); cache.t4g.micro (1 GB) → C1 (1 GB)');
    expect(bill.monthlyUsd).toBe('100.74');
  });
});
