import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel, usage } from '../helpers';
import { count, isForeign, managed, num, readsAndWrites } from '../gcp/common';

/** Request units per operation on a ~1 KB item: a point read costs 1 RU, a write about 5 RUs with default indexing. */
export const RU_PER_READ = 1;
export const RU_PER_WRITE = 5;
export const DEFAULT_STORAGE_GB = 1;
export const MIN_PROVISIONED_RUS = 400;
/** Zone redundancy bills provisioned throughput at 1.25×; autoscale bills the peak RU/s at 1.5× (as its own price). */
export const ZONE_REDUNDANT_FACTOR = 1.25;

const OWN_TYPES = ['azure.cosmosdb'];

/**
 * Azure Cosmos DB. Serverless: the request units the reads and writes consume (1 RU per read, 5 per write) per
 * million, plus storage. Provisioned: RU/s per 100 RU/s-hour (autoscale at its own price, billed at the maximum),
 * × 1.25 with zone redundancy, × the regions the data is replicated to, plus storage in every region. Foreign
 * per-request databases (DynamoDB on-demand, Firestore, MongoDB) map to serverless.
 */
export default definePricer({
  id: 'azure.cosmosdb',
  cloud: 'azure',
  equivalence: ['document-db', 'key-value-db'],
  when: managed,
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const regions = 1 + ((c.additionalRegions as number | undefined) ?? 0);
    const storageGb = u.storageGb ?? (c.storageGb as number | undefined) ?? DEFAULT_STORAGE_GB;
    // DynamoDB provisioned capacity → RU/s: a read capacity unit is ~1 RU/s, a write unit ~RU_PER_WRITE RU/s
    const dynamoProvisioned = c.capacityMode === 'provisioned' && c.requestUnitsPerSecond === undefined && c.readCapacityUnits !== undefined;
    const provisioned = ctx.def.id === 'azure.cosmosdb' ? c.capacityMode !== 'serverless' : dynamoProvisioned;
    const items: CostItem[] = [];
    const notes: string[] = [];
    let mapping: string | undefined;
    if (provisioned) {
      const fromDynamo = Math.ceil(((c.readCapacityUnits as number) * RU_PER_READ + (c.writeCapacityUnits as number) * RU_PER_WRITE) / 100) * 100;
      const rus = Math.max(MIN_PROVISIONED_RUS, (c.requestUnitsPerSecond as number | undefined) ?? (dynamoProvisioned ? fromDynamo : MIN_PROVISIONED_RUS));
      const autoscale = c.autoscale === true;
      const zoneFactor = c.zoneRedundant === true ? ZONE_REDUNDANT_FACTOR : 1;
      const multiWrite = c.multiRegionWrites === true && regions > 1;
      const sku = multiWrite ? 'provisioned-100-rus-multi-region-write' : autoscale ? 'provisioned-100-rus-autoscale' : 'provisioned-100-rus';
      const parts = [`${count(rus)} RU/s`, ...(autoscale ? ['autoscale max'] : []), ...(zoneFactor > 1 ? ['zone-redundant × 1.25'] : []), ...(regions > 1 ? [`${regions} regions`] : [])];
      items.push({
        name: `Provisioned throughput (${termLabel(ctx.term)}, ${parts.join(', ')})`,
        quantity: monthlyHours((rus / 100) * zoneFactor * regions),
        unit: '100 RU/s-hours',
        price: { cloud: 'azure', service: 'cosmosdb', sku, term: ctx.term },
        usageBased: false,
      });
      if (dynamoProvisioned) mapping = `DynamoDB ${String(c.readCapacityUnits)} RCU + ${String(c.writeCapacityUnits)} WCU → ${count(rus)} RU/s provisioned`;
      if (autoscale) notes.push('autoscale is billed at the highest RU/s of each hour: priced at the maximum');
    } else {
      const { reads, writes, note } = readsAndWrites(ctx);
      const rus = reads * RU_PER_READ + writes * RU_PER_WRITE;
      items.push({ name: 'Request units (serverless)', quantity: rus / 1e6, unit: '1M RUs', price: { cloud: 'azure', service: 'cosmosdb', sku: 'serverless-request-units' }, usageBased: true });
      notes.push(note, `${RU_PER_READ} RU per read and ${RU_PER_WRITE} RUs per write (about 1 KB items) = ${count(rus)} RUs`);
      if (isForeign(ctx, OWN_TYPES)) mapping = 'serverless, billed per request unit';
      if (regions > 1) notes.push('serverless accounts are single-region');
    }
    items.push({
      name: `Storage (${num(storageGb)} GB${regions > 1 ? ` × ${regions} regions` : ''})`,
      quantity: storageGb * (provisioned ? regions : 1),
      unit: 'GB-months',
      price: { cloud: 'azure', service: 'cosmosdb', sku: 'storage' },
      usageBased: u.storageGb !== undefined,
    });
    if (u.storageGb === undefined && c.storageGb === undefined) notes.push(`${DEFAULT_STORAGE_GB} GB stored (default; set usage.storageGb)`);
    if (typeof c.backupMode === 'string' && c.backupMode.startsWith('continuous')) notes.push('continuous backup storage not priced');
    return { product: `Azure Cosmos DB (${provisioned ? 'provisioned throughput' : 'serverless'})`, items, notes, ...(mapping && { mapping }) };
  },
});
