// azure/clarchy-azure-prices.yaml (trust C: generated from the Azure Retail Prices API with each meter named, but no
// licence), eastus plus 7 regions, as of 2026-10-02. `source.key` is the meter (product / SKU / meter name).
// Quirks handled: Service Bus "Standard Base Unit" is the hourly API price (0.013441) in eastus, northeurope and
// germanywestcentral although the file's unit says namespace-month, and 10 per month elsewhere, so the record's unit
// follows the value. `manual: true` entries (hand-compiled) are not used. HA ("with standby") PostgreSQL entries are
// exactly twice the single-server price and are not kept as separate records.
import { parse } from 'yaml';
import { divideExact, times } from '../lib/decimal-text';
import { azureVmSpec } from '../lib/instance-specs';
import { readSource } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'azure/clarchy-azure-prices.yaml';

interface Entry {
  price: number;
  unit?: string;
  meter?: string;
  manual?: boolean;
  commit_1yr?: number;
  commit_3yr?: number;
}

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  mul?: string;
  div?: string;
  attributes?: RecordInput['attributes'];
  /** commit_1yr/commit_3yr kind, when they are kept */
  commitment?: 'savings-plan' | 'reservation';
}

const TARGETS: Record<string, Target> = {
  'aks.cluster_hours': { service: 'aks', sku: 'cluster', unit: 'hour', attributes: { tier: 'standard' } },
  'apim.basicv2_hours': { service: 'api-management', sku: 'basic-v2', unit: 'hour' },
  'apim.calls': { service: 'api-management', sku: 'consumption-calls', unit: '1M requests' },
  'appgw.capacity_units': { service: 'application-gateway', sku: 'standard-v2-capacity-unit', unit: 'unit-hour' },
  'appgw.hours': { service: 'application-gateway', sku: 'standard-v2', unit: 'hour' },
  'blob.archive_gb': { service: 'blob', sku: 'storage-archive-lrs', unit: 'GB-month' },
  'blob.reads': { service: 'blob', sku: 'read-operations', unit: '1K requests', attributes: { accessTier: 'hot', redundancy: 'lrs' } },
  'blob.storage_gb': { service: 'blob', sku: 'storage-hot-lrs', unit: 'GB-month' },
  'blob.writes': { service: 'blob', sku: 'write-operations', unit: '1K requests', attributes: { accessTier: 'hot', redundancy: 'lrs' } },
  // Container Apps "Active Usage" meters are per vCPU-hour / GiB-hour; the vocabulary prices per second (÷ 3600, exact)
  'containerapps.vcpu_hours': { service: 'container-apps', sku: 'vcpu', unit: 'vCPU-second', div: '3600', commitment: 'savings-plan' },
  'containerapps.gb_hours': { service: 'container-apps', sku: 'memory', unit: 'GB-second', div: '3600', commitment: 'savings-plan' },
  'cosmos.request_units': { service: 'cosmosdb', sku: 'serverless-request-units', unit: '1M requests' },
  'cosmos.storage_gb': { service: 'cosmosdb', sku: 'storage', unit: 'GB-month' },
  'eventgrid.operations': { service: 'event-grid', sku: 'operations', unit: '1M requests' },
  'eventhubs.events': { service: 'event-hubs', sku: 'standard-ingress-events', unit: '1M requests' },
  'eventhubs.tu_hours': { service: 'event-hubs', sku: 'standard-throughput-unit', unit: 'hour' },
  'frontdoor.base': { service: 'front-door', sku: 'standard-base', unit: 'month' },
  'frontdoor.egress_gb': { service: 'front-door', sku: 'data-out', unit: 'GB' },
  'frontdoor.requests': { service: 'front-door', sku: 'requests', unit: '1M requests', mul: '100' }, // per 10K
  'functions.executions': { service: 'functions', sku: 'executions', unit: '1M requests' },
  'functions.gb_seconds': { service: 'functions', sku: 'execution-time', unit: 'GB-second' },
  'monitor.logs_gb': { service: 'log-analytics', sku: 'ingest', unit: 'GB' },
  'postgres.small.single': { service: 'postgresql-flexible', sku: 'B2s', unit: 'hour', attributes: { tier: 'burstable' }, commitment: 'reservation' },
  'postgres.medium.single': { service: 'postgresql-flexible', sku: 'D2ds_v5', unit: 'hour', attributes: { tier: 'general-purpose' }, commitment: 'reservation' },
  'postgres.large.single': { service: 'postgresql-flexible', sku: 'D4ds_v5', unit: 'hour', attributes: { tier: 'general-purpose' }, commitment: 'reservation' },
  'postgres.storage_gb.single': { service: 'postgresql-flexible', sku: 'storage', unit: 'GB-month' },
  'redis.small': { service: 'managed-redis', sku: 'Balanced_B1', unit: 'hour' },
  'redis.large': { service: 'managed-redis', sku: 'Balanced_B5', unit: 'hour' },
  'servicebus.operations': { service: 'service-bus', sku: 'standard-operations', unit: '1M requests' },
  'vm.node_hours': { service: 'vm', sku: 'Standard_D2s_v5', unit: 'hour', attributes: { os: 'linux', ...azureVmSpec('Standard_D2s_v5') }, commitment: 'savings-plan' },
};

const SKIPPED_ON_PURPOSE = new Set(['postgres.small.multi', 'postgres.medium.multi', 'postgres.large.multi', 'postgres.storage_gb.multi']);

export function loadClarchyAzure(notes: Notes = noNotes): PriceRecord[] {
  const doc = parse(readSource(FILE)) as {
    region_code: string;
    as_of: string;
    prices: Record<string, Entry>;
    regions: Record<string, { prices: Record<string, Entry> }>;
  };
  const records: PriceRecord[] = [];
  const regions: Array<[string, Record<string, Entry>]> = [[doc.region_code, doc.prices], ...Object.entries(doc.regions).map(([r, v]) => [r, v.prices] as [string, Record<string, Entry>])];
  for (const [region, prices] of regions) {
    for (const [name, entry] of Object.entries(prices)) {
      const meter = doc.prices[name]?.meter;
      if (entry.manual || doc.prices[name]?.manual) {
        notes.skip('clarchy-azure', `${name} (manual: hand-compiled)`);
        continue;
      }
      if (SKIPPED_ON_PURPOSE.has(name)) {
        notes.skip('clarchy-azure', 'PostgreSQL "with standby" entries (= 2 × single)');
        continue;
      }
      let target = TARGETS[name];
      if (name === 'servicebus.base') {
        // the API's hourly price where the value is hourly, else the monthly base fee (SOURCES.md quirk)
        target = { service: 'service-bus', sku: 'standard-base', unit: entry.price < 1 ? 'hour' : 'month' };
      }
      if (!target || !meter) {
        notes.skip('clarchy-azure', `${name} (no vocabulary row)`);
        continue;
      }
      const t = target;
      const convert = (value: number) => {
        let out = times(value, t.mul ?? '1');
        if (t.div) out = divideExact(out, t.div);
        return out;
      };
      const base = { cloud: 'azure' as const, service: t.service, sku: t.sku, region, unit: t.unit, file: FILE, trust: 'C' as const, effectiveDate: doc.as_of };
      records.push(priceRecord({ ...base, usd: convert(entry.price), attributes: t.attributes, key: meter }));
      if (!t.commitment) continue;
      for (const [term, value] of [['reserved-1y', entry.commit_1yr], ['reserved-3y', entry.commit_3yr]] as const) {
        if (value === undefined) continue;
        records.push(
          priceRecord({
            ...base,
            term,
            usd: convert(value),
            attributes: { ...t.attributes, commitment: t.commitment },
            key: `${meter} (commit_${term === 'reserved-1y' ? '1yr' : '3yr'})`,
          }),
        );
      }
    }
  }
  return records;
}
