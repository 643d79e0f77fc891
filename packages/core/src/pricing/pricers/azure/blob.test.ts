import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

describe('azure.blob', () => {
  it('capacity by tier and redundancy, write and read operations per 1,000, internet egress', () => {
    const usage = { storageGb: 500, monthlyReadRequests: 2_000_000, monthlyWriteRequests: 100_000 };
    const bill = azureBill('b', [{ id: 'web', type: 'client.web' }, { id: 'b', type: 'azure.blob', config: { redundancy: 'LRS', usage } }], [{ from: 'web', to: 'b', type: 'http' }], AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure Blob Storage (hot, LRS)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Capacity (hot, LRS, 500 GB)', quantity: 500, unit: 'GB-months', unitPriceUsd: '0.0208', monthlyUsd: '10.4' }),
      expect.objectContaining({ name: 'Write operations (hot, LRS)', quantity: 100, unit: '1K requests', unitPriceUsd: '0.005', monthlyUsd: '0.5' }),
      expect.objectContaining({ name: 'Read operations (hot, LRS)', quantity: 2000, unit: '1K requests', unitPriceUsd: '0.0004', monthlyUsd: '0.8' }),
      // Azure internet egress is not in the book yet: unknown, not $0
      expect.objectContaining({ name: 'Internet egress (responses to clients)', quantity: 250.6256103515625, monthlyUsd: null, missing: 'no price for data-transfer internet-egress in eastus' }),
    ]);
    expect(bill.monthlyUsd).toBe('11.7');
  });

  it('the default redundancy is ZRS, which the book does not price in eastus', () => {
    const bill = azureBill('b', [{ id: 'b', type: 'azure.blob' }]);
    expect(bill.line('Capacity (hot, ZRS, 100 GB)').missing).toBe('no price for blob storage-hot-zrs in eastus');
    expect(bill.notes[0]).toBe('100 GB stored (default; set usage.storageGb)');
  });

  it('compare mode: a Cloud Storage class maps to the nearest access tier', () => {
    const bill = azureBill('b', [{ id: 'b', type: 'gcp.gcs', config: { storageClass: 'coldline', usage: { storageGb: 100 } } }], [], { cloud: 'gcp', region: 'us-central1' }, 'azure');
    expect(bill.mapping).toBe('Google Cloud Storage → Azure Blob Storage (cold, ZRS) (same class: object-storage); coldline → cold tier, ZRS');
    expect(bill.notes).toContain('cold tier retrieval and early-deletion charges not priced');
  });
});
