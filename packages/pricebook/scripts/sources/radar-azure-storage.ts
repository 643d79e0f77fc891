// azure/radar-azure-retail-storage-westeurope-northeurope-2026-08-22.json: raw Retail Prices API rows for Storage in
// westeurope and northeurope (trust A for meters without tiers, B for the file as a whole).
// Pitfall (SOURCES.md): the radar key has no tierMinimumUnits, so only one tier of each tiered meter survived (Hot
// "Data Stored" shows the over-500-TB price). Tiered capacity meters are therefore not used; Cool/Archive capacity,
// operations and managed disks are complete and are used at trust A.
import { divideExact } from '../lib/decimal-text';
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'azure/radar-azure-retail-storage-westeurope-northeurope-2026-08-22.json';
const EFFECTIVE_DATE = '2026-08-22';

type Row = [string, string, string, string, number, number, string, number | null, string, string, string];

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  /** Azure unitOfMeasure "10K" → per 1K: ÷ 10 */
  div?: string;
  attributes?: RecordInput['attributes'];
}

function target(productName: string, skuName: string, meterName: string, unitOfMeasure: string): Target | undefined {
  if (productName === 'General Block Blob v2') {
    const stored = /^(Cool|Archive) (LRS|ZRS) Data Stored$/.exec(meterName);
    if (stored && unitOfMeasure === '1 GB/Month' && skuName === `${stored[1]} ${stored[2]}`)
      return { service: 'blob', sku: `storage-${stored[1]!.toLowerCase()}-${stored[2]!.toLowerCase()}`, unit: 'GB-month' };
    if (skuName === 'Hot LRS' && meterName === 'Hot LRS Write Operations' && unitOfMeasure === '10K')
      return { service: 'blob', sku: 'write-operations', unit: '1K requests', div: '10', attributes: { accessTier: 'hot', redundancy: 'lrs' } };
    if (skuName === 'Hot LRS' && meterName === 'Hot Read Operations' && unitOfMeasure === '10K')
      return { service: 'blob', sku: 'read-operations', unit: '1K requests', div: '10', attributes: { accessTier: 'hot', redundancy: 'lrs' } };
    return undefined;
  }
  const disk = /^(P|E|S)(\d+) LRS Disk$/.exec(meterName);
  if (disk && unitOfMeasure === '1/Month' && skuName === `${disk[1]}${disk[2]} LRS`) {
    const kind = { 'Premium SSD Managed Disks': 'premium-ssd', 'Standard SSD Managed Disks': 'standard-ssd', 'Standard HDD Managed Disks': 'standard-hdd' }[productName];
    if (kind) return { service: 'managed-disk', sku: `${kind}-${disk[1]!.toLowerCase()}${disk[2]}`, unit: 'month', attributes: { redundancy: 'lrs' } };
  }
  return undefined;
}

export function loadRadarAzureStorage(notes: Notes = noNotes): PriceRecord[] {
  const data = readSourceJson<{ columns: string[]; rows: Row[] }>(FILE);
  const records = new Map<string, PriceRecord>();
  for (const [region, productName, skuName, meterName, retailPrice, , unitOfMeasure, , skuId, meterId, type] of data.rows) {
    if (type !== 'Consumption') continue;
    const t = target(productName, skuName, meterName, unitOfMeasure);
    if (!t) {
      if (/Hot (LRS|ZRS) Data Stored/.test(meterName)) notes.skip('radar-azure-storage', 'Hot capacity meters (tiered: only the last tier survived in this file)');
      continue;
    }
    if (!(retailPrice > 0)) throw new Error(`${FILE}: no price for ${region} ${meterName}`);
    const record = priceRecord({
      cloud: 'azure',
      service: t.service,
      sku: t.sku,
      region,
      unit: t.unit,
      usd: t.div ? divideExact(retailPrice, t.div) : retailPrice,
      attributes: t.attributes,
      file: FILE,
      key: `${skuId}|${meterId}`,
      trust: 'A',
      effectiveDate: EFFECTIVE_DATE,
    });
    const id = `${region}|${t.service}|${t.sku}`;
    const previous = records.get(id);
    if (previous && previous.usd !== record.usd) throw new Error(`${FILE}: two prices for ${id}`);
    if (!previous) records.set(id, record);
  }
  return [...records.values()];
}
