// azure/togen-azure-mysql-postgres-redis-10regions-2026-09-06.json (trust A): Azure Retail Prices API meters (meter ids
// kept) for MySQL and PostgreSQL Flexible Server and classic Azure Cache for Redis, 10 regions, 2026-09-06.
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'azure/togen-azure-mysql-postgres-redis-10regions-2026-09-06.json';
const EFFECTIVE_DATE = '2026-09-06';

type Row = [string, string, string, string, string, string, string, string, string, number];

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  attributes?: RecordInput['attributes'];
}

function target(service: string, productName: string, skuName: string, meterName: string, unitOfMeasure: string): Target | undefined {
  const engine = service === 'Azure Database for MySQL' ? 'mysql' : service === 'Azure Database for PostgreSQL' ? 'postgresql' : undefined;
  if (engine) {
    if (/Burstable BS Series Compute$/.test(productName) && skuName === 'B1MS' && unitOfMeasure === '1 Hour')
      return { service: `${engine}-flexible`, sku: 'B1ms', unit: 'hour', attributes: { tier: 'burstable' } };
    if (/General Purpose (\w+ )?Series Compute$/.test(productName) && meterName === 'vCore' && unitOfMeasure === '1 Hour') {
      const series = /General Purpose (\w+) Series Compute$/.exec(productName)?.[1];
      // MySQL's meter is the generic "General Purpose Series Compute" product (no series in its name)
      return { service: `${engine}-flexible`, sku: 'gp-vcore', unit: 'vCPU-hour', attributes: { tier: 'general-purpose', ...(series ? { series } : {}) } };
    }
    if (/Storage$/.test(productName) && meterName === 'Storage Data Stored' && unitOfMeasure === '1 GB/Month') return { service: `${engine}-flexible`, sku: 'storage', unit: 'GB-month' };
    return undefined;
  }
  if (service === 'Redis Cache' || /Redis/.test(productName)) {
    const basic = /^C(\d) Cache$/.exec(meterName);
    if (basic && /Basic/.test(productName)) return { service: 'redis', sku: `basic-c${basic[1]}`, unit: 'hour', attributes: { tier: 'basic' } };
    const standard = /^C(\d) Cache Instance$/.exec(meterName);
    if (standard && /Standard/.test(productName)) return { service: 'redis', sku: `standard-c${standard[1]}`, unit: 'hour', attributes: { tier: 'standard' } };
  }
  return undefined;
}

export function loadTogenAzure(notes: Notes = noNotes): PriceRecord[] {
  const data = readSourceJson<{ columns: string[]; rows: Row[] }>(FILE);
  const expected = ['armRegionName', 'service', 'togen_sku', 'meterId', 'productName', 'skuName', 'meterName', 'unitOfMeasure', 'togen_unit', 'price'];
  if (JSON.stringify(data.columns) !== JSON.stringify(expected)) throw new Error(`${FILE}: unexpected columns`);
  const records: PriceRecord[] = [];
  for (const [region, service, , meterId, productName, skuName, meterName, unitOfMeasure, , price] of data.rows) {
    const t = target(service, productName, skuName, meterName, unitOfMeasure);
    if (!t) {
      notes.skip('togen-azure', `unmapped meter ${service} / ${productName} / ${meterName}`);
      continue;
    }
    if (!(price > 0)) throw new Error(`${FILE}: no price for ${region} ${meterName}`);
    records.push(
      priceRecord({
        cloud: 'azure',
        ...t,
        region,
        usd: price,
        file: FILE,
        key: meterId,
        trust: 'A',
        effectiveDate: EFFECTIVE_DATE,
      }),
    );
  }
  return records;
}
