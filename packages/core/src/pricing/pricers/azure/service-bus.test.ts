import { describe, expect, it } from 'vitest';
import { azureBill } from '../../../testing/price-slice-azure';

describe('azure.service-bus', () => {
  it('Standard: the base fee plus operations beyond the 13M included (send, receive, complete per message)', () => {
    const bill = azureBill('q', [{ id: 'q', type: 'azure.service-bus', config: { usage: { monthlyMessages: 30_000_000 } } }]);
    expect(bill.product).toBe('Azure Service Bus Standard');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Standard base fee (namespace)', quantity: 730, unit: 'hours', unitPriceUsd: '0.013441', monthlyUsd: '9.81193' }),
      expect.objectContaining({ name: 'Operations beyond the 13M included', quantity: 77, unit: '1M requests', unitPriceUsd: '0.8', monthlyUsd: '61.6' }),
    ]);
    expect(bill.monthlyUsd).toBe('71.41193');
    expect(bill.notes).toEqual(['30,000,000 messages a month × 3 operations (send, receive, complete) = 90,000,000 operations']);
  });

  it('the base fee follows the unit of the region\'s record (a monthly fee in westus2); messages over 64 KB cost more operations', () => {
    const bill = azureBill('q', [{ id: 'q', type: 'azure.service-bus', config: { usage: { monthlyMessages: 1_000_000, requestSizeKb: 100 } } }], [], { cloud: 'azure', region: 'westus2' });
    expect(bill.line('Standard base fee (namespace)')).toMatchObject({ quantity: 1, unit: 'months', unitPriceUsd: '10', monthlyUsd: '10' });
    expect(bill.line('Operations beyond the 13M included')).toMatchObject({ quantity: 0, monthlyUsd: '0' });
    expect(bill.notes).toEqual(['1,000,000 messages a month × 3 operations (send, receive, complete) × 2 chunks of 64 KB = 6,000,000 operations']);
  });

  it('Premium bills messaging units; Basic bills operations (neither in the book)', () => {
    const premium = azureBill('q', [{ id: 'q', type: 'azure.service-bus', config: { sku: 'Premium', messagingUnits: 2 } }]);
    expect(premium.line('Messaging units (on-demand, Premium × 2)')).toMatchObject({ quantity: 1460, missing: 'no price for service-bus premium-messaging-unit in eastus' });
    const basic = azureBill('q', [{ id: 'q', type: 'azure.service-bus', config: { sku: 'Basic', usage: { monthlyMessages: 1_000_000 } } }]);
    expect(basic.line('Operations (Basic)')).toMatchObject({ quantity: 3, missing: 'no price for service-bus basic-operations in eastus' });
  });

  it('compare mode: an SNS topic becomes a Standard topic, one receive and complete per subscription', () => {
    const components = [
      { id: 't', type: 'aws.sns', config: { usage: { monthlyMessages: 10_000_000 } } },
      { id: 'a', type: 'service' },
      { id: 'b', type: 'service' },
      { id: 'c', type: 'service' },
    ];
    const connections = ['a', 'b', 'c'].map((to) => ({ from: 't', to, type: 'consume' }));
    const bill = azureBill('t', components, connections, { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('Amazon SNS → Azure Service Bus Standard (topic) (same class: pubsub); a Standard topic with 3 subscriptions');
    expect(bill.line('Operations beyond the 13M included')).toMatchObject({ quantity: 57, monthlyUsd: '45.6' });
    expect(bill.notes).toEqual(['10,000,000 messages a month × 7 operations (send, then receive and complete for 3 subscriptions) = 70,000,000 operations']);
  });
});
