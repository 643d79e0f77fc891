import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, usage } from '../helpers';
import { isForeign, readsAndWrites } from './common';

/** Data stored when no `usage.storageGb` is given. */
export const DEFAULT_STORAGE_GB = 100;
/** Connection types into a bucket that fetch objects (class B), besides `read`: a CDN or a client. */
export const GET_TYPES = ['http', 'grpc', 'graphql'];

/** Other clouds' storage classes and access tiers → the nearest Cloud Storage class. */
export const CLASS_OF: Record<string, string> = {
  standard: 'standard',
  'intelligent-tiering': 'standard',
  'standard-ia': 'nearline',
  'one-zone-ia': 'nearline',
  'glacier-instant': 'coldline',
  'glacier-flexible': 'coldline',
  'glacier-deep-archive': 'archive',
  nearline: 'nearline',
  coldline: 'coldline',
  archive: 'archive',
  hot: 'standard',
  cool: 'nearline',
  cold: 'coldline',
};

/** The multi-region location a region's multi-region bucket would use. */
export function multiRegionOf(region: string): string {
  if (/^europe-/.test(region)) return 'eu';
  if (/^(asia|australia|me)-/.test(region)) return 'asia';
  return 'us';
}

const OWN_TYPES = ['gcp.gcs'];

/**
 * Cloud Storage: storage per GB-month by class and location type, class A operations (writes, lists) and class B
 * operations (reads) per 1,000, and internet egress for objects served straight to clients. Multi-region buckets are
 * priced at their multi-region location (us, eu, asia); dual-region is asked for as such. Retrieval fees of Nearline,
 * Coldline and Archive and early-deletion charges are not priced.
 */
export default definePricer({
  id: 'gcp.gcs',
  cloud: 'gcp',
  equivalence: ['object-storage'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const asked = (c.storageClass as string | undefined) ?? (c.accessTier as string | undefined) ?? 'standard';
    const storageClass = CLASS_OF[asked] ?? 'standard';
    const locationType = (c.locationType as string | undefined) ?? 'region';
    const storageGb = u.storageGb ?? DEFAULT_STORAGE_GB;
    const { reads, writes, note } = readsAndWrites(ctx, GET_TYPES);
    // operation prices in the book are the Standard class in a region; other classes and locations cost more per op
    const opsAttributes = storageClass === 'standard' && locationType === 'region' ? {} : { attributes: { storageClass, locationType } };
    const items: CostItem[] = [
      {
        name: `Storage (${storageClass}, ${locationType}, ${storageGb} GB)`,
        quantity: storageGb,
        unit: 'GB-months',
        price: {
          cloud: 'gcp',
          service: 'gcs',
          sku: `storage-${storageClass}`,
          attributes: { locationType },
          ...(locationType === 'multi-region' && { region: multiRegionOf(ctx.region) }),
        },
        usageBased: u.storageGb !== undefined,
      },
      { name: 'Class A operations (writes, lists)', quantity: writes / 1000, unit: '1K requests', price: { cloud: 'gcp', service: 'gcs', sku: 'operations-class-a', ...opsAttributes }, usageBased: true },
      { name: 'Class B operations (reads)', quantity: reads / 1000, unit: '1K requests', price: { cloud: 'gcp', service: 'gcs', sku: 'operations-class-b', ...opsAttributes }, usageBased: true },
    ];
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    const notes = [...(u.storageGb === undefined ? [`${DEFAULT_STORAGE_GB} GB stored (default; set usage.storageGb)`] : []), note];
    if (storageClass !== 'standard') notes.push(`${storageClass} retrieval fees and minimum storage duration not priced`);
    const mapping = isForeign(ctx, OWN_TYPES) && asked !== storageClass ? `${asked} → ${storageClass} storage class` : undefined;
    return { product: `Cloud Storage (${storageClass}, ${locationType})`, items, notes, ...(mapping && { mapping }) };
  },
});
