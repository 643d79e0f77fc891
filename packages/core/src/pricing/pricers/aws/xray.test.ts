import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

describe('aws.xray', () => {
  it('traces recorded: the 1/s reservoir plus the sampling rate of the rest of the busiest sender’s requests', () => {
    const bill = billOf(
      'xray',
      [
        { id: 'web', type: 'client.web' },
        { id: 'svc', type: 'service' },
        { id: 'xray', type: 'aws.xray' },
      ],
      [
        { from: 'web', to: 'svc', type: 'http' },
        { from: 'svc', to: 'xray', type: 'telemetry' },
      ],
      TRAFFIC,
    );
    expect(bill.product).toBe('AWS X-Ray');
    // 10 requests/s: 1 in the reservoir + 5 % of 9 = 1.45 traces/s
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Traces recorded (3,810,600)', quantity: 3.8106, unit: '1M traces', monthlyUsd: null, missing: 'no price for xray traces-recorded in us-east-1', usageBased: true }),
    ]);
    expect(bill.notes).toEqual([
      '26,280,000 requests a month (requests handled by svc, the busiest component sending it telemetry); 1/s reservoir + 5 % of the rest traced',
      'trace retrieval and scans, and the free 100,000 traces a month, not included',
    ]);
  });

  it('without telemetry connections every request entering the system counts; usage.monthlyRequests overrides', () => {
    const all = billOf('xray', [{ id: 'web', type: 'client.web' }, { id: 'svc', type: 'service' }, { id: 'xray', type: 'aws.xray', config: { samplingRate: 1 } }], [{ from: 'web', to: 'svc', type: 'http' }], TRAFFIC);
    expect(all.line('Traces recorded (26,280,000)').quantity).toBe(26.28);
    const usage = billOf('xray', [{ id: 'xray', type: 'aws.xray', config: { usage: { monthlyRequests: 2_628_000 } } }]);
    expect(usage.line('Traces recorded (2,628,000)').quantity).toBe(2.628);
  });

  it('self-hosted tracing (Jaeger, Tempo) is not X-Ray', () => {
    expect(billOf('j', [{ id: 'j', type: 'jaeger' }]).product).toBe('Jaeger on 1 × c6g.medium (self-hosted)');
  });
});
