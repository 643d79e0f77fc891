import { withConfig } from '../helpers';
import type { CostItem, Pricer, PricerResult } from '../../types';
import { definePricer } from '../define';
import { vmPricer } from '../vm';
import { chooseInstance } from '../vm';

/** Persistent disk types the book prices per GB-month; another cloud's disk type is priced as the default. */
export const DISK_TYPES = ['pd-standard', 'pd-balanced', 'pd-ssd', 'hyperdisk-balanced'] as const;
export const DEFAULT_DISK_TYPE = 'pd-balanced';
export const DEFAULT_MACHINE_TYPE = 'e2-standard-2';

const byDisk = new Map<string, Pricer>(
  DISK_TYPES.map((disk) => [
    disk,
    vmPricer('gcp.compute-engine', ['vm'], {
      cloud: 'gcp',
      service: 'compute-engine',
      product: 'Compute Engine',
      defaultSku: DEFAULT_MACHINE_TYPE,
      disk: { service: 'persistent-disk', sku: disk, name: `Storage (${disk})` },
    }),
  ]),
);

/**
 * Compute Engine machine types carry no `os` attribute: their price is the licence-free (Linux) one. Linux hours are
 * asked for without it; Windows keeps `os: "windows"`, which the book does not price (the licence is extra), so the
 * line comes out unknown rather than priced as Linux.
 */
export function gcpInstanceItems(items: CostItem[]): CostItem[] {
  return items.map((item) => {
    const attributes = item.price.attributes;
    if (item.price.service !== 'compute-engine' || attributes?.os !== 'linux') return item;
    const { os: _os, ...rest } = attributes;
    return { ...item, price: { ...item.price, attributes: rest } };
  });
}

/**
 * Compute Engine: machine-type hours (on-demand, committed use as reserved-1y/3y, or Spot) × instances (replicas or the
 * autoscaling minimum), plus a boot persistent disk per instance (pd-balanced unless `diskType` says otherwise). The
 * hourly price is the list price without the sustained-use discount.
 */
export default definePricer({
  id: 'gcp.compute-engine',
  cloud: 'gcp',
  equivalence: ['vm'],
  price(ctx): PricerResult {
    const asked = ctx.config.diskType as string | undefined;
    const disk = asked && (DISK_TYPES as readonly string[]).includes(asked) ? asked : DEFAULT_DISK_TYPE;
    // resolve the machine first: another cloud's type maps by size even when the book does not list its size
    const { sku, mapping } = chooseInstance(ctx, { cloud: 'gcp', service: 'compute-engine', defaultSku: DEFAULT_MACHINE_TYPE });
    const result = byDisk.get(disk)!.price(withConfig(ctx, { ...ctx.config, instanceType: sku }));
    const notes = [...(result.notes ?? [])];
    if (asked && asked !== disk) notes.push(`disk type ${asked} priced as ${disk}`);
    if (ctx.config.operatingSystem === 'windows') notes.push('Windows Server licence is billed per vCPU-hour on top of the machine type; the book has no licence prices');
    return { ...result, items: gcpInstanceItems(result.items), notes, ...(mapping && { mapping }) };
  },
});
