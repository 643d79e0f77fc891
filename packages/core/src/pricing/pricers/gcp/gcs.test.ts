import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

describe('gcp.gcs', () => {
  it('storage by class and location, class A and B operations per 1,000, egress of objects served to clients', () => {
    const usage = { storageGb: 500, monthlyReadRequests: 2_000_000, monthlyWriteRequests: 100_000 };
    const bill = gcpBill('b', [{ id: 'web', type: 'client.web' }, { id: 'b', type: 'gcp.gcs', config: { usage } }], [{ from: 'web', to: 'b', type: 'http' }], GCP_TRAFFIC);
    expect(bill.product).toBe('Cloud Storage (standard, region)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Storage (standard, region, 500 GB)', quantity: 500, unit: 'GB-months', unitPriceUsd: '0.02', monthlyUsd: '10' }),
      expect.objectContaining({ name: 'Class A operations (writes, lists)', quantity: 100, unit: '1K requests', unitPriceUsd: '0.005', monthlyUsd: '0.5' }),
      expect.objectContaining({ name: 'Class B operations (reads)', quantity: 2000, unit: '1K requests', unitPriceUsd: '0.0004', monthlyUsd: '0.8' }),
      // 26,280,000 responses × 10 KB
      expect.objectContaining({ name: 'Internet egress (responses to clients)', quantity: 250.6256103515625, unit: 'GB', unitPriceUsd: '0.12', monthlyUsd: '30.0750732421875' }),
    ]);
    expect(bill.line('Storage (standard, region, 500 GB)').source?.file).toBe('gcp/cyclenerd-pricing.yml');
  });

  it('a multi-region bucket is priced at its multi-region location', () => {
    const bill = gcpBill('b', [{ id: 'b', type: 'gcp.gcs', config: { locationType: 'multi-region' } }]);
    expect(bill.line('Storage (standard, multi-region, 100 GB)')).toMatchObject({ unitPriceUsd: '0.026', monthlyUsd: '2.6', source: expect.objectContaining({ region: 'us' }) });
    expect(bill.line('Storage (standard, multi-region, 100 GB)').estimate).toBeUndefined();
    expect(bill.notes[0]).toBe('100 GB stored (default; set usage.storageGb)');
  });

  it('compare mode: S3 Standard-IA maps to Nearline; its operations cost more and are not in the book', () => {
    const bill = gcpBill('b', [{ id: 'b', type: 'aws.s3', config: { storageClass: 'standard-ia', usage: { storageGb: 1000 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe('Amazon S3 → Cloud Storage (nearline, region) (same class: object-storage); standard-ia → nearline storage class');
    expect(bill.line('Storage (nearline, region, 1000 GB)')).toMatchObject({ unitPriceUsd: '0.01', monthlyUsd: '10' });
    expect(bill.line('Class B operations (reads)')).toMatchObject({ monthlyUsd: null, missing: 'no price for gcs operations-class-b in us-east4' });
    expect(bill.notes).toContain('nearline retrieval fees and minimum storage duration not priced');
  });
});
