import type { PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests, usage } from '../helpers';
import { count, isForeign, KB_PER_GB, num, subscriberCount } from './common';

/** Message size when no `usage.requestSizeKb` is given. */
export const DEFAULT_MESSAGE_SIZE_KB = 1;
/** Pub/Sub bills every published and every delivered message as at least 1 KB. */
export const MIN_BILLED_MESSAGE_KB = 1;

const OWN_TYPES = ['gcp.pubsub'];

/**
 * Pub/Sub: message throughput per GB, counting each message once when published and once per subscription it is
 * delivered to, each at least 1 KB. Subscriptions are the topic's outgoing `consume` connections (at least one; a
 * queue has one). Retained acknowledged messages and topic retention storage are not priced; the first 10 GB a month
 * (per billing account) are not deducted.
 */
export default definePricer({
  id: 'gcp.pubsub',
  cloud: 'gcp',
  equivalence: ['pubsub', 'queue'],
  price(ctx): PricerResult {
    const messages = monthlyRequests(ctx);
    const u = usage(ctx);
    const sizeKb = u.requestSizeKb ?? DEFAULT_MESSAGE_SIZE_KB;
    const billedKb = Math.max(MIN_BILLED_MESSAGE_KB, sizeKb);
    const subscriptions = subscriberCount(ctx);
    const gbPerPass = (messages * billedKb) / KB_PER_GB;
    const notes = [
      `${count(messages)} messages a month × ${num(billedKb)} KB${sizeKb < MIN_BILLED_MESSAGE_KB ? ` (${num(sizeKb)} KB billed as ${MIN_BILLED_MESSAGE_KB} KB)` : ''}${u.requestSizeKb === undefined ? ' (default; set usage.requestSizeKb)' : ''}, published once and delivered to ${subscriptions} subscription${subscriptions > 1 ? 's' : ''}`,
      'free 10 GB a month (per billing account) not applied',
    ];
    const mapping = isForeign(ctx, OWN_TYPES) ? `a topic with ${subscriptions} subscription${subscriptions > 1 ? 's' : ''}` : undefined;
    return {
      product: 'Pub/Sub',
      items: [
        { name: 'Message publishing throughput', quantity: gbPerPass, unit: 'GB', price: { cloud: 'gcp', service: 'pubsub', sku: 'throughput' }, usageBased: true },
        {
          name: `Message delivery throughput (${subscriptions} subscription${subscriptions > 1 ? 's' : ''})`,
          quantity: gbPerPass * subscriptions,
          unit: 'GB',
          price: { cloud: 'gcp', service: 'pubsub', sku: 'throughput' },
          usageBased: true,
        },
      ],
      notes,
      ...(mapping && { mapping }),
    };
  },
});
