import { describe, expect, it } from 'vitest';
import { gcpBill, GCP_TRAFFIC } from '../../../testing/price-slice-gcp';

const behind = (config: object, type = 'gcp.cloud-run') => [
  [
    { id: 'web', type: 'client.web' },
    { id: 'api', type, config },
  ],
  [{ from: 'web', to: 'api', type: 'http' }],
];

describe('gcp.cloud-run', () => {
  it('request-based: CPU and memory only while serving (requests × duration ÷ concurrency), idle minimum instances, requests', () => {
    const [components, connections] = behind({ minInstances: 1, memoryMb: 1024, usage: { averageDurationMs: 100 } });
    const bill = gcpBill('api', components!, connections, GCP_TRAFFIC);
    expect(bill.product).toBe('Cloud Run (request-based billing)');
    // 26,280,000 requests × 0.1 s ÷ 80 = 32,850 instance-seconds
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'CPU while serving requests (1 vCPU, 1 GiB)', quantity: 32850, unit: 'vCPU-seconds', unitPriceUsd: '0.000024', monthlyUsd: '0.7884', usageBased: true }),
      expect.objectContaining({ name: 'Memory while serving requests (1 vCPU, 1 GiB)', quantity: 32850, unit: 'GB-seconds', unitPriceUsd: '0.0000025', monthlyUsd: '0.082125' }),
      // the rest of the minimum instance's month, at the idle rate the book does not have yet: unknown, not $0
      expect.objectContaining({ name: 'Idle minimum instances CPU (1 × 1 vCPU)', quantity: 2595150, monthlyUsd: null, missing: 'no price for cloud-run vcpu in us-central1' }),
      expect.objectContaining({ name: 'Idle minimum instances memory (1 × 1 GiB)', quantity: 2595150, monthlyUsd: null }),
      expect.objectContaining({ name: 'Requests', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0.4', monthlyUsd: '10.512' }),
    ]);
    expect(bill.monthlyUsd).toBe('11.382525');
    expect(bill.notes).toEqual(['26,280,000 requests a month × 100 ms ÷ concurrency 80 = 32,850 instance-seconds serving requests', 'monthly free tier (per billing account) not applied']);
  });

  it('instance-based: the always-on instances all month, no request fee', () => {
    const [components, connections] = behind({ billing: 'instance', minInstances: 2, vcpus: 2, memoryMb: 2048 });
    const bill = gcpBill('api', components!, connections, GCP_TRAFFIC);
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'CPU (instance-based, 2 instances × 2 vCPU)', quantity: 10512000, unitPriceUsd: '0.000018', monthlyUsd: '189.216', usageBased: false }),
      expect.objectContaining({ name: 'Memory (instance-based, 2 instances × 2 GiB)', quantity: 10512000, unitPriceUsd: '0.000002', monthlyUsd: '21.024' }),
    ]);
    expect(bill.monthlyUsd).toBe('210.24');
  });

  it('the neutral service runs its replicas all month (instance-based), at its committed-use price when reserved', () => {
    const bill = gcpBill('svc', [{ id: 'svc', type: 'service', config: { term: 'reserved-1y', replicas: 1, vcpus: 1, memoryMb: 512 } }]);
    expect(bill.mapping).toBe('1 vCPU / 0.5 GiB; 1 replica running all month → instance-based billing, 1 always-on instance');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'CPU (reserved 1y, instance-based, 1 instance × 1 vCPU)', quantity: 2628000, unitPriceUsd: '0.00001494', monthlyUsd: '39.26232' }),
      expect.objectContaining({ name: 'Memory (reserved 1y, instance-based, 1 instance × 0.5 GiB)', quantity: 1314000, unitPriceUsd: '0.00000166', monthlyUsd: '2.18124' }),
    ]);
  });

  it('Cloud Run has no Spot capacity: a Spot service is unknown, not priced on-demand', () => {
    const bill = gcpBill('svc', [{ id: 'svc', type: 'service', config: { term: 'spot', vcpus: 1 } }]);
    expect(bill.line('CPU (spot, instance-based, 2 instances × 1 vCPU)')).toMatchObject({ monthlyUsd: null, missing: 'no price for cloud-run vcpu (spot) in us-central1' });
    expect(bill.notes).toContain('Cloud Run has no Spot capacity: the CPU and memory lines stay unknown (price the service on-demand to compare)');
  });

  it('instances under 1 vCPU serve one request at a time', () => {
    const [components, connections] = behind({}, 'service');
    const bill = gcpBill('api', components!, connections, GCP_TRAFFIC);
    expect(bill.notes).toContain('instances with less than 1 vCPU serve one request at a time: concurrency 1, not 80');
    expect(bill.line('CPU (instance-based, 2 instances × 0.5 vCPU)').monthlyUsd).toBe('47.304');
  });

  it('compare mode: ECS tasks become always-on Cloud Run instances', () => {
    const [components, connections] = behind({ vcpus: 1, memoryMb: 2048, replicas: 3 }, 'aws.ecs');
    const bill = gcpBill('api', components!, connections, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } }, 'gcp');
    expect(bill.mapping).toBe(
      'Amazon ECS → Cloud Run (instance-based billing) (same class: container-service); 1 vCPU / 2 GiB; 3 replicas running all month → instance-based billing, 3 always-on instances',
    );
    expect(bill.line('CPU (instance-based, 3 instances × 1 vCPU)')).toMatchObject({
      quantity: 7884000,
      monthlyUsd: '141.912',
      estimate: 'no price for cloud-run vcpu in us-east4; estimated with the us-central1 list price',
    });
    expect(bill.monthlyUsd).toBe('173.448');
  });
});
