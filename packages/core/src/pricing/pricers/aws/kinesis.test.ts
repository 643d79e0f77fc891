import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

const stream = (config: object) =>
  billOf(
    'stream',
    [
      { id: 'stream', type: 'aws.kinesis', config },
      { id: 'a', type: 'service' },
      { id: 'b', type: 'aws.lambda' },
    ],
    [
      { from: 'stream', to: 'a', type: 'consume' },
      { from: 'stream', to: 'b', type: 'consume' },
    ],
  );

describe('aws.kinesis', () => {
  it('on-demand: stream hours, GB in (records rounded up to 1 KB) and GB out per consumer', () => {
    const bill = stream({ usage: { monthlyRequests: 10_000_000, requestSizeKb: 0.5 } });
    expect(bill.product).toBe('Amazon Kinesis Data Streams (on-demand)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Stream (on-demand)', quantity: 730, unit: 'hours', unitPriceUsd: '0.04', monthlyUsd: '29.2' }),
      expect.objectContaining({ name: 'Data ingested', quantity: 9.5367431640625, unit: 'GB', unitPriceUsd: '0.08', monthlyUsd: '0.762939453125' }),
      expect.objectContaining({ name: 'Data retrieved (2 shared-throughput consumers)', quantity: 19.073486328125, unit: 'GB', unitPriceUsd: '0.04', monthlyUsd: '0.762939453125' }),
    ]);
    expect(bill.monthlyUsd).toBe('30.72587890625');
    expect(bill.notes).toEqual(['10,000,000 records a month, 0.5 KB each; 2 consumers']);
  });

  it('provisioned: shard-hours and 25 KB PUT payload units; retention beyond a day and enhanced fan-out are extra', () => {
    const bill = stream({ capacityMode: 'provisioned', shardCount: 2, retentionHours: 48, enhancedFanOutConsumers: 1, usage: { monthlyRequests: 10_000_000, requestSizeKb: 30 } });
    expect(bill.line('Shards (2)')).toMatchObject({ quantity: 1460, unit: 'shard-hours', unitPriceUsd: '0.015', monthlyUsd: '21.9' });
    expect(bill.line('PUT payload units (25 KB)')).toMatchObject({ quantity: 20, unit: '1M units', unitPriceUsd: '0.014', monthlyUsd: '0.28' });
    expect(bill.line('Enhanced fan-out (1 consumers × 2 shards)')).toMatchObject({ quantity: 1460, missing: 'no price for kinesis efo-consumer-shard in us-east-1' });
    expect(bill.line('Extended retention (up to 48 hours, 2 shards)')).toMatchObject({ quantity: 1460, missing: 'no price for kinesis extended-retention in us-east-1' });
    expect(bill.monthlyUsd).toBe('22.18');
    expect(bill.notes).toEqual(['10,000,000 records a month, 30 KB each; 2 consumers (1 with enhanced fan-out)']);
  });

  it('compare mode: Event Hubs throughput units become provisioned shards', () => {
    const bill = billOf('hub', [{ id: 'hub', type: 'azure.event-hubs', config: { throughputUnits: 2 } }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(bill.mapping).toBe('Azure Event Hubs → Amazon Kinesis Data Streams (2 shards) (same class: stream); 2 throughput units → 2 provisioned shards');
    expect(bill.line('Shards (2)').monthlyUsd).toBe('21.9');
  });
});
