import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests, usage } from '../helpers';
import { count, outgoing } from './links';

/** Record size when no `usage.requestSizeKb` is given, in KB. */
export const DEFAULT_RECORD_SIZE_KB = 1;
/** Provisioned mode bills PUT payload units of 25 KB; on-demand rounds each record up to 1 KB. */
const PUT_UNIT_KB = 25;
/** Retention included in the stream price, and the end of the extended (up to 7 days) retention window, in hours. */
const INCLUDED_RETENTION_HOURS = 24;
const EXTENDED_RETENTION_HOURS = 168;
/** A provisioned shard takes 1,000 records/s or 1 MB/s in. */
const SHARD_RECORDS_PER_SECOND = 1000;
const SHARD_KB_PER_SECOND = 1024;
const KB_PER_GB = 1024 * 1024;

/**
 * Kinesis Data Streams. On-demand: the stream per hour, data ingested per GB (records rounded up to 1 KB) and data
 * retrieved per GB by each shared-throughput consumer. Provisioned: shard-hours and PUT payload units (25 KB each).
 * Enhanced fan-out consumers, retention beyond 24 hours (extended up to 7 days, long-term beyond) are added when
 * configured. Consumers are the stream's outgoing `consume`/`stream` connections; the first `enhancedFanOutConsumers`
 * of them use enhanced fan-out. Event Hubs maps throughput units to provisioned shards.
 */
export default definePricer({
  id: 'aws.kinesis',
  cloud: 'aws',
  equivalence: ['stream'],
  price(ctx) {
    const records = monthlyRequests(ctx);
    const sizeKb = usage(ctx).requestSizeKb ?? DEFAULT_RECORD_SIZE_KB;
    const throughputUnits = ctx.config.throughputUnits as number | undefined;
    const mode = (ctx.config.capacityMode as string | undefined) ?? (throughputUnits !== undefined ? 'provisioned' : 'on-demand');
    const shards = (ctx.config.shardCount as number | undefined) ?? throughputUnits ?? 1;
    const retentionDays = ctx.config.retentionDays as number | undefined;
    const retentionHours = (ctx.config.retentionHours as number | undefined) ?? (retentionDays !== undefined ? retentionDays * 24 : INCLUDED_RETENTION_HOURS);
    const consumers = outgoing(ctx, ['consume', 'stream']).length;
    const efo = (ctx.config.enhancedFanOutConsumers as number | undefined) ?? 0;
    const shared = Math.max(0, consumers - efo);
    const billedKb = mode === 'on-demand' ? Math.max(1, Math.ceil(sizeKb)) : sizeKb;
    const dataInGb = (records * billedKb) / KB_PER_GB;
    const dataPerHourGb = dataInGb / 730;
    const items: CostItem[] = [];
    const notes = [`${count(records)} records a month, ${sizeKb} KB each${usage(ctx).requestSizeKb === undefined ? ' (default; set usage.requestSizeKb)' : ''}; ${consumers} consumer${consumers === 1 ? '' : 's'}${efo > 0 ? ` (${efo} with enhanced fan-out)` : ''}`];

    if (mode === 'on-demand') {
      items.push(
        { name: 'Stream (on-demand)', quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'aws', service: 'kinesis', sku: 'on-demand-stream' }, usageBased: false },
        { name: 'Data ingested', quantity: dataInGb, unit: 'GB', price: { cloud: 'aws', service: 'kinesis', sku: 'on-demand-data-in' }, usageBased: true },
        {
          name: `Data retrieved (${shared} shared-throughput consumer${shared === 1 ? '' : 's'})`,
          quantity: dataInGb * shared,
          unit: 'GB',
          price: { cloud: 'aws', service: 'kinesis', sku: 'on-demand-data-out' },
          usageBased: true,
        },
      );
      if (efo > 0) {
        items.push({ name: `Enhanced fan-out data retrieved (${efo} consumers)`, quantity: dataInGb * efo, unit: 'GB', price: { cloud: 'aws', service: 'kinesis', sku: 'on-demand-efo-data-out' }, usageBased: true });
      }
      if (retentionHours > INCLUDED_RETENTION_HOURS) {
        const hours = Math.min(retentionHours, EXTENDED_RETENTION_HOURS) - INCLUDED_RETENTION_HOURS;
        items.push({
          name: `Extended retention (24 hours to ${Math.min(retentionHours, EXTENDED_RETENTION_HOURS)} hours)`,
          quantity: dataPerHourGb * hours,
          unit: 'GB-months',
          price: { cloud: 'aws', service: 'kinesis', sku: 'on-demand-extended-retention' },
          usageBased: true,
        });
      }
    } else {
      const putUnits = records * Math.max(1, Math.ceil(sizeKb / PUT_UNIT_KB));
      items.push(
        { name: `Shards (${shards})`, quantity: monthlyHours(shards), unit: 'shard-hours', price: { cloud: 'aws', service: 'kinesis', sku: 'shard' }, usageBased: false },
        { name: 'PUT payload units (25 KB)', quantity: putUnits / 1e6, unit: '1M units', price: { cloud: 'aws', service: 'kinesis', sku: 'put-payload-units' }, usageBased: true },
      );
      if (efo > 0) {
        items.push(
          {
            name: `Enhanced fan-out (${efo} consumers × ${shards} shards)`,
            quantity: monthlyHours(efo * shards),
            unit: 'consumer-shard-hours',
            price: { cloud: 'aws', service: 'kinesis', sku: 'efo-consumer-shard' },
            usageBased: false,
          },
          { name: `Enhanced fan-out data retrieved (${efo} consumers)`, quantity: dataInGb * efo, unit: 'GB', price: { cloud: 'aws', service: 'kinesis', sku: 'efo-data-out' }, usageBased: true },
        );
      }
      if (retentionHours > INCLUDED_RETENTION_HOURS) {
        items.push({
          name: `Extended retention (up to ${Math.min(retentionHours, EXTENDED_RETENTION_HOURS)} hours, ${shards} shards)`,
          quantity: monthlyHours(shards),
          unit: 'shard-hours',
          price: { cloud: 'aws', service: 'kinesis', sku: 'extended-retention' },
          usageBased: false,
        });
      }
      const peakRatio = ctx.load.averageRps > 0 ? ctx.load.peakRps / ctx.load.averageRps : 1;
      const peakRecords = (records / SECONDS_PER_MONTH) * peakRatio;
      const needed = Math.ceil(Math.max(peakRecords / SHARD_RECORDS_PER_SECOND, (peakRecords * sizeKb) / SHARD_KB_PER_SECOND));
      if (needed > shards) notes.push(`peak traffic (${Math.round(peakRecords)} records/s) needs about ${needed} shards; ${shards} provisioned, so writes above that are throttled`);
    }
    if (retentionHours > EXTENDED_RETENTION_HOURS) {
      items.push({
        name: `Long-term retention (beyond 7 days, to ${retentionHours} hours)`,
        quantity: dataPerHourGb * (retentionHours - EXTENDED_RETENTION_HOURS),
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'kinesis', sku: 'long-term-retention' },
        usageBased: true,
      });
    }
    const mapping = throughputUnits !== undefined && ctx.config.capacityMode === undefined ? `${throughputUnits} throughput units → ${shards} provisioned shards` : undefined;
    return { product: `Amazon Kinesis Data Streams (${mode === 'on-demand' ? 'on-demand' : `${shards} shards`})`, items, notes, ...(mapping && { mapping }) };
  },
});
