import { describe, expect, it } from 'vitest';
import { gcpBill } from '../../../testing/price-slice-gcp';

describe('gcp.cloud-sql', () => {
  it('zonal: vCPU-hours and memory GB-hours of the machine, SSD storage', () => {
    const bill = gcpBill('db', [{ id: 'db', type: 'postgresql' }]);
    expect(bill.product).toBe('Cloud SQL for PostgreSQL db-custom-2-8192');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'vCPUs (on-demand, zonal, 2 vCPUs)', quantity: 1460, unit: 'vCPU-hours', unitPriceUsd: '0.0413', monthlyUsd: '60.298' }),
      expect.objectContaining({ name: 'Memory (on-demand, zonal, 8 GB)', quantity: 5840, unit: 'GB-hours', unitPriceUsd: '0.007', monthlyUsd: '40.88' }),
      expect.objectContaining({ name: 'Storage (SSD, 20 GB, zonal)', quantity: 20, unit: 'GB-months', unitPriceUsd: '0.17', monthlyUsd: '3.4' }),
    ]);
    expect(bill.monthlyUsd).toBe('104.578');
    expect(bill.notes).toEqual(['automated backups beyond the provisioned storage size are billed per GB-month (not priced)']);
  });

  it('HA (multiAz) uses the regional prices, a read replica is another zonal instance with its storage', () => {
    const bill = gcpBill('db', [{ id: 'db', type: 'mysql', config: { instanceType: 'db-custom-2-8192', multiAz: true, readReplicas: 1, storageGb: 50 } }]);
    expect(bill.product).toBe('Cloud SQL for MySQL db-custom-2-8192 (HA)');
    expect(bill.costComponents.map((l) => [l.name, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['vCPUs (on-demand, regional HA, 2 vCPUs)', '0.0826', '120.596'],
      ['Memory (on-demand, regional HA, 8 GB)', '0.014', '81.76'],
      ['Storage (SSD, 50 GB, regional HA)', '0.34', '17'],
      ['Read replica 1: vCPUs (on-demand, zonal, 2 vCPUs)', '0.0413', '60.298'],
      ['Read replica 1: Memory (on-demand, zonal, 8 GB)', '0.007', '40.88'],
      ['Read replica 1: Storage (SSD, 50 GB, zonal)', '0.17', '8.5'],
    ]);
    expect(bill.monthlyUsd).toBe('329.034');
  });

  it('committed use: the whole-shape price where the book has no per-vCPU committed price', () => {
    const bill = gcpBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db-custom-2-8192', term: 'reserved-1y' } }]);
    expect(bill.line('Instance usage (reserved 1y, zonal, db-custom-2-8192)')).toMatchObject({ quantity: 730, unitPriceUsd: '0.10395', monthlyUsd: '75.8835' });
    expect(bill.line('Instance usage (reserved 1y, zonal, db-custom-2-8192)').source?.term).toBe('reserved-1y');
  });

  it('vcpus alone: n1-standard memory per vCPU; a small class of another cloud maps to a shared-core tier', () => {
    const sized = gcpBill('db', [{ id: 'db', type: 'postgresql', config: { vcpus: 4 } }]);
    expect(sized.mapping).toBe('nearest Cloud SQL machine to 4 vCPUs: db-custom-4-15360 (4 vCPUs, 15 GB)');
    expect(sized.line('Memory (on-demand, zonal, 15 GB)').monthlyUsd).toBe('76.65');
    const tiny = gcpBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db.t3.micro' } }]);
    expect(tiny.mapping).toBe('nearest Cloud SQL machine to db.t3.micro (2 vCPU, 1 GiB): db-g1-small (shared core)');
    expect(tiny.line('Instance usage (on-demand, zonal, db-g1-small)')).toMatchObject({ unitPriceUsd: '0.035', monthlyUsd: '25.55' });
    expect(tiny.notes).toContain('shared-core tiers have no SLA');
  });

  it('compare mode: an RDS class maps to a custom machine of its size', () => {
    const bill = gcpBill('db', [{ id: 'db', type: 'postgresql', config: { instanceType: 'db.m5.large' } }], [], { cloud: 'aws', region: 'us-east-1' }, 'gcp');
    expect(bill.mapping).toBe('nearest Cloud SQL machine to db.m5.large (2 vCPU, 8 GiB): db-custom-2-8192 (2 vCPUs, 8 GB)');
    expect(bill.line('vCPUs (on-demand, zonal, 2 vCPUs)').estimate).toBe('no price for cloud-sql vcpu in us-east4; estimated with the us-central1 list price');
    expect(bill.monthlyUsd).toBe('104.578');
  });
});
