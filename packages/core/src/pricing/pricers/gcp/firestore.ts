import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { usage } from '../helpers';
import { isForeign, managed, readsAndWrites } from './common';

/** Data stored when neither `usage.storageGb` nor `storageGb` is given. */
export const DEFAULT_STORAGE_GB = 1;

const OWN_TYPES = ['gcp.firestore'];

/**
 * Firestore (Native or Datastore mode): document reads, writes and storage per GiB-month. Each request reads or writes
 * one document; the split comes from usage, else the component's incoming read and other connections, else 80 % reads. Deletes are
 * billed separately but have no usage key, so they are not counted. Multi-region locations cost more: they are asked
 * for with `locationType: "multi-region"`. The daily free quota is not applied.
 */
export default definePricer({
  id: 'gcp.firestore',
  cloud: 'gcp',
  equivalence: ['document-db', 'key-value-db'],
  when: managed,
  price(ctx): PricerResult {
    const { reads, writes, note } = readsAndWrites(ctx);
    const u = usage(ctx);
    const storageGb = u.storageGb ?? (ctx.config.storageGb as number | undefined) ?? DEFAULT_STORAGE_GB;
    const multiRegion = ctx.config.locationType === 'multi-region';
    const attributes = multiRegion ? { attributes: { locationType: 'multi-region' } } : {};
    const where = multiRegion ? ', multi-region' : '';
    const items: CostItem[] = [
      { name: `Document reads${where}`, quantity: reads / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'firestore', sku: 'reads', ...attributes }, usageBased: true },
      { name: `Document writes${where}`, quantity: writes / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'firestore', sku: 'writes', ...attributes }, usageBased: true },
      { name: `Storage (${storageGb} GB${where})`, quantity: storageGb, unit: 'GB-months', price: { cloud: 'gcp', service: 'firestore', sku: 'storage', ...attributes }, usageBased: u.storageGb !== undefined },
    ];
    const notes = [
      note,
      `one document per read or write; deletes not counted`,
      ...(u.storageGb === undefined && ctx.config.storageGb === undefined ? [`${DEFAULT_STORAGE_GB} GB stored (default; set usage.storageGb)`] : []),
      'daily free quota not applied',
    ];
    if (ctx.config.pointInTimeRecovery === true) notes.push('point-in-time recovery storage not priced');
    const mapping = isForeign(ctx, OWN_TYPES) ? `${ctx.config.capacityMode ? `${String(ctx.config.capacityMode)} capacity → ` : ''}billed per document read and write` : undefined;
    return { product: `Firestore${ctx.config.mode === 'datastore' ? ' (Datastore mode)' : ''}`, items, notes, ...(mapping && { mapping }) };
  },
});
