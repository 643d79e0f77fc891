import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

describe('aws.s3', () => {
  it('storage by class, PUT-class requests from writes and GET-class requests from reads', () => {
    const bill = billOf(
      'files',
      [
        { id: 'web', type: 'client.web' },
        { id: 'svc', type: 'service' },
        { id: 'files', type: 'aws.s3', config: { usage: { storageGb: 500 } } },
      ],
      [
        { from: 'web', to: 'svc', type: 'http' },
        { from: 'svc', to: 'files', type: 'write', config: { share: 0.1 } },
        { from: 'svc', to: 'files', type: 'read', config: { share: 0.5 } },
      ],
      TRAFFIC,
    );
    expect(bill.product).toBe('Amazon S3 (Standard)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Storage (Standard, 500 GB)', quantity: 500, unit: 'GB-months', unitPriceUsd: '0.023', monthlyUsd: '11.5' }),
      expect.objectContaining({ name: 'PUT, COPY, POST, LIST requests (2,628,000)', quantity: 2628, unit: '1K requests', unitPriceUsd: '0.005', monthlyUsd: '13.14' }),
      expect.objectContaining({ name: 'GET and other requests (13,140,000)', quantity: 13140, unit: '1K requests', unitPriceUsd: '0.0004', monthlyUsd: '5.256' }),
    ]);
    expect(bill.monthlyUsd).toBe('29.896');
    expect(bill.notes).toEqual(['500 GB stored', 'reads and writes from the incoming connections (83 % reads)']);
  });

  it('a bucket serving clients directly pays internet egress; storage defaults to 100 GB', () => {
    const bill = billOf('files', [{ id: 'web', type: 'client.web' }, { id: 'files', type: 'aws.s3', config: { public: true } }], [{ from: 'web', to: 'files', type: 'http' }], TRAFFIC);
    expect(bill.line('GET and other requests (26,280,000)').monthlyUsd).toBe('10.512');
    expect(bill.line('Internet egress (responses to clients)')).toMatchObject({ quantity: 250.6256103515625, unitPriceUsd: '0.09', monthlyUsd: '22.556304931640625' });
    expect(bill.line('Storage (Standard, 100 GB)').monthlyUsd).toBe('2.3');
    expect(bill.notes[0]).toBe('100 GB stored (default; set usage.storageGb)');
  });

  it('archive classes have their own storage, request and retrieval prices', () => {
    const bill = billOf('vault', [{ id: 'vault', type: 'aws.s3', config: { storageClass: 'glacier-deep-archive', usage: { storageGb: 1000, monthlyReadRequests: 1000, monthlyWriteRequests: 1000 } } }]);
    expect(bill.line('Storage (Glacier Deep Archive, 1000 GB)')).toMatchObject({ unitPriceUsd: '0.00099', monthlyUsd: '0.99' });
    expect(bill.line('PUT, COPY, POST, LIST requests (1,000)').missing).toBe('no price for s3 requests-tier1-glacier-deep-archive in us-east-1');
    expect(bill.line('Data retrieval (Glacier Deep Archive)')).toMatchObject({ quantity: (1000 * 10) / 1024 ** 2, missing: 'no price for s3 retrieval-glacier-deep-archive in us-east-1' });
  });

  it('compare mode: Blob Storage hot tier and Cloud Storage Nearline map to S3 classes', () => {
    const blob = billOf('blob', [{ id: 'blob', type: 'azure.blob' }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(blob.mapping).toBe('Azure Blob Storage → Amazon S3 (Standard) (same class: object-storage); hot → S3 Standard');
    expect(blob.line('Storage (Standard, 100 GB)').monthlyUsd).toBe('2.3');
    const gcs = billOf('gcs', [{ id: 'gcs', type: 'gcp.gcs', config: { storageClass: 'nearline' } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(gcs.mapping).toBe('Google Cloud Storage → Amazon S3 (Standard-IA) (same class: object-storage); nearline → S3 Standard-IA');
    expect(gcs.line('Storage (Standard-IA, 100 GB)').missing).toBe('no price for s3 storage-standard-ia in us-east-1');
  });
});
