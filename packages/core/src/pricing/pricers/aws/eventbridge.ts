import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests, usage } from '../helpers';
import { count } from './links';

/** Events are billed per started 64 KB. */
const CHUNK_KB = 64;
const KB_PER_GB = 1024 * 1024;
const DAYS_PER_MONTH = 30;

/**
 * EventBridge event buses: events published per million (each started 64 KB is one event) — custom events on custom
 * and default buses, partner events on partner buses; AWS service events are free and not in the traffic model.
 * Deliveries to targets are free (API destinations are not modelled). An archive adds the GB archived and the GB-months
 * kept for the retention period.
 */
export default definePricer({
  id: 'aws.eventbridge',
  cloud: 'aws',
  equivalence: ['event-bus'],
  price(ctx) {
    const events = monthlyRequests(ctx);
    const sizeKb = usage(ctx).requestSizeKb ?? 1;
    const chunks = Math.max(1, Math.ceil(sizeKb / CHUNK_KB));
    const partner = ctx.config.busType === 'partner';
    const items: CostItem[] = [
      {
        name: `${partner ? 'Partner' : 'Custom'} events published (${count(events)}${chunks > 1 ? ` × ${chunks} chunks of 64 KB` : ''})`,
        quantity: (events * chunks) / 1e6,
        unit: '1M events',
        price: { cloud: 'aws', service: 'eventbridge', sku: partner ? 'partner-events' : 'custom-events' },
        usageBased: true,
      },
    ];
    const notes = [`${count(events)} events a month, ${sizeKb} KB each${usage(ctx).requestSizeKb === undefined ? ' (default; set usage.requestSizeKb)' : ''}; deliveries to targets are free`];
    if (ctx.config.busType === 'default') notes.push('default bus: AWS service events are free; events your code puts on it are billed as custom events');
    if (ctx.config.archive === true) {
      const archivedGb = (events * sizeKb) / KB_PER_GB;
      const retentionDays = (ctx.config.archiveRetentionDays as number | undefined) ?? 0;
      const storedGb = retentionDays > 0 ? (archivedGb * retentionDays) / DAYS_PER_MONTH : archivedGb;
      items.push(
        { name: 'Archive processing', quantity: archivedGb, unit: 'GB', price: { cloud: 'aws', service: 'eventbridge', sku: 'archive-processing' }, usageBased: true },
        {
          name: `Archive storage (${retentionDays > 0 ? `${retentionDays} days` : 'kept indefinitely'})`,
          quantity: storedGb,
          unit: 'GB-months',
          price: { cloud: 'aws', service: 'eventbridge', sku: 'archive-storage' },
          usageBased: true,
        },
      );
      notes.push(retentionDays > 0 ? `archive holds ${retentionDays} days of events` : 'archive kept indefinitely: one month of events priced; storage grows every month');
    }
    return { product: 'Amazon EventBridge', items, notes };
  },
});
