import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

describe('gcp.firestore', () => {
  it('reads and writes from the read and write connections, storage from usage', () => {
    const components = [
      { id: 'web', type: 'client.web' },
      { id: 'svc', type: 'service' },
      { id: 'fs', type: 'gcp.firestore', config: { usage: { storageGb: 12 } } },
    ];
    const connections = [
      { from: 'web', to: 'svc', type: 'http' },
      { from: 'svc', to: 'fs', type: 'read' },
      { from: 'svc', to: 'fs', type: 'write', config: { share: 0.25 } },
    ];
    const bill = gcpBill('fs', components, connections, GCP_TRAFFIC);
    expect(bill.product).toBe('Firestore');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Document reads', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0.3', monthlyUsd: '7.884', usageBased: true }),
      expect.objectContaining({ name: 'Document writes', quantity: 6.57, unit: '1M requests', unitPriceUsd: '0.9', monthlyUsd: '5.913' }),
      expect.objectContaining({ name: 'Storage (12 GB)', quantity: 12, unit: 'GB-months', unitPriceUsd: '0.15', monthlyUsd: '1.8', usageBased: true }),
    ]);
    expect(bill.monthlyUsd).toBe('15.597');
    expect(bill.notes).toEqual([
      '26,280,000 reads and 6,570,000 writes a month: reads and writes from the incoming connections (80 % reads)',
      'one document per read or write; deletes not counted',
      'daily free quota not applied',
    ]);
  });

  it('without read/write connections 80 % are reads; multi-region prices are asked for as such (not in the book)', () => {
    const bill = gcpBill('fs', [{ id: 'fs', type: 'gcp.firestore', config: { locationType: 'multi-region', usage: { monthlyRequests: 1_000_000 } } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Document reads, multi-region', 0.8, null],
      ['Document writes, multi-region', 0.2, null],
      ['Storage (1 GB, multi-region)', 1, null],
    ]);
    expect(bill.notes[0]).toBe('800,000 reads and 200,000 writes a month: no read/write connections: 80 % of requests assumed to be reads');
    expect(bill.notes).toContain('1 GB stored (default; set usage.storageGb)');
  });

  it('compare mode: DynamoDB on-demand becomes per-document reads and writes', () => {
    const usage = { monthlyReadRequests: 4_000_000, monthlyWriteRequests: 1_000_000 };
    const bill = gcpBill('t', [{ id: 't', type: 'aws.dynamodb', config: { usage } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe('Amazon DynamoDB → Firestore (same class: key-value-db); on-demand capacity → billed per document read and write');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Document reads', 4, '1.2'],
      ['Document writes', 1, '0.9'],
      ['Storage (1 GB)', 1, '0.15'],
    ]);
    expect(bill.notes[0]).toBe('4,000,000 reads and 1,000,000 writes a month: usage.monthlyReadRequests and usage.monthlyWriteRequests');
  });
});
