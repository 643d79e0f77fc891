import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.msk', () => {
  it('broker hours × brokers plus storage per broker', () => {
    const bill = billOf('kafka', [{ id: 'kafka', type: 'kafka', config: { instanceType: 'kafka.t3.small' } }]);
    expect(bill.product).toBe('Amazon MSK (3 × kafka.t3.small)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Broker instances (on-demand, 3 × kafka.t3.small)', quantity: 2190, unit: 'hours', unitPriceUsd: '0.0456', monthlyUsd: '99.864' }),
      expect.objectContaining({ name: 'Broker storage (100 GB × 3)', quantity: 300, unit: 'GB-months', unitPriceUsd: '0.1', monthlyUsd: '30' }),
    ]);
    expect(bill.monthlyUsd).toBe('129.864');
    expect(bill.notes).toEqual(['data transfer between brokers in different zones is free on MSK']);
  });

  it('a broker size the book lacks is an unknown line', () => {
    const bill = billOf('kafka', [{ id: 'kafka', type: 'kafka' }]);
    expect(bill.line('Broker instances (on-demand, 3 × kafka.m5.large)')).toMatchObject({ monthlyUsd: null, missing: 'no price for msk kafka.m5.large in us-east-1' });
    expect(bill.line('Broker storage (100 GB × 3)').monthlyUsd).toBe('30');
  });

  it('Kafka with managed: false is not MSK: it goes to the self-hosted pricer', () => {
    const bill = billOf('kafka', [{ id: 'kafka', type: 'kafka', config: { managed: false, instanceType: 'm6i.large' } }]);
    expect(bill.product).toBe('Apache Kafka on 3 × m6i.large (self-hosted)');
  });
});
