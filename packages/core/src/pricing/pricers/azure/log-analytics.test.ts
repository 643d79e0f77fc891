import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.log-analytics', () => {
  it('GB ingested, from usage.logsGbPerMonth or a stated default', () => {
    const bill = azureBill('l', [{ id: 'l', type: 'prometheus' }]);
    expect(bill.product).toBe('Log Analytics (Azure Monitor)');
    expect(bill.costComponents).toEqual([expect.objectContaining({ name: 'Data ingestion (Analytics logs)', quantity: 10, unit: 'GB', unitPriceUsd: '2.3', monthlyUsd: '23' })]);
    expect(bill.notes).toEqual(['10 GB ingested a month (default; set usage.logsGbPerMonth)', 'retention up to 31 days included; the free 5 GB a month not applied']);
  });

  it('compare mode: CloudWatch logs volume from usage', () => {
    const bill = azureBill('l', [{ id: 'l', type: 'aws.cloudwatch', config: { usage: { logsGbPerMonth: 50 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('Amazon CloudWatch → Log Analytics (Azure Monitor) (same class: metrics); billed per GB ingested into a Log Analytics workspace');
    expect(bill.line('Data ingestion (Analytics logs)')).toMatchObject({ quantity: 50, monthlyUsd: '115' });
  });

  it('self-managed Prometheus (managed: false) is not priced as Log Analytics', () => {
    const bill = azureBill('l', [{ id: 'l', type: 'prometheus', config: { managed: false } }]);
    expect(bill.product).not.toContain('Log Analytics');
  });
});
