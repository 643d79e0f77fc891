import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.eventbridge', () => {
  it('custom events per million, each started 64 KB counting as one event', () => {
    const bill = billOf('bus', [{ id: 'bus', type: 'aws.eventbridge', config: { usage: { monthlyRequests: 5_000_000, requestSizeKb: 100 } } }]);
    expect(bill.product).toBe('Amazon EventBridge');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Custom events published (5,000,000 × 2 chunks of 64 KB)', quantity: 10, unit: '1M events', unitPriceUsd: '1', monthlyUsd: '10', usageBased: true }),
    ]);
    expect(bill.notes).toEqual(['5,000,000 events a month, 100 KB each; deliveries to targets are free']);
  });

  it('an archive adds GB archived and the GB-months kept', () => {
    const bill = billOf('bus', [{ id: 'bus', type: 'aws.eventbridge', config: { archive: true, archiveRetentionDays: 15, usage: { monthlyRequests: 1_048_576 } } }]);
    expect(bill.line('Archive processing')).toMatchObject({ quantity: 1, unit: 'GB', missing: 'no price for eventbridge archive-processing in us-east-1' });
    expect(bill.line('Archive storage (15 days)')).toMatchObject({ quantity: 0.5, unit: 'GB-months' });
    expect(bill.line('Custom events published (1,048,576)').monthlyUsd).toBe('1.048576');
  });

  it('partner buses bill partner events', () => {
    const bill = billOf('bus', [{ id: 'bus', type: 'aws.eventbridge', config: { busType: 'partner', usage: { monthlyRequests: 1_000_000 } } }]);
    expect(bill.line('Partner events published (1,000,000)').missing).toBe('no price for eventbridge partner-events in us-east-1');
  });
});
