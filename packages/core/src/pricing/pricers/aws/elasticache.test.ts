import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

describe('aws.elasticache', () => {
  it('bills shards × (primary + replicas) node-hours at the engine’s price', () => {
    const bill = billOf('cache', [{ id: 'cache', type: 'aws.elasticache', config: { engine: 'redis', instanceType: 'cache.t4g.medium', shardCount: 2, readReplicas: 1 } }]);
    expect(bill.product).toBe('ElastiCache for Redis OSS (4 nodes × cache.t4g.medium)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Cache nodes (Redis OSS, on-demand, cache.t4g.medium, 2 shards × (1 primary + 1 replica))', quantity: 2920, unit: 'hours', unitPriceUsd: '0.065', monthlyUsd: '189.8' }),
    ]);
  });

  it('Multi-AZ adds the replica it needs; Valkey and reserved nodes have their own prices', () => {
    const onDemand = billOf('cache', [{ id: 'cache', type: 'aws.elasticache', config: { instanceType: 'cache.t4g.medium', multiAz: true } }]);
    expect(onDemand.line('Cache nodes (Valkey, on-demand, cache.t4g.medium, 1 shard × (1 primary + 1 replica))')).toMatchObject({ quantity: 1460, unitPriceUsd: '0.052', monthlyUsd: '75.92' });
    expect(onDemand.notes).toEqual(['Multi-AZ needs a replica in another zone: 1 replica per shard assumed']);
    const reserved = billOf('cache', [{ id: 'cache', type: 'aws.elasticache', config: { instanceType: 'cache.t4g.medium', multiAz: true, term: 'reserved-1y' } }]);
    expect(reserved.line('Cache nodes (Valkey, reserved 1y, cache.t4g.medium, 1 shard × (1 primary + 1 replica))')).toMatchObject({ unitPriceUsd: '0.0352', monthlyUsd: '51.392' });
  });

  it('a Valkey node the book has no price for is an unknown line, never a Redis price', () => {
    const bill = billOf('cache', [{ id: 'cache', type: 'aws.elasticache' }]);
    expect(bill.line('Cache nodes (Valkey, on-demand, cache.t4g.small, 1 shard × (1 primary))')).toMatchObject({ monthlyUsd: null, missing: 'no price for elasticache cache.t4g.small in us-east-1' });
    expect(bill.monthlyUsd).toBeNull();
  });

  it('sizes neutral Redis by memoryGb, leaving a quarter of the node to the engine', () => {
    const bill = billOf('cache', [{ id: 'cache', type: 'redis', config: { memoryGb: 3 } }]);
    expect(bill.mapping).toBe('nearest node for 3 GB of data (a VM twin of at least 4 GiB, 75 % of it usable): cache.t4g.medium (4 GiB VM memory)');
    expect(bill.line('Cache nodes (Redis OSS, on-demand, cache.t4g.medium, 1 shard × (1 primary))').monthlyUsd).toBe('47.45');
  });

  it('prices Memcached nodes with the memcached engine', () => {
    const bill = billOf('mc', [{ id: 'mc', type: 'memcached', config: { nodes: 2 } }]);
    expect(bill.product).toBe('ElastiCache for Memcached (2 nodes × cache.t4g.small)');
    expect(bill.line('Cache nodes (Memcached, on-demand, cache.t4g.small, 2 nodes)')).toMatchObject({ quantity: 1460, unitPriceUsd: '0.032', monthlyUsd: '46.72' });
  });

  it('compare mode: an Azure Cache size is not a node type, so the cache is sized by its memory', () => {
    const bill = billOf('cache', [{ id: 'cache', type: 'redis', config: { instanceType: 'C1', memoryGb: 1 } }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(bill.mapping).toBe('C1 is not an ElastiCache node type; nearest node for 1 GB of data (a VM twin of at least 1.33 GiB, 75 % of it usable): cache.t4g.small (2 GiB VM memory)');
    expect(bill.monthlyUsd).toBe('23.36');
  });

  it('a serverless cache bills data stored and ECPUs', () => {
    const bill = billOf(
      'cache',
      [{ id: 'web', type: 'client.web' }, { id: 'svc', type: 'service' }, { id: 'cache', type: 'aws.elasticache', config: { serverless: true, usage: { storageGb: 5 } } }],
      [
        { from: 'web', to: 'svc', type: 'http' },
        { from: 'svc', to: 'cache', type: 'read' },
      ],
      TRAFFIC,
    );
    expect(bill.product).toBe('ElastiCache Serverless for Valkey');
    expect(bill.line('Data stored (serverless, 5 GB)')).toMatchObject({ quantity: 3650, unit: 'GB-hours', missing: 'no price for elasticache serverless-storage in us-east-1' });
    expect(bill.line('ElastiCache Processing Units (serverless)')).toMatchObject({ quantity: 26.28, unit: '1M ECPUs' });
  });
});
