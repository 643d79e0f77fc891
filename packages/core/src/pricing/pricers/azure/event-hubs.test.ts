import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.event-hubs', () => {
  it('Standard: throughput-unit hours and ingress events in 64 KB units; Capture per throughput unit (not in the book)', () => {
    const bill = azureBill('s', [{ id: 's', type: 'azure.event-hubs', config: { throughputUnits: 2, capture: true, usage: { monthlyMessages: 100_000_000, requestSizeKb: 80 } } }]);
    expect(bill.product).toBe('Azure Event Hubs Standard');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Throughput units (on-demand, Standard × 2)', quantity: 1460, unit: 'hours', unitPriceUsd: '0.03', monthlyUsd: '43.8' }),
      expect.objectContaining({ name: 'Ingress events (× 2 chunks of 64 KB)', quantity: 200, unit: '1M requests', unitPriceUsd: '0.028', monthlyUsd: '5.6' }),
      expect.objectContaining({ name: 'Capture (2 throughput units)', quantity: 1460, monthlyUsd: null, missing: 'no price for event-hubs standard-capture in eastus' }),
    ]);
    expect(bill.notes).toEqual(['100,000,000 events a month × 80 KB']);
  });

  it('Premium bills processing units, ingress included', () => {
    const bill = azureBill('s', [{ id: 's', type: 'azure.event-hubs', config: { sku: 'Premium', processingUnits: 2 } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([['Processing units (on-demand, 2)', 1460, null]]);
  });

  it('compare mode: Kafka gets enough throughput units for its peak traffic; Kinesis shards map one to one', () => {
    const components = [
      { id: 'web', type: 'client.web' },
      { id: 'svc', type: 'service' },
      { id: 'k', type: 'kafka' },
    ];
    const connections = [
      { from: 'web', to: 'svc', type: 'http' },
      { from: 'svc', to: 'k', type: 'publish' },
    ];
    const kafka = azureBill('k', components, connections, { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 3000 } }, 'azure');
    expect(kafka.mapping).toBe('Kafka topics on the Event Hubs Standard Kafka endpoint, 3 throughput units');
    expect(kafka.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Throughput units (on-demand, Standard × 3)', 2190, '65.7'],
      ['Ingress events', 2628, '73.584'],
    ]);
    expect(kafka.notes[1]).toBe('3 throughput units for a peak of 3000 events/s (2.93 MB/s)');
    const kinesis = azureBill('k', [{ id: 'k', type: 'aws.kinesis', config: { capacityMode: 'provisioned', shardCount: 4, usage: { monthlyMessages: 10_000_000 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(kinesis.mapping).toBe('Amazon Kinesis Data Streams → Azure Event Hubs Standard (same class: stream); Standard, 4 throughput units');
    expect(kinesis.monthlyUsd).toBe('87.88');
  });
});
