// gcp/cyclenerd-pricing.yml (trust A): Compute Engine, disks, GCS, Cloud NAT and internet egress from the Cloud
// Billing Catalog API, generated 2026-07-30 by Cyclenerd/google-cloud-pricing-cost-calculator.
// Pitfall (SOURCES.md): `month` already includes the sustained-use discount, so it is never used; on-demand and spot
// come from `hour`/`hour_spot`, and committed use from `month_1y`/`month_3y` ÷ 730.
import { parse } from 'yaml';
import { divideRounded } from '../lib/decimal-text';
import { readSource } from '../lib/paths';
import type { Notes, PriceRecord, PriceTerm, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'gcp/cyclenerd-pricing.yml';
const EFFECTIVE_DATE = '2026-07-30';

export const GCP_REGIONS = ['us-central1', 'us-east1', 'europe-west1', 'europe-west4', 'asia-southeast1'];
const MACHINE_FAMILY = /^(e2-(standard|highmem|highcpu)-\d+|e2-(micro|small|medium)|n2-(standard|highmem|highcpu)-\d+|n2d-(standard|highmem|highcpu)-\d+|c3-(standard|highmem|highcpu)-\d+|t2d-standard-\d+|n1-(standard|highmem|highcpu)-\d+)$/;
const MAX_VCPU = 32;
/** Hourly committed-use prices: month_1y/month_3y ÷ 730, to 12 decimal places (exact for almost every value). */
export const HOURS_PER_MONTH = '730';
export const RESERVED_DIGITS = 12;

type Cost = Partial<Record<'hour' | 'hour_spot' | 'month' | 'month_1y' | 'month_3y' | 'month_spot', number>>;
interface Pricing {
  about: { generated: string };
  compute: {
    instance: Record<string, { cpu?: number; ram?: number; cost?: Record<string, Cost> }>;
    storage: Record<string, { type: string; cost: Record<string, Cost> }>;
    network: {
      nat: { data: { cost: Record<string, Cost> }; gateway: { cost: Record<string, Cost> } };
      traffic: { egress: { internet: { cost: Record<string, Record<string, Cost>> } } };
    };
  };
  storage: { bucket: Record<string, { cost: Record<string, Cost> }> };
}

const DISKS: Record<string, string> = {
  hdd: 'pd-standard',
  balanced: 'pd-balanced',
  ssd: 'pd-ssd',
  extreme: 'pd-extreme',
  'hdd-replicated': 'pd-standard-regional',
  'balanced-replicated': 'pd-balanced-regional',
  'ssd-replicated': 'pd-ssd-regional',
  snapshot: 'snapshot',
};

/** bucket class key → sku, and which location keys are what */
const BUCKETS: Record<string, string> = { standard: 'storage-standard', nearline: 'storage-nearline', coldline: 'storage-coldline', archiv: 'storage-archive' };
const MULTI_REGIONS: Record<string, string> = { 'us-multi': 'us', 'europe-multi': 'eu', 'asia-multi': 'asia' };

export function loadCyclenerd(notes: Notes = noNotes): PriceRecord[] {
  const data = parse(readSource(FILE)) as Pricing;
  if (!/Jul 30 .* 2026$/.test(data.about.generated)) throw new Error(`${FILE}: unexpected generation date ${data.about.generated}`);
  const records: PriceRecord[] = [];
  const add = (input: Omit<RecordInput, 'cloud' | 'file' | 'trust' | 'effectiveDate'>) =>
    records.push(priceRecord({ cloud: 'gcp', file: FILE, trust: 'A', effectiveDate: EFFECTIVE_DATE, ...input }));

  // Compute Engine machine types
  for (const [machineType, spec] of Object.entries(data.compute.instance)) {
    if (!MACHINE_FAMILY.test(machineType)) {
      notes.skip('cyclenerd', 'machine types outside the kept families');
      continue;
    }
    if (spec.cpu === undefined || spec.ram === undefined || spec.cpu > MAX_VCPU) {
      notes.skip('cyclenerd', `machine types above ${MAX_VCPU} vCPUs`);
      continue;
    }
    const attributes = { vcpu: spec.cpu, memoryGib: spec.ram };
    for (const region of GCP_REGIONS) {
      const cost = spec.cost?.[region];
      if (!cost) {
        notes.skip('cyclenerd', `${machineType} not offered in ${region}`);
        continue;
      }
      const terms: Array<[PriceTerm, keyof Cost, (v: number) => string | number]> = [
        ['on-demand', 'hour', (v) => v],
        ['spot', 'hour_spot', (v) => v],
        ['reserved-1y', 'month_1y', (v) => divideRounded(v, HOURS_PER_MONTH, RESERVED_DIGITS)],
        ['reserved-3y', 'month_3y', (v) => divideRounded(v, HOURS_PER_MONTH, RESERVED_DIGITS)],
      ];
      for (const [term, field, convert] of terms) {
        const value = cost[field];
        if (value === undefined || !(value > 0)) {
          notes.skip('cyclenerd', `machine-type ${field} missing or 0 (e.g. ${machineType} ${region})`);
          continue;
        }
        add({
          service: 'compute-engine',
          sku: machineType,
          region,
          term,
          unit: 'hour',
          usd: convert(value),
          attributes: term.startsWith('reserved') ? { ...attributes, commitment: 'committed-use' } : attributes,
          key: `compute.instance.${machineType}.cost.${region}.${field}${field.startsWith('month_') ? ' ÷ 730' : ''}`,
        });
      }
    }
  }

  // Persistent disk, per GB-month (`month` is per GB here)
  for (const [name, disk] of Object.entries(data.compute.storage)) {
    const sku = DISKS[name];
    if (!sku) {
      notes.skip('cyclenerd', `disk ${name} (local SSD / hyperdisk: no vocabulary row)`);
      continue;
    }
    for (const region of GCP_REGIONS) {
      const month = disk.cost[region]?.month;
      if (!(month !== undefined && month > 0)) continue;
      add({ service: 'persistent-disk', sku, region, unit: 'GB-month', usd: month, key: `compute.storage.${name}.cost.${region}.month` });
    }
  }

  // Cloud Storage, per GB-month: regional buckets in our regions, and the multi-regions
  for (const [name, bucket] of Object.entries(data.storage.bucket)) {
    const [cls = '', location = ''] = name.split('-');
    const sku = BUCKETS[cls];
    if (!sku || location === 'dual') {
      notes.skip('cyclenerd', 'GCS dual-region and DRA classes');
      continue;
    }
    const regions = location === 'multi' ? Object.keys(bucket.cost) : GCP_REGIONS;
    for (const key of regions) {
      const month = bucket.cost[key]?.month;
      if (!(month !== undefined && month > 0)) continue;
      const region = location === 'multi' ? MULTI_REGIONS[key] : key;
      if (!region) throw new Error(`${FILE}: unknown multi-region ${key}`);
      add({
        service: 'gcs',
        sku,
        region,
        unit: 'GB-month',
        usd: month,
        attributes: { locationType: location === 'multi' ? 'multi-region' : 'region' },
        key: `storage.bucket.${name}.cost.${key}.month`,
      });
    }
  }

  // Cloud NAT: gateway-hour and per GB processed
  for (const region of GCP_REGIONS) {
    const hour = data.compute.network.nat.gateway.cost[region]?.hour;
    const gb = data.compute.network.nat.data.cost[region]?.month;
    // GCP bills gateway uptime per VM using it (0.0014/VM-hour) up to 32 VMs; this figure is the 32-VM cap (32 × 0.0014)
    if (hour)
      add({ service: 'nat-gateway', sku: 'hour', region, unit: 'hour', usd: hour, attributes: { vms: '32-or-more' }, key: `compute.network.nat.gateway.cost.${region}.hour` });
    if (gb) add({ service: 'nat-gateway', sku: 'data', region, unit: 'GB', usd: gb, key: `compute.network.nat.data.cost.${region}.month (per GB)` });
  }

  // Internet egress (worldwide destinations excluding China and Australia): per GiB, tiers 0–1, 1–10, >10 TiB a month
  const egress = data.compute.network.traffic.egress.internet.cost;
  const tierStarts: Record<string, string> = { '0-1': '0', '1-10': '1024', '10n': '10240' };
  for (const region of GCP_REGIONS) {
    const tiers = Object.entries(tierStarts).map(([key, from]) => ({ from, usd: egress[key]?.[region]?.month }));
    if (tiers.some((tier) => !(tier.usd !== undefined && tier.usd > 0))) {
      notes.skip('cyclenerd', `egress tiers incomplete for ${region}`);
      continue;
    }
    const unit: PriceUnit = 'GB';
    add({
      service: 'data-transfer',
      sku: 'internet-egress',
      region,
      unit,
      usd: tiers[0]!.usd!,
      tiers: tiers.map((tier) => ({ from: tier.from, usd: tier.usd! })),
      // GCP bills network in GiB (its "GB"); tiers at 1 and 10 TiB = 1024 and 10240 GiB
      attributes: { destination: 'worldwide', dataUnit: 'GiB' },
      key: `compute.network.traffic.egress.internet.cost[0-1|1-10|10n].${region}.month (per GiB)`,
    });
  }
  return records;
}
