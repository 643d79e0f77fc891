// formats/azure-retail-prices-eastus-*.json (trust B): three raw Azure Retail Prices API pages for eastus, captured in
// 2026 as test fixtures (rshade/finfocus-plugin-azure-public). The capture date is not known; the newest
// effectiveStartDate in them is 2026-06-01, so the prices were in force on that date, which is the date we record.
// They give the Functions Consumption free grants as real tiers (tierMinimumUnits) and a few eastus VM prices.
// Azure unitOfMeasure "10" executions → per 1M: × 100,000.
import { times } from '../lib/decimal-text';
import { azureVmSpec } from '../lib/instance-specs';
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord, PriceTerm, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILES = [
  'formats/azure-retail-prices-eastus-standard_b1s.json',
  'formats/azure-retail-prices-eastus-standard_d2s_v3-consumption.json',
  'formats/azure-retail-prices-eastus-functions-consumption.json',
];
const EFFECTIVE_DATE = '2026-06-01';

interface Item {
  retailPrice: number;
  unitOfMeasure: string;
  tierMinimumUnits: number;
  armRegionName: string;
  armSkuName: string;
  productName: string;
  skuName: string;
  meterName: string;
  meterId: string;
  skuId: string;
  type: string;
  effectiveStartDate: string;
}

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  /** unitOfMeasure → record unit */
  factor: string;
  term?: PriceTerm;
  attributes?: RecordInput['attributes'];
}

function target(item: Item): Target | undefined {
  if (item.productName.startsWith('Virtual Machines ')) {
    if (item.productName.endsWith(' Windows') || / Low Priority$/.test(item.skuName) || item.unitOfMeasure !== '1 Hour') return undefined;
    const spot = / Spot$/.test(item.skuName);
    return { service: 'vm', sku: item.armSkuName, unit: 'hour', factor: '1', term: spot ? 'spot' : 'on-demand', attributes: { os: 'linux', ...azureVmSpec(item.armSkuName) } };
  }
  const executions = item.unitOfMeasure === '10' ? '100000' : undefined; // per 10 executions → per 1M
  if (item.productName === 'Functions' && item.skuName === 'Standard') {
    if (item.meterName === 'Standard Total Executions' && executions) return { service: 'functions', sku: 'executions', unit: '1M requests', factor: executions };
    if (item.meterName === 'Standard Execution Time' && item.unitOfMeasure === '1 GB Second') return { service: 'functions', sku: 'execution-time', unit: 'GB-second', factor: '1' };
  }
  if (item.productName === 'Flex Consumption' && item.skuName === 'On Demand') {
    if (item.meterName === 'On Demand Total Executions' && executions) return { service: 'functions', sku: 'flex-executions', unit: '1M requests', factor: executions };
    if (item.meterName === 'On Demand Execution Time' && item.unitOfMeasure === '1 GB Second') return { service: 'functions', sku: 'flex-execution-time', unit: 'GB-second', factor: '1' };
  }
  if (item.productName === 'Premium Functions') {
    if (item.meterName === 'Premium vCPU Duration' && item.unitOfMeasure === '1 Hour') return { service: 'functions', sku: 'premium-vcpu', unit: 'vCPU-hour', factor: '1' };
    if (item.meterName === 'Premium Memory Duration' && item.unitOfMeasure === '1 GiB Hour') return { service: 'functions', sku: 'premium-memory', unit: 'GB-hour', factor: '1' };
  }
  return undefined;
}

export function loadAzureRetailSamples(notes: Notes = noNotes): PriceRecord[] {
  const records: PriceRecord[] = [];
  for (const file of FILES) {
    const page = readSourceJson<{ BillingCurrency: string; Items: Item[] }>(file);
    if (page.BillingCurrency !== 'USD') throw new Error(`${file}: not USD`);
    // group tiers of one meter: several items share a meterId and differ by tierMinimumUnits
    const byMeter = new Map<string, { item: Item; t: Target; tiers: Array<{ from: string; usd: string }> }>();
    for (const item of page.Items) {
      if (item.type !== 'Consumption') continue;
      const t = target(item);
      if (!t) {
        notes.skip('azure-retail-samples', `${item.productName} / ${item.meterName} (Windows, Low Priority or no vocabulary row)`);
        continue;
      }
      const entry = byMeter.get(item.meterId) ?? { item, t, tiers: [] };
      // tierMinimumUnits is in the API's unit (10 executions, GB-s): convert the tier start to the record's unit
      const from = t.unit === '1M requests' ? times(item.tierMinimumUnits, '0.00001') : times(item.tierMinimumUnits, '1');
      entry.tiers.push({ from, usd: times(item.retailPrice, t.factor) });
      byMeter.set(item.meterId, entry);
    }
    for (const { item, t, tiers } of byMeter.values()) {
      tiers.sort((a, b) => Number(a.from) - Number(b.from));
      if (tiers[0]?.from !== '0') throw new Error(`${file}: ${item.meterName} tiers do not start at 0`);
      if (tiers.length === 1 && tiers[0].usd === '0') {
        notes.skip('azure-retail-samples', `${item.meterName}: free meter`);
        continue;
      }
      records.push(
        priceRecord({
          cloud: 'azure',
          service: t.service,
          sku: t.sku,
          region: item.armRegionName,
          term: t.term,
          unit: t.unit,
          usd: tiers[0].usd,
          tiers: tiers.length > 1 ? tiers : undefined,
          attributes: t.attributes,
          file,
          key: `${item.skuId}|${item.meterId}`,
          trust: 'B',
          effectiveDate: EFFECTIVE_DATE,
        }),
      );
    }
  }
  return records;
}
