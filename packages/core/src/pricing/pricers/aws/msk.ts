import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { chooseInstance } from '../vm';

/** Broker size when the config names none and gives no vCPUs. */
export const DEFAULT_BROKER_TYPE = 'kafka.m5.large';

/**
 * Amazon MSK (provisioned): broker instance-hours × brokers plus EBS storage per broker per GB-month. Data transfer
 * between brokers in different zones is free on MSK. Kafka with `managed: false` is priced by the self-hosted pricer.
 */
export default definePricer({
  id: 'aws.msk',
  cloud: 'aws',
  equivalence: ['managed-kafka'],
  when: (config) => config.managed !== false,
  price(ctx) {
    const { sku, mapping } = chooseInstance(ctx, { cloud: 'aws', service: 'msk', defaultSku: DEFAULT_BROKER_TYPE, sizeService: 'ec2', prefix: 'kafka.' });
    const brokers = (ctx.config.brokers as number | undefined) ?? 3;
    const storageGb = (ctx.config.storageGb as number | undefined) ?? 100;
    const items: CostItem[] = [
      {
        name: `Broker instances (${termLabel(ctx.term)}, ${brokers} × ${sku})`,
        quantity: monthlyHours(brokers),
        unit: 'hours',
        price: { cloud: 'aws', service: 'msk', sku, term: ctx.term },
        usageBased: false,
      },
      {
        name: `Broker storage (${storageGb} GB × ${brokers})`,
        quantity: storageGb * brokers,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'msk', sku: 'storage' },
        usageBased: false,
      },
    ];
    const notes = ['data transfer between brokers in different zones is free on MSK'];
    return { product: `Amazon MSK (${brokers} × ${sku})`, sku, items, notes, ...(mapping && { mapping }) };
  },
});
