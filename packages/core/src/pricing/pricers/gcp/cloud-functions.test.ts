import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

describe('gcp.cloud-functions', () => {
  it('2nd gen is billed as Cloud Run request-based: the memory size sets the vCPUs; invocations at the request price', () => {
    const components = [
      { id: 'web', type: 'client.web' },
      { id: 'fn', type: 'gcp.cloud-functions', config: { memoryMb: 512 } },
    ];
    const bill = gcpBill('fn', components, [{ from: 'web', to: 'fn', type: 'http' }], GCP_TRAFFIC);
    expect(bill.product).toBe('Cloud Run functions (2nd gen, 512 MB)');
    // 26,280,000 invocations × 0.2 s ÷ concurrency 1 = 5,256,000 s; 512 MB comes with 0.333 vCPU
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'CPU while serving requests (0.333 vCPU, 0.5 GiB)', quantity: 1750248, unit: 'vCPU-seconds', unitPriceUsd: '0.000024', monthlyUsd: '42.005952' }),
      expect.objectContaining({ name: 'Memory while serving requests (0.333 vCPU, 0.5 GiB)', quantity: 2628000, unit: 'GB-seconds', unitPriceUsd: '0.0000025', monthlyUsd: '6.57' }),
      expect.objectContaining({ name: 'Invocations', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0.4', monthlyUsd: '10.512' }),
    ]);
    expect(bill.monthlyUsd).toBe('59.087952');
    expect(bill.notes).toEqual([
      '26,280,000 invocations a month × 200 ms (default; set usage.averageDurationMs) ÷ concurrency 1; 0.333 vCPU with 512 MB',
      '2nd gen is billed at Cloud Run request-based prices',
      'free tier (2M invocations a month per billing account, and compute) not applied',
    ]);
  });

  it('1st gen: invocations, GB-seconds and GHz-seconds of the memory size (rounded up), each invocation rounded up to 100 ms', () => {
    const bill = gcpBill('fn', [{ id: 'fn', type: 'gcp.cloud-functions', config: { generation: 'gen1', memoryMb: 300, usage: { monthlyRequests: 10_000_000, averageDurationMs: 120 } } }]);
    expect(bill.product).toBe('Cloud Functions (1st gen, 512 MB)');
    // 10M × 0.2 s (120 ms → 200 ms) = 2,000,000 s × 0.5 GB and × 0.8 GHz
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Invocations', quantity: 10, unitPriceUsd: '0.4', monthlyUsd: '4' }),
      expect.objectContaining({ name: 'Memory (512 MB)', quantity: 1000000, unit: 'GB-seconds', unitPriceUsd: '0.0000025', monthlyUsd: '2.5' }),
      // GHz-seconds have no unit in the book yet: an unknown line, not $0
      expect.objectContaining({ name: 'CPU (0.8 GHz)', quantity: 1600000, unit: 'GHz-seconds', monthlyUsd: null, missing: 'no price for cloud-functions cpu in us-central1' }),
    ]);
    expect(bill.notes).toContain('300 MB rounded up to the 512 MB size');
  });

  it('compare mode: a Lambda function with provisioned concurrency keeps a minimum instance warm', () => {
    const bill = gcpBill(
      'fn',
      [{ id: 'fn', type: 'aws.lambda', config: { memoryMb: 1024, provisionedConcurrency: 1, usage: { monthlyRequests: 5_000_000, averageDurationMs: 100 } } }],
      [],
      { cloud: 'aws', region: 'us-east-1' },
      'gcp',
    );
    expect(bill.mapping).toBe('AWS Lambda → Cloud Run functions (2nd gen, 1024 MB) (same class: serverless-function); 1024 MB, 1 kept warm as minimum instances');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['CPU while serving requests (0.583 vCPU, 1 GiB)', 291500, '6.996'],
      ['Memory while serving requests (0.583 vCPU, 1 GiB)', 500000, '1.25'],
      ['Idle minimum instances CPU (1 × 0.583 vCPU)', 1240624, null],
      ['Idle minimum instances memory (1 × 1 GiB)', 2128000, null],
      ['Invocations', 5, '2'],
    ]);
    expect(bill.line('Invocations').estimate).toBe('no price for cloud-run requests in us-east4; estimated with the us-central1 list price');
  });
});
