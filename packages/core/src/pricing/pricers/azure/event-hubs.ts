import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests, termLabel, usage } from '../helpers';
import { count, isForeign, managed, num, plural } from '../gcp/common';

/** Ingress events are billed in 64 KB units. */
export const EVENT_CHUNK_KB = 64;
/** Event size when no `usage.requestSizeKb` is given. */
export const DEFAULT_EVENT_SIZE_KB = 1;
/** One throughput unit takes 1 MB/s or 1,000 events/s in. */
export const TU_EVENTS_PER_SECOND = 1000;
export const TU_MB_PER_SECOND = 1;

const OWN_TYPES = ['azure.event-hubs'];

/**
 * Azure Event Hubs (also the managed Kafka endpoint). Basic and Standard: throughput units per hour (configured, a
 * Kinesis stream's shard count, or enough for the peak traffic: 1 MB/s or 1,000 events/s each) plus ingress events per
 * million, counted in 64 KB units; Capture per throughput-unit hour. Premium: processing units per hour. Dedicated:
 * capacity units per hour.
 */
export default definePricer({
  id: 'azure.event-hubs',
  cloud: 'azure',
  equivalence: ['stream', 'managed-kafka'],
  when: managed,
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const tier = (c.sku as string | undefined) ?? 'Standard';
    const term = termLabel(ctx.term);
    const sizeKb = u.requestSizeKb ?? DEFAULT_EVENT_SIZE_KB;
    const events = monthlyRequests(ctx);
    const items: CostItem[] = [];
    const notes: string[] = [];
    let mapping: string | undefined;
    if (tier === 'Premium' || tier === 'Dedicated') {
      const units = tier === 'Premium' ? ((c.processingUnits as number | undefined) ?? 1) : ((c.capacityUnits as number | undefined) ?? 1);
      const sku = tier === 'Premium' ? 'premium-processing-unit' : 'dedicated-capacity-unit';
      items.push({ name: `${tier === 'Premium' ? 'Processing' : 'Capacity'} units (${term}, ${units})`, quantity: monthlyHours(units), unit: 'hours', price: { cloud: 'azure', service: 'event-hubs', sku, term: ctx.term }, usageBased: false });
      notes.push(`ingress included in ${tier}`);
    } else {
      const prefix = tier === 'Basic' ? 'basic' : 'standard';
      const peakMbps = (ctx.load.peakRps * sizeKb) / 1024;
      const needed = Math.max(1, Math.ceil(Math.max(ctx.load.peakRps / TU_EVENTS_PER_SECOND, peakMbps / TU_MB_PER_SECOND) - 1e-9));
      const shards = c.capacityMode === 'provisioned' ? (c.shardCount as number | undefined) : undefined;
      const units = (c.throughputUnits as number | undefined) ?? shards ?? needed;
      const chunks = Math.max(1, Math.ceil(sizeKb / EVENT_CHUNK_KB));
      items.push(
        { name: `Throughput units (${term}, ${tier} × ${units})`, quantity: monthlyHours(units), unit: 'hours', price: { cloud: 'azure', service: 'event-hubs', sku: `${prefix}-throughput-unit`, term: ctx.term }, usageBased: false },
        { name: `Ingress events${chunks > 1 ? ` (× ${chunks} chunks of 64 KB)` : ''}`, quantity: (events * chunks) / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'event-hubs', sku: `${prefix}-ingress-events` }, usageBased: true },
      );
      if (c.capture === true) {
        items.push({ name: `Capture (${units} throughput units)`, quantity: monthlyHours(units), unit: 'hours', price: { cloud: 'azure', service: 'event-hubs', sku: 'standard-capture' }, usageBased: false });
      }
      notes.push(`${count(events)} events a month × ${num(sizeKb)} KB${u.requestSizeKb === undefined ? ' (default; set usage.requestSizeKb)' : ''}`);
      if (c.throughputUnits === undefined) {
        notes.push(
          shards !== undefined
            ? `${units} throughput units for ${units} Kinesis shards (1 MB/s in each)`
            : `${units} throughput unit${units > 1 ? 's' : ''} for a peak of ${num(ctx.load.peakRps)} events/s (${num(peakMbps)} MB/s)`,
        );
      }
      if (isForeign(ctx, OWN_TYPES)) mapping = `${ctx.def.equivalence === 'managed-kafka' ? `Kafka topics on the Event Hubs ${tier} Kafka endpoint` : tier}, ${plural(units, 'throughput unit')}`;
      if (ctx.def.equivalence === 'managed-kafka' && (c.retentionHours as number | undefined ?? 0) > 168) notes.push('retention beyond 7 days needs Premium or Dedicated');
    }
    return { product: `Azure Event Hubs ${tier}`, items, notes, ...(mapping && { mapping }) };
  },
});
