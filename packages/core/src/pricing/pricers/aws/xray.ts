import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import { getComponentDef } from '../../../catalog/catalog';
import type { PricerContext } from '../../types';
import { definePricer } from '../define';
import { count, incoming, monthlyLoadOf } from './links';

/** Fraction of requests traced beyond the reservoir when the config gives no `samplingRate` (X-Ray's default rule). */
export const DEFAULT_SAMPLING_RATE = 0.05;
/** Requests traced every second before the sampling rate applies (X-Ray's default rule). */
export const DEFAULT_RESERVOIR_PER_SECOND = 1;

/**
 * The requests a tracing backend sees: `usage.monthlyRequests` when given; else the busiest component sending it
 * telemetry (a trace starts at the first traced service, so the busiest sender bounds the traced requests from below);
 * else, with no telemetry connections, every request entering the system at the clients.
 */
export function tracedRequests(ctx: PricerContext): { requests: number; basis: string } {
  const usage = ctx.config.usage as { monthlyRequests?: number } | undefined;
  if (usage?.monthlyRequests !== undefined) return { requests: usage.monthlyRequests, basis: 'usage.monthlyRequests' };
  const senders = incoming(ctx, ['telemetry']);
  if (senders.length > 0) {
    let busiest = senders[0]!;
    for (const link of senders) if (monthlyLoadOf(ctx, link.other.id) > monthlyLoadOf(ctx, busiest.other.id)) busiest = link;
    return { requests: monthlyLoadOf(ctx, busiest.other.id), basis: `requests handled by ${busiest.other.label ?? busiest.other.id}, the busiest component sending it telemetry` };
  }
  const clients = ctx.doc.components.filter((c) => getComponentDef(c.type)?.roles.includes('entrypoint'));
  const total = clients.reduce((sum, c) => sum + monthlyLoadOf(ctx, c.id), 0);
  return { requests: total, basis: 'no telemetry connections: every request entering the system' };
}

/**
 * AWS X-Ray: traces recorded per million. Traced requests per second = the reservoir (default 1/s) plus the sampling
 * rate of the rest, on the average rate. Trace retrieval and scans (per million, billed per query) are not included,
 * nor is the free tier (100,000 traces recorded a month per account).
 */
export default definePricer({
  id: 'aws.xray',
  cloud: 'aws',
  equivalence: ['tracing'],
  price(ctx) {
    const { requests, basis } = tracedRequests(ctx);
    const rate = (ctx.config.samplingRate as number | undefined) ?? DEFAULT_SAMPLING_RATE;
    const reservoir = (ctx.config.reservoirPerSecond as number | undefined) ?? DEFAULT_RESERVOIR_PER_SECOND;
    const perSecond = requests / SECONDS_PER_MONTH;
    const tracedPerSecond = Math.min(perSecond, reservoir) + rate * Math.max(0, perSecond - reservoir);
    const traces = tracedPerSecond * SECONDS_PER_MONTH;
    return {
      product: 'AWS X-Ray',
      items: [{ name: `Traces recorded (${count(traces)})`, quantity: traces / 1e6, unit: '1M traces', price: { cloud: 'aws', service: 'xray', sku: 'traces-recorded' }, usageBased: true }],
      notes: [
        `${count(requests)} requests a month (${basis}); ${reservoir}/s reservoir + ${rate * 100} % of the rest traced`,
        'trace retrieval and scans, and the free 100,000 traces a month, not included',
      ],
    };
  },
});
