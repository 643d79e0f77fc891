import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

const AZ = { cloud: 'azure', region: 'eastus' };

describe('azure.vm', () => {
  it('VM-size hours plus an OS managed disk billed per disk-month by size tier', () => {
    const bill = azureBill('vm', [{ id: 'vm', type: 'azure.vm' }]);
    expect(bill.product).toBe('Azure Virtual Machines Standard_D2s_v5');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Instance usage (Linux, on-demand, Standard_D2s_v5)', quantity: 730, unit: 'hours', unitPriceUsd: '0.096', monthlyUsd: '70.08' }),
      // 30 GB fits a P4 (32 GiB); the book has disk prices for North Europe only: an estimate
      expect.objectContaining({
        name: 'OS disk (Premium SSD P4, 32 GiB × 1)',
        quantity: 1,
        unit: 'disk-months',
        unitPriceUsd: '5.2795',
        monthlyUsd: '5.2795',
        estimate: 'no price for managed-disk premium-ssd-p4 in eastus; estimated with the northeurope list price',
      }),
    ]);
    expect(bill.monthlyUsd).toBe('75.3595');
  });

  it('reserved hours × replicas; the disk tier follows the size and type (unknown where the book has none)', () => {
    const bill = azureBill('vm', [{ id: 'vm', type: 'azure.vm', config: { term: 'reserved-1y', replicas: 2, diskType: 'StandardSSD_LRS', storageGb: 100 } }], [], AZ);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['Instance usage (Linux, reserved 1y, Standard_D2s_v5)', 1460, '0.0658368', '96.121728'],
      ['OS disk (Standard SSD E10, 128 GiB × 2)', 2, null, null],
    ]);
  });

  it('Ultra Disk is billed per GiB', () => {
    const bill = azureBill('vm', [{ id: 'vm', type: 'azure.vm', config: { diskType: 'UltraSSD_LRS', storageGb: 256 } }], [], AZ);
    expect(bill.line('OS disk (Ultra Disk, 256 GiB × 1)')).toMatchObject({ quantity: 256, unit: 'GB-months', missing: 'no price for managed-disk ultra-ssd in eastus' });
  });

  it('compare mode: a general-purpose EC2 type maps to a D-series size, a burstable one may map to B-series', () => {
    const aws = { cloud: 'aws', region: 'us-east-1' };
    const general = azureBill('vm', [{ id: 'vm', type: 'aws.ec2', config: { instanceType: 'm5.large' } }], [], aws, 'azure');
    expect(general.mapping).toBe(
      'Amazon EC2 → Azure Virtual Machines Standard_D2s_v5 (same class: vm); nearest vm size to m5.large (2 vCPU, 8 GiB): Standard_D2s_v5 (2 vCPU, 8 GiB)',
    );
    const burstable = azureBill('vm', [{ id: 'vm', type: 'aws.ec2', config: { instanceType: 't3.medium' } }], [], aws, 'azure');
    expect(burstable.mapping).toContain('nearest vm size to t3.medium (2 vCPU, 4 GiB): Standard_B2s (2 vCPU, 4 GiB)');
    expect(burstable.line('Instance usage (Linux, on-demand, Standard_B2s)').monthlyUsd).toBe('30.368');
  });

  it("compare mode: a GCP disk type becomes the nearest managed disk type", () => {
    const bill = azureBill('vm', [{ id: 'vm', type: 'gcp.compute-engine', config: { instanceType: 'e2-standard-4', diskType: 'pd-ssd' } }], [], { cloud: 'gcp', region: 'us-central1' }, 'azure');
    expect(bill.product).toBe('Azure Virtual Machines Standard_D4s_v5');
    expect(bill.line('Instance usage (Linux, on-demand, Standard_D4s_v5)').estimate).toBe('no price for vm Standard_D4s_v5 in centralus; estimated with the eastus list price');
    expect(bill.notes).toEqual(['disk type pd-ssd priced as Premium_LRS']);
  });
});
