import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, usage } from '../helpers';
import { isForeign, readsAndWrites } from '../gcp/common';

/** Data stored when no `usage.storageGb` is given (the same default as the Cloud Storage pricer). */
export const DEFAULT_STORAGE_GB = 100;
/** Connection types into a container that fetch blobs (read operations), besides `read`: a CDN or a client. */
export const GET_TYPES = ['http', 'grpc', 'graphql'];
export const DEFAULT_REDUNDANCY = 'ZRS';

/** Other clouds' storage classes → the nearest access tier. */
export const TIER_OF: Record<string, string> = {
  hot: 'hot',
  cool: 'cool',
  cold: 'cold',
  archive: 'archive',
  standard: 'hot',
  'intelligent-tiering': 'hot',
  'standard-ia': 'cool',
  'one-zone-ia': 'cool',
  'glacier-instant': 'cold',
  'glacier-flexible': 'archive',
  'glacier-deep-archive': 'archive',
  nearline: 'cool',
  coldline: 'cold',
};

const OWN_TYPES = ['azure.blob'];

/**
 * Azure Blob Storage (block blobs, general-purpose v2): capacity per GB-month by access tier and redundancy (tiered by
 * volume in the book), write and read operations per 1,000 (Azure lists them per 10,000), and internet egress for blobs
 * served straight to clients. Retrieval and early-deletion charges of the cool, cold and archive tiers are not priced.
 */
export default definePricer({
  id: 'azure.blob',
  cloud: 'azure',
  equivalence: ['object-storage'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const asked = (c.accessTier as string | undefined) ?? (c.storageClass as string | undefined) ?? 'hot';
    const tier = TIER_OF[asked] ?? 'hot';
    // S3 and Cloud Storage keep data across zones: ZRS; one-zone classes are LRS
    const redundancy = ((c.redundancy as string | undefined) ?? (asked === 'one-zone-ia' ? 'LRS' : DEFAULT_REDUNDANCY)).toLowerCase();
    const storageGb = u.storageGb ?? DEFAULT_STORAGE_GB;
    const { reads, writes, note } = readsAndWrites(ctx, GET_TYPES);
    const attributes = { accessTier: tier, redundancy };
    const label = `${tier}, ${redundancy.toUpperCase()}`;
    const items: CostItem[] = [
      { name: `Capacity (${label}, ${storageGb} GB)`, quantity: storageGb, unit: 'GB-months', price: { cloud: 'azure', service: 'blob', sku: `storage-${tier}-${redundancy}` }, usageBased: u.storageGb !== undefined },
      { name: `Write operations (${label})`, quantity: writes / 1000, unit: '1K requests', price: { cloud: 'azure', service: 'blob', sku: 'write-operations', attributes }, usageBased: true },
      { name: `Read operations (${label})`, quantity: reads / 1000, unit: '1K requests', price: { cloud: 'azure', service: 'blob', sku: 'read-operations', attributes }, usageBased: true },
    ];
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    const notes = [...(u.storageGb === undefined ? [`${DEFAULT_STORAGE_GB} GB stored (default; set usage.storageGb)`] : []), note];
    if (tier !== 'hot') notes.push(`${tier} tier retrieval and early-deletion charges not priced`);
    const mapping = isForeign(ctx, OWN_TYPES) ? `${asked} → ${tier} tier, ${redundancy.toUpperCase()}` : undefined;
    return { product: `Azure Blob Storage (${label})`, items, notes, ...(mapping && { mapping }) };
  },
});
