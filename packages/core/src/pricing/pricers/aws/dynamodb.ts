import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel, usage } from '../helpers';
import { count, readsAndWrites } from './links';

/** Table size when no `usage.storageGb` is given, in GB. */
export const DEFAULT_STORAGE_GB = 10;
/** Item size read or written when no `usage.requestSizeKb` / `responseSizeKb` is given, in KB. */
export const DEFAULT_ITEM_SIZE_KB = 1;
/** A read request unit covers a strongly consistent read of up to 4 KB; a write request unit a write of up to 1 KB. */
const READ_UNIT_KB = 4;
const WRITE_UNIT_KB = 1;

/**
 * DynamoDB. On-demand: read and write request units from the traffic model — reads and writes from the incoming
 * `read`/`write` connections or `usage.monthlyReadRequests`/`monthlyWriteRequests`; 1 RRU per started 4 KB read
 * (strongly consistent; eventually consistent reads cost half), 1 WRU per started 1 KB write. Provisioned: RCU and
 * WCU hours (reserved capacity with a reserved term). Plus storage per GB-month (the first 25 GB free are a tier of the
 * book's price), point-in-time-recovery backup storage, and for global tables replicated writes and storage in each
 * replica region. Standard-IA tables have their own prices. In comparisons it also prices the serverless document
 * stores of the other clouds (Firestore, Cosmos DB) as on-demand tables; MongoDB is left to a DocumentDB/Atlas pricer.
 */
export default definePricer({
  id: 'aws.dynamodb',
  cloud: 'aws',
  equivalence: ['key-value-db', 'document-db'],
  types: ['aws.dynamodb', 'gcp.firestore', 'azure.cosmosdb'],
  price(ctx) {
    const u = usage(ctx);
    const ia = ctx.config.tableClass === 'standard-ia';
    const suffix = ia ? '-ia' : '';
    const tableClass = ia ? 'Standard-IA' : 'Standard';
    const storageGb = u.storageGb ?? DEFAULT_STORAGE_GB;
    const readKb = u.responseSizeKb ?? u.requestSizeKb ?? DEFAULT_ITEM_SIZE_KB;
    const writeKb = u.requestSizeKb ?? DEFAULT_ITEM_SIZE_KB;
    const unitsPerRead = Math.max(1, Math.ceil(readKb / READ_UNIT_KB));
    const unitsPerWrite = Math.max(1, Math.ceil(writeKb / WRITE_UNIT_KB));
    const { reads, writes, basis } = readsAndWrites(ctx);
    const native = ctx.def.id === 'aws.dynamodb';
    // another cloud's capacity settings (Cosmos DB RU/s) do not translate into RCU/WCU: price as on-demand
    const provisioned = native && ctx.config.capacityMode === 'provisioned';
    const replicaRegions = (ctx.config.globalTableRegions as string[] | undefined) ?? [];
    const items: CostItem[] = [];
    const notes: string[] = [];

    if (provisioned) {
      const rcu = (ctx.config.readCapacityUnits as number | undefined) ?? 5;
      const wcu = (ctx.config.writeCapacityUnits as number | undefined) ?? 5;
      const term = termLabel(ctx.term);
      items.push(
        {
          name: `Read capacity (${term}, ${rcu} RCU)`,
          quantity: monthlyHours(rcu),
          unit: 'RCU-hours',
          price: { cloud: 'aws', service: 'dynamodb', sku: `read-capacity-units${suffix}`, term: ctx.term },
          usageBased: false,
        },
        {
          name: `Write capacity (${term}, ${wcu} WCU)`,
          quantity: monthlyHours(wcu),
          unit: 'WCU-hours',
          price: { cloud: 'aws', service: 'dynamodb', sku: `write-capacity-units${suffix}`, term: ctx.term },
          usageBased: false,
        },
      );
      const peak = ctx.load.averageRps > 0 ? ctx.load.peakRps / ctx.load.averageRps : 1;
      const neededRcu = Math.ceil((reads / SECONDS_PER_MONTH) * peak * unitsPerRead);
      const neededWcu = Math.ceil((writes / SECONDS_PER_MONTH) * peak * unitsPerWrite);
      if (neededRcu > rcu || neededWcu > wcu) {
        notes.push(`peak traffic needs about ${neededRcu} RCU and ${neededWcu} WCU; ${rcu} RCU and ${wcu} WCU provisioned, so requests above that are throttled (or auto scaling adds capacity at extra cost)`);
      }
      for (const region of replicaRegions) {
        items.push({
          name: `Replicated write capacity (${region}, ${wcu} WCU)`,
          quantity: monthlyHours(wcu),
          unit: 'WCU-hours',
          price: { cloud: 'aws', service: 'dynamodb', sku: `replicated-write-capacity-units${suffix}`, region, term: ctx.term },
          usageBased: false,
        });
      }
    } else {
      items.push(
        {
          name: `Read request units (${count(reads)} reads × ${unitsPerRead} RRU)`,
          quantity: (reads * unitsPerRead) / 1e6,
          unit: '1M RRUs',
          price: { cloud: 'aws', service: 'dynamodb', sku: `read-request-units${suffix}` },
          usageBased: true,
        },
        {
          name: `Write request units (${count(writes)} writes × ${unitsPerWrite} WRU)`,
          quantity: (writes * unitsPerWrite) / 1e6,
          unit: '1M WRUs',
          price: { cloud: 'aws', service: 'dynamodb', sku: `write-request-units${suffix}` },
          usageBased: true,
        },
      );
      for (const region of replicaRegions) {
        items.push({
          name: `Replicated write request units (${region})`,
          quantity: (writes * unitsPerWrite) / 1e6,
          unit: '1M rWRUs',
          price: { cloud: 'aws', service: 'dynamodb', sku: `replicated-write-request-units${suffix}`, region },
          usageBased: true,
        });
      }
      notes.push(basis);
      notes.push(`${readKb} KB per read (${unitsPerRead} RRU, strongly consistent) and ${writeKb} KB per write (${unitsPerWrite} WRU)${u.requestSizeKb === undefined ? ' (default item size; set usage.requestSizeKb / responseSizeKb)' : ''}`);
      if (ctx.term !== 'on-demand') notes.push(`${ctx.term}: reserved capacity applies to provisioned mode only; on-demand requests have one price`);
    }

    const tables = [undefined, ...replicaRegions];
    for (const region of tables) {
      items.push({
        name: `Storage (${tableClass}${region ? `, ${region}` : ''}, ${storageGb} GB)`,
        quantity: storageGb,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'dynamodb', sku: `storage${suffix}`, ...(region && { region }) },
        usageBased: true,
      });
    }
    const backupMode = ctx.config.backupMode as string | undefined; // Cosmos DB's continuous backup = point-in-time recovery
    const pitr = native ? ctx.config.pointInTimeRecovery !== false : ctx.config.pointInTimeRecovery === true || (backupMode?.startsWith('continuous') ?? false);
    if (pitr) {
      items.push({
        name: `Point-in-time recovery (${storageGb} GB)`,
        quantity: storageGb,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'dynamodb', sku: 'pitr-storage' },
        usageBased: true,
      });
    }
    notes.push(`${storageGb} GB stored${u.storageGb === undefined ? ' (default; set usage.storageGb)' : ''}`);
    if (replicaRegions.length > 0) notes.push(`global table: writes are replicated to ${replicaRegions.join(', ')}; cross-region replication traffic is not included`);
    if (ctx.config.streams === true) notes.push('DynamoDB Streams: reads by Lambda triggers are free; other stream readers are billed per read request (not included)');
    const mapping = native ? undefined : `priced as an on-demand table from the traffic${ctx.config.capacityMode === 'provisioned' ? ' (provisioned RU/s do not translate into RCU/WCU)' : ''}`;
    return { product: `Amazon DynamoDB (${provisioned ? 'provisioned' : 'on-demand'}, ${tableClass})`, items, notes, ...(mapping && { mapping }) };
  },
});
