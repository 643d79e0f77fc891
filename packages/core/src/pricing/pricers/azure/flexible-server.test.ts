import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.flexible-server', () => {
  it('a B2s burstable server by default; PostgreSQL storage rounded up to its disk sizes', () => {
    const bill = azureBill('db', [{ id: 'db', type: 'postgresql' }]);
    expect(bill.product).toBe('Azure Database for PostgreSQL Flexible Server B2s');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Compute (on-demand, Burstable, B2s)', quantity: 730, unit: 'hours', unitPriceUsd: '0.068', monthlyUsd: '49.64' }),
      expect.objectContaining({ name: 'Storage (32 GB)', quantity: 32, unit: 'GB-months', unitPriceUsd: '0.115', monthlyUsd: '3.68' }),
    ]);
    expect(bill.notes).toEqual(['backup storage up to the provisioned storage size is free; beyond it not priced', '20 GB → 32 GB provisioned (PostgreSQL disk sizes)']);
  });

  it('General Purpose vCore-hours × vCores; zone-redundant HA bills a standby like the primary; read replicas', () => {
    const bill = azureBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'Standard_D2ds_v5', multiAz: true, readReplicas: 1, storageGb: 100 } }]);
    expect(bill.product).toBe('Azure Database for PostgreSQL Flexible Server D2ds_v5 (zone-redundant HA)');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unit, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['Compute (on-demand, General Purpose, 2 vCores)', 1460, 'vCore-hours', '0.089', '129.94'],
      ['Storage (128 GB)', 128, 'GB-months', '0.115', '14.72'],
      ['Standby compute, zone-redundant HA (on-demand, General Purpose, 2 vCores)', 1460, 'vCore-hours', '0.089', '129.94'],
      ['Standby storage, zone-redundant HA (128 GB)', 128, 'GB-months', '0.115', '14.72'],
      ['Read replica 1 compute (on-demand, General Purpose, 2 vCores)', 1460, 'vCore-hours', '0.089', '129.94'],
      ['Read replica 1 storage (128 GB)', 128, 'GB-months', '0.115', '14.72'],
    ]);
    expect(bill.monthlyUsd).toBe('433.98');
  });

  it('zone-redundant HA is not offered on Burstable: a Burstable server with multiAz is priced as General Purpose', () => {
    const bill = azureBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db.t4g.large', multiAz: true } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('nearest Flexible Server size to db.t4g.large (2 vCPU, 8 GiB): Burstable B2ms');
    expect(bill.product).toBe('Azure Database for PostgreSQL Flexible Server D2ds_v5 (zone-redundant HA)');
    expect(bill.line('Standby compute, zone-redundant HA (on-demand, General Purpose, 2 vCores)').monthlyUsd).toBe('129.94');
    expect(bill.notes).toContain('zone-redundant HA is not offered on Burstable servers: B2ms priced as General Purpose D2ds_v5');
  });

  it('reserved: the whole-server reservation price where the book has no per-vCore one', () => {
    const bill = azureBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'GP_Standard_D2ds_v5', term: 'reserved-1y' } }]);
    expect(bill.line('Compute (reserved 1y, General Purpose, D2ds_v5)')).toMatchObject({ quantity: 730, unitPriceUsd: '0.10684932', monthlyUsd: '78.0000036' });
  });

  it('MySQL: at least 20 GB storage; vcpus map to the next General Purpose size', () => {
    const small = azureBill('db', [{ id: 'db', type: 'mysql', config: { instanceType: 'B1ms', storageGb: 10 } }]);
    expect(small.costComponents.map((l) => [l.name, l.monthlyUsd])).toEqual([
      ['Compute (on-demand, Burstable, B1ms)', '12.41'],
      ['Storage (20 GB)', '2.3'],
    ]);
    const sized = azureBill('db', [{ id: 'db', type: 'mysql', config: { vcpus: 3 } }]);
    expect(sized.mapping).toBe('nearest Flexible Server size to 3 vCPUs: General Purpose 4 vCores (D4ds_v5)');
    expect(sized.line('Compute (on-demand, General Purpose, 4 vCores)')).toMatchObject({ quantity: 2920, unitPriceUsd: '0.0855', monthlyUsd: '249.66' });
  });

  it('compare mode: RDS classes map by size, burstable to burstable; Multi-AZ to zone-redundant HA', () => {
    const aws = { cloud: 'aws', region: 'us-east-1' };
    const general = azureBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db.m5.large', multiAz: true } }], [], aws, 'azure');
    expect(general.mapping).toBe('nearest Flexible Server size to db.m5.large (2 vCPU, 8 GiB): General Purpose 2 vCores (D2ds_v5)');
    expect(general.monthlyUsd).toBe('267.24');
    const burstable = azureBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db.t3.medium' } }], [], aws, 'azure');
    expect(burstable.mapping).toBe('nearest Flexible Server size to db.t3.medium (2 vCPU, 4 GiB): Burstable B2s');
    expect(burstable.monthlyUsd).toBe('53.32');
  });
});
