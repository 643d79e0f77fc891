import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.opensearch', () => {
  it('data nodes, dedicated cluster-manager nodes and EBS storage per data node', () => {
    const bill = billOf('search', [{ id: 'search', type: 'aws.opensearch', config: { replicas: 3, dedicatedMasterNodes: 3, storageGb: 100 } }]);
    expect(bill.product).toBe('Amazon OpenSearch Service (3 × m6g.large.search)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Data nodes (on-demand, 3 × m6g.large.search)', quantity: 2190, unit: 'hours', missing: 'no price for opensearch m6g.large.search in us-east-1' }),
      expect.objectContaining({ name: 'Dedicated cluster-manager nodes (on-demand, 3 × m6g.large.search)', quantity: 2190, unit: 'hours' }),
      expect.objectContaining({ name: 'Storage (EBS gp3, 100 GB × 3)', quantity: 300, unit: 'GB-months', missing: 'no price for opensearch storage-gp3 in us-east-1' }),
    ]);
    expect(bill.monthlyUsd).toBeNull();
    expect(bill.notes).toEqual(['cluster-manager nodes priced as m6g.large.search']);
  });

  it('a reserved term asks for the reserved price', () => {
    const bill = billOf('search', [{ id: 'search', type: 'aws.opensearch', config: { term: 'reserved-1y' } }]);
    expect(bill.line('Data nodes (reserved 1y, 2 × m6g.large.search)').missing).toBe('no price for opensearch m6g.large.search (reserved-1y) in us-east-1');
  });

  it('self-managed Elasticsearch and Meilisearch run on EC2 instead', () => {
    expect(billOf('es', [{ id: 'es', type: 'elasticsearch' }]).product).toBe('Elasticsearch on 3 × m6g.large (self-hosted)');
    expect(billOf('ms', [{ id: 'ms', type: 'meilisearch' }]).product).toBe('Meilisearch on 1 × c6g.large (self-hosted)');
  });
});
