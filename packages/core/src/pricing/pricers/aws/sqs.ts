import { definePricer } from '../define';
import { count } from '../../../format';
import { monthlyRequests, usage } from '../helpers';

/**
 * SQS bills API requests in 64 KB chunks. Each message costs at least three requests (send, receive, delete); larger
 * messages cost one request per started 64 KB. Tiers (first 1M free per month, then volume steps) come from the book.
 */
export default definePricer({
  id: 'aws.sqs',
  cloud: 'aws',
  equivalence: ['queue'],
  price(ctx) {
    const messages = monthlyRequests(ctx);
    const chunks = Math.max(1, Math.ceil((usage(ctx).requestSizeKb ?? 1) / 64));
    const fifo = ctx.config.fifo === true;
    const requests = messages * 3 * chunks;
    return {
      product: fifo ? 'Amazon SQS (FIFO)' : 'Amazon SQS (standard)',
      items: [
        {
          name: `Requests (send, receive, delete${chunks > 1 ? ` × ${chunks} chunks of 64 KB` : ''})`,
          quantity: requests / 1e6,
          unit: '1M requests',
          price: { cloud: 'aws', service: 'sqs', sku: fifo ? 'fifo-requests' : 'standard-requests' },
          usageBased: true,
        },
      ],
      notes: [`${count(messages)} messages a month × 3 requests each`],
    };
  },
});
