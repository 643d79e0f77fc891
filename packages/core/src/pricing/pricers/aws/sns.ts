import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests, usage } from '../helpers';
import { count, outgoing, type Link } from './links';

/** Publishes and deliveries are billed per started 64 KB of payload. */
const CHUNK_KB = 64;
const KB_PER_GB = 1024 * 1024;

/** Delivery price of a subscriber, by what it is: SQS queues, Lambda functions, Firehose streams, else HTTP(S) endpoints. */
function subscriber(link: Link): { sku: string; name: string } {
  const roles = link.otherDef?.roles ?? [];
  if (roles.includes('queue')) return { sku: 'sqs-deliveries', name: 'SQS' };
  if (roles.includes('serverless')) return { sku: 'lambda-deliveries', name: 'Lambda' };
  if (roles.includes('stream')) return { sku: 'firehose-deliveries', name: 'Amazon Data Firehose' };
  return { sku: 'http-deliveries', name: 'HTTP/S' };
}

/**
 * SNS: publish requests (per 64 KB chunk) plus one delivery per message per subscription, priced by subscriber type —
 * SQS and Lambda (free in AWS's list, kept as lines so the book decides), Amazon Data Firehose, HTTP/S — from the
 * topic's outgoing connections and their loads. FIFO topics bill publishes, deliveries and their payload per GB
 * instead. The monthly free tier (first 1M publishes, 100K HTTP deliveries) is applied only where the book has it as a
 * tier. Email, SMS and mobile push subscribers are not modelled.
 */
export default definePricer({
  id: 'aws.sns',
  cloud: 'aws',
  equivalence: ['pubsub'],
  price(ctx) {
    const publishes = monthlyRequests(ctx);
    const sizeKb = usage(ctx).requestSizeKb ?? 1;
    const chunks = Math.max(1, Math.ceil(sizeKb / CHUNK_KB));
    const fifo = ctx.config.fifo === true;
    const subscriptions = outgoing(ctx).filter((l) => l.connection.type === 'consume' || l.connection.type === 'publish' || l.connection.type === 'stream');
    const items: CostItem[] = [
      {
        name: `Publish requests (${count(publishes)}${chunks > 1 ? ` × ${chunks} chunks of 64 KB` : ''})`,
        quantity: (publishes * chunks) / 1e6,
        unit: '1M requests',
        price: { cloud: 'aws', service: 'sns', sku: fifo ? 'fifo-requests' : 'requests' },
        usageBased: true,
      },
    ];
    const notes = [`${count(publishes)} messages published a month, ${sizeKb} KB each${usage(ctx).requestSizeKb === undefined ? ' (default; set usage.requestSizeKb)' : ''}`];
    if (fifo) {
      const deliveries = subscriptions.reduce((sum, l) => sum + l.load.monthlyRequests, 0);
      items.push(
        { name: 'Publish payload', quantity: (publishes * sizeKb) / KB_PER_GB, unit: 'GB', price: { cloud: 'aws', service: 'sns', sku: 'fifo-payload' }, usageBased: true },
        { name: `Deliveries to SQS (${count(deliveries)})`, quantity: deliveries / 1e6, unit: '1M deliveries', price: { cloud: 'aws', service: 'sns', sku: 'fifo-deliveries' }, usageBased: true },
        { name: 'Delivery payload', quantity: (deliveries * sizeKb) / KB_PER_GB, unit: 'GB', price: { cloud: 'aws', service: 'sns', sku: 'fifo-delivery-payload' }, usageBased: true },
      );
      notes.push('FIFO topics deliver only to SQS queues');
    } else {
      const bySku = new Map<string, { name: string; deliveries: number; subscriptions: number }>();
      for (const link of subscriptions) {
        const { sku, name } = subscriber(link);
        const entry = bySku.get(sku) ?? { name, deliveries: 0, subscriptions: 0 };
        entry.deliveries += link.load.monthlyRequests * chunks;
        entry.subscriptions += 1;
        bySku.set(sku, entry);
      }
      for (const [sku, entry] of bySku) {
        items.push({
          name: `${entry.name} deliveries (${entry.subscriptions} subscription${entry.subscriptions === 1 ? '' : 's'}, ${count(entry.deliveries)})`,
          quantity: entry.deliveries / 1e6,
          unit: '1M deliveries',
          price: { cloud: 'aws', service: 'sns', sku },
          usageBased: true,
        });
      }
    }
    if (subscriptions.length === 0) notes.push('no subscribers connected: no deliveries priced');
    return { product: `Amazon SNS (${fifo ? 'FIFO' : 'standard'})`, items, notes };
  },
});
