// azure/radar-azure-retail-vm-eu5-2026-08-22.json (trust A): raw Azure Retail Prices API rows for Virtual Machines in
// five EU regions (andy-diericks/azure-pricing-radar, 2026-08-22). We keep westeurope and northeurope, Linux only:
// pay-as-you-go, Spot, and the 1-year savings-plan hourly price. Windows, Cloud Services and Dedicated Host rows are
// not VMs at a Linux price and are skipped.
import { azureVmSpec } from '../lib/instance-specs';
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord, PriceTerm } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';
import { keptAzureSize } from './karpenter-azure';

export const FILE = 'azure/radar-azure-retail-vm-eu5-2026-08-22.json';
const EFFECTIVE_DATE = '2026-08-22';
const REGIONS = ['westeurope', 'northeurope'];

type Row = [string, string, string, string, number, number, string, number | null, string, string, string];

export function armSize(skuName: string): string {
  const name = skuName.replace(/ Spot$/, '');
  return name.startsWith('Standard_') ? name : `Standard_${name.replace(/ /g, '_')}`;
}

export function loadRadarAzureVm(notes: Notes = noNotes): PriceRecord[] {
  const data = readSourceJson<{ columns: string[]; rows: Row[] }>(FILE);
  const expected = ['armRegionName', 'productName', 'skuName', 'meterName', 'retailPrice', 'unitPrice', 'unitOfMeasure', 'savingsPlan1YearRetailPrice', 'skuId', 'meterId', 'type'];
  if (JSON.stringify(data.columns) !== JSON.stringify(expected)) throw new Error(`${FILE}: unexpected columns`);
  const byKey = new Map<string, PriceRecord>();
  const conflicts = new Set<string>();
  for (const [region, productName, skuName, meterName, retailPrice, , unitOfMeasure, savingsPlan, skuId, meterId, type] of data.rows) {
    if (!REGIONS.includes(region)) continue;
    if (!productName.startsWith('Virtual Machines ') || productName.endsWith(' Windows') || /Cloud ?Services|Dedicated ?Host/i.test(productName)) continue;
    if (type !== 'Consumption' || unitOfMeasure !== '1 Hour') continue;
    const spot = / Spot$/.test(skuName) || / Spot$/.test(meterName);
    if (/Low Priority/.test(skuName)) continue;
    const size = armSize(skuName);
    if (!keptAzureSize(size)) continue;
    const prices: Array<[PriceTerm, number | null, Record<string, string>]> = spot
      ? [['spot', retailPrice, {}]]
      : [
          ['on-demand', retailPrice, {}],
          ['reserved-1y', savingsPlan, { commitment: 'savings-plan' }],
        ];
    for (const [term, price, extra] of prices) {
      if (price === null || price === undefined) continue;
      if (!(price > 0)) {
        notes.skip('radar-azure-vm', `zero price ${region} ${size} ${term}`);
        continue;
      }
      const record = priceRecord({
        cloud: 'azure',
        service: 'vm',
        sku: size,
        region,
        term,
        unit: 'hour',
        usd: price,
        attributes: { os: 'linux', ...azureVmSpec(size), ...extra },
        file: FILE,
        key: `${skuId}|${meterId}${term === 'reserved-1y' ? ' savingsPlan1YearRetailPrice' : ''}`,
        trust: 'A',
        effectiveDate: EFFECTIVE_DATE,
      });
      const id = `${region}|${size}|${term}`;
      const previous = byKey.get(id);
      if (previous && previous.usd !== record.usd) conflicts.add(id);
      else if (!previous) byKey.set(id, record);
    }
  }
  for (const id of conflicts) {
    notes.skip('radar-azure-vm', `two Linux meters with different prices: ${id}`);
    byKey.delete(id);
  }
  return [...byKey.values()];
}
