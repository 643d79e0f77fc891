import type { EquivalenceClass } from '../../catalog/types';
import type { CostItem, Pricer, PricerContext, PricerResult } from '../types';
import { instanceCount, monthlyHours, termLabel } from './helpers';
import { describeSize, nearestSku, sizeOf, type Size } from './sizing';

interface VmProduct {
  cloud: string;
  /** Price-book service of the instance hours. */
  service: string;
  product: string;
  /** Instance type used when the config names none and gives no size. */
  defaultSku: string;
  /** Block storage per instance: price-book service and sku, or undefined when included. */
  disk?: { service: string; sku: string; name: string };
}

export interface InstanceChoice {
  cloud: string;
  /** Price-book service whose skus are priced (`ec2`, `rds`, `elasticache`). */
  service: string;
  defaultSku: string;
  /** Where sizes (vCPU, memory) are listed when `service` has none: `ec2` for `db.`/`cache.` classes. */
  sizeService?: string;
  /** Prefix turning a `sizeService` sku into a `service` sku: `db.`, `cache.`. */
  prefix?: string;
  /** Attributes the priced sku must have (engine, deployment). */
  attributes?: Record<string, string | number | boolean>;
}

/**
 * Chooses the instance type to price: the configured one when the book knows it on this cloud; otherwise the nearest
 * size to it (an instance type of another cloud, or `vcpus`), with the mapping stated; otherwise the default.
 */
export function chooseInstance(ctx: PricerContext, choice: InstanceChoice): { sku: string; mapping?: string } {
  const { cloud, service, prefix = '', attributes } = choice;
  const known = (sku: string) => ctx.book.candidates({ cloud, service, sku, term: 'on-demand', ...(attributes && { attributes }) }).length > 0;
  const requested = ctx.config.instanceType as string | undefined;
  if (requested && known(requested)) return { sku: requested };
  const vcpus = ctx.config.vcpus as number | undefined;
  const memoryGib = ((ctx.config.memoryMb as number | undefined) ?? (ctx.config.memoryGb as number | undefined) ?? 0) / (ctx.config.memoryMb ? 1024 : 1);
  const size: Size | undefined = (requested ? sizeOf(ctx.book, requested) : undefined) ?? (vcpus ? { vcpu: vcpus, memoryGib: Math.max(memoryGib, vcpus * 2) } : undefined);
  if (!size) return { sku: requested ?? choice.defaultSku };
  const near = nearestSku(
    ctx.book,
    {
      cloud,
      service: choice.sizeService ?? service,
      region: ctx.region,
      term: 'on-demand',
      filter: (r) => (r.attributes.os === undefined || r.attributes.os === 'linux') && (!prefix || known(prefix + r.sku)),
    },
    size,
  );
  if (!near) return { sku: requested ?? choice.defaultSku };
  const sku = prefix + near.sku;
  const what = requested ? `${requested} (${describeSize(size)})` : describeSize(size);
  return { sku, mapping: `nearest ${service} size to ${what}: ${sku} (${near.attributes.vcpu} vCPU, ${near.attributes.memoryGib} GiB)` };
}

/** Pricer for VM-like compute billed per instance-hour plus a disk per instance. */
export function vmPricer(id: string, equivalence: readonly EquivalenceClass[], product: VmProduct, types?: readonly string[]): Pricer {
  return {
    id,
    cloud: product.cloud,
    equivalence,
    ...(types && { types }),
    price(ctx): PricerResult {
      const { sku, mapping } = chooseInstance(ctx, product);
      const { count, note } = instanceCount(ctx);
      const os = (ctx.config.operatingSystem as string | undefined) ?? 'linux';
      const items: CostItem[] = [
        {
          name: `Instance usage (${os === 'linux' ? 'Linux' : 'Windows'}, ${termLabel(ctx.term)}, ${sku})`,
          quantity: monthlyHours(count),
          unit: 'hours',
          price: { cloud: product.cloud, service: product.service, sku, term: ctx.term, attributes: { os } },
          usageBased: false,
        },
      ];
      const storageGb = ctx.config.storageGb as number | undefined;
      if (product.disk && storageGb) {
        items.push({
          name: `${product.disk.name} (${storageGb} GB × ${count})`,
          quantity: storageGb * count,
          unit: 'GB-months',
          price: { cloud: product.cloud, service: product.disk.service, sku: product.disk.sku },
          usageBased: false,
        });
      }
      return { product: `${product.product} ${sku}`, sku, items, notes: note ? [note] : [], ...(mapping && { mapping }) };
    },
  };
}
