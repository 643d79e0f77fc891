import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests, termLabel, usage } from '../helpers';
import { count, isForeign, recordFor, subscriberCount } from '../gcp/common';

/** Service Bus bills messaging operations in 64 KB units. */
export const OPERATION_CHUNK_KB = 64;
/** Operations the Standard tier's base fee includes each month. */
export const STANDARD_INCLUDED_OPERATIONS = 13_000_000;

const OWN_TYPES = ['azure.service-bus'];

/**
 * Azure Service Bus. A queue message costs three operations (send, receive, complete); a topic message one send plus
 * a receive and a complete per subscription (the topic's outgoing `consume` connections); each per started 64 KB.
 * Basic: operations only. Standard (also for topics): the base fee per namespace plus the operations beyond the 13M a
 * month it includes. Premium: messaging units per hour, operations included.
 */
export default definePricer({
  id: 'azure.service-bus',
  cloud: 'azure',
  equivalence: ['queue', 'pubsub'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const topic = ctx.def.equivalence === 'pubsub';
    const asked = (c.sku as string | undefined) ?? 'Standard';
    // topics need Standard or Premium
    const tier = topic && asked === 'Basic' ? 'Standard' : asked;
    const messages = monthlyRequests(ctx);
    const chunks = Math.max(1, Math.ceil((usage(ctx).requestSizeKb ?? 1) / OPERATION_CHUNK_KB));
    const subscriptions = topic ? subscriberCount(ctx) : 1;
    const perMessage = topic ? 1 + 2 * subscriptions : 3;
    const operations = messages * perMessage * chunks;
    const how = `${count(messages)} messages a month × ${perMessage} operations (${topic ? `send, then receive and complete for ${subscriptions} subscription${subscriptions > 1 ? 's' : ''}` : 'send, receive, complete'})${chunks > 1 ? ` × ${chunks} chunks of 64 KB` : ''} = ${count(operations)} operations`;
    const items: CostItem[] = [];
    const notes: string[] = [];
    if (tier === 'Premium') {
      const units = (c.messagingUnits as number | undefined) ?? 1;
      items.push({
        name: `Messaging units (${termLabel(ctx.term)}, Premium × ${units})`,
        quantity: monthlyHours(units),
        unit: 'hours',
        price: { cloud: 'azure', service: 'service-bus', sku: 'premium-messaging-unit', term: ctx.term },
        usageBased: false,
      });
      notes.push(`${how}, included in Premium`);
    } else if (tier === 'Basic') {
      items.push({ name: 'Operations (Basic)', quantity: operations / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'service-bus', sku: 'basic-operations' }, usageBased: true });
      notes.push(how);
    } else {
      const base = recordFor(ctx, { cloud: 'azure', service: 'service-bus', sku: 'standard-base' });
      // the book has this fee per hour in some regions and per month in others: follow the record's unit
      const monthly = base?.unit === 'month';
      items.push(
        { name: 'Standard base fee (namespace)', quantity: monthly ? 1 : monthlyHours(1), unit: monthly ? 'months' : 'hours', price: { cloud: 'azure', service: 'service-bus', sku: 'standard-base' }, usageBased: false },
        {
          name: `Operations beyond the ${STANDARD_INCLUDED_OPERATIONS / 1e6}M included`,
          quantity: Math.max(0, operations - STANDARD_INCLUDED_OPERATIONS) / 1e6,
          unit: '1M requests',
          price: { cloud: 'azure', service: 'service-bus', sku: 'standard-operations' },
          usageBased: true,
        },
      );
      notes.push(how);
    }
    if (tier !== asked) notes.push('topics need the Standard tier: priced as Standard');
    const mapping = isForeign(ctx, OWN_TYPES) ? `a ${tier} ${topic ? `topic with ${subscriptions} subscription${subscriptions > 1 ? 's' : ''}` : 'queue'}` : undefined;
    return { product: `Azure Service Bus ${tier}${topic ? ' (topic)' : ''}`, items, notes, ...(mapping && { mapping }) };
  },
});
