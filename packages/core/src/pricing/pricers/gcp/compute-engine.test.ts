import { describe, expect, it } from 'vitest';
import { gcpBill } from '../../../testing/price-slice-gcp';

const AWS = { cloud: 'aws', region: 'us-east-1' };

describe('gcp.compute-engine', () => {
  it('machine-type hours at the hourly list price plus a pd-balanced boot disk', () => {
    const bill = gcpBill('vm', [{ id: 'vm', type: 'gcp.compute-engine' }]);
    expect(bill.product).toBe('Compute Engine e2-standard-2');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Instance usage (Linux, on-demand, e2-standard-2)', quantity: 730, unit: 'hours', unitPriceUsd: '0.06701142', monthlyUsd: '48.9183366', usageBased: false }),
      expect.objectContaining({ name: 'Storage (pd-balanced) (20 GB × 1)', quantity: 20, unit: 'GB-months', unitPriceUsd: '0.1', monthlyUsd: '2' }),
    ]);
    // the trust-A Cloud Billing price wins over the hand-compiled 0.067
    expect(bill.costComponents[0]!.source).toMatchObject({ file: 'gcp/cyclenerd-pricing.yml', trust: 'A', effectiveDate: '2026-07-30' });
    expect(bill.monthlyUsd).toBe('50.9183366');
  });

  it('committed use (reserved-1y) × replicas, with the configured disk type per instance', () => {
    const bill = gcpBill('vm', [{ id: 'vm', type: 'gcp.compute-engine', config: { term: 'reserved-1y', replicas: 2, diskType: 'pd-ssd', storageGb: 50 } }]);
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Instance usage (Linux, reserved 1y, e2-standard-2)', quantity: 1460, unitPriceUsd: '0.042217186', monthlyUsd: '61.63709156' }),
      expect.objectContaining({ name: 'Storage (pd-ssd) (50 GB × 2)', quantity: 100, unitPriceUsd: '0.17', monthlyUsd: '17' }),
    ]);
  });

  it('Windows is never priced as Linux: the licence is not in the book, so the hours are unknown', () => {
    const bill = gcpBill('vm', [{ id: 'vm', type: 'gcp.compute-engine', config: { term: 'spot', operatingSystem: 'windows' } }]);
    expect(bill.line('Instance usage (Windows, spot, e2-standard-2)')).toMatchObject({ monthlyUsd: null, missing: 'no price for compute-engine e2-standard-2 (spot) in us-central1' });
    expect(bill.notes).toEqual(['Windows Server licence is billed per vCPU-hour on top of the machine type; the book has no licence prices']);
  });

  it('compare mode: an EC2 type maps to the cheapest machine type at least as large, never a shared-core one', () => {
    const general = gcpBill('vm', [{ id: 'vm', type: 'aws.ec2', config: { instanceType: 'm5.large' } }], [], AWS, 'gcp');
    expect(general.mapping).toBe('Amazon EC2 → Compute Engine e2-standard-2 (same class: vm); nearest compute-engine size to m5.large (2 vCPU, 8 GiB): e2-standard-2 (2 vCPU, 8 GiB) (sizes as listed in us-central1: the book lists none in us-east4)');
    expect(general.line('Instance usage (Linux, on-demand, e2-standard-2)')).toMatchObject({
      monthlyUsd: '48.9183366',
      estimate: 'no price for compute-engine e2-standard-2 in us-east4; estimated with the us-central1 list price',
    });
    // t3.medium is 2 vCPU: e2-medium (1 vCPU in the book) does not cover it
    const burstable = gcpBill('vm', [{ id: 'vm', type: 'aws.ec2', config: { instanceType: 't3.medium', storageGb: 30 } }], [], AWS, 'gcp');
    expect(burstable.mapping).toContain('nearest compute-engine size to t3.medium (2 vCPU, 4 GiB): e2-standard-2 (2 vCPU, 8 GiB)');
    expect(burstable.line('Storage (pd-balanced) (30 GB × 1)').monthlyUsd).toBe('3');
  });
});
