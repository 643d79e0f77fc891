import type { EquivalenceClass } from '../../catalog/types';
import type { CostItem, Pricer, PricerContext, PricerResult } from '../types';
import { instanceCount, monthlyHours, termLabel } from './helpers';
import { REFERENCE_REGION, type PricedCloud } from '../regions';
import { describeSize, isBurstable, nearestSku, recordSize, sizeOf, type Size } from './sizing';

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
  /** Prefix turning a `sizeService` sku into a `service` sku: `db.`, `cache.`, `kafka.`. */
  prefix?: string;
  /** Attributes the priced sku must have (engine, deployment). */
  attributes?: Record<string, string | number | boolean>;
  /** Keeps only these skus when choosing the nearest size (a family, or no burstable types for always-busy software). */
  filter?: (sku: string) => boolean;
}

/**
 * Chooses the instance type to price: the configured one when the book knows it on this cloud; otherwise the
 * cheapest one at least as large as the configured type of another cloud (or `vcpus` / `memoryMb`), with the mapping
 * stated — sized from this region's skus, or the cloud's reference region's when this one lists none (the price is
 * still looked up here, where the engine labels a reference-region price an estimate). A general-purpose size is never
 * mapped onto a burstable one. A configured type whose size is unknown stays as it is: an unknown line, not a guess.
 */
export function chooseInstance(ctx: PricerContext, choice: InstanceChoice): { sku: string; size?: Size; mapping?: string } {
  const { cloud, service, prefix = '', attributes } = choice;
  const known = (sku: string) => ctx.book.candidates({ cloud, service, sku, term: 'on-demand', ...(attributes && { attributes }) }).length > 0;
  const requested = ctx.config.instanceType as string | undefined;
  if (requested && known(requested)) return { sku: requested, ...sized(sizeOf(ctx.book, requested)) };
  const vcpus = ctx.config.vcpus as number | undefined;
  const memoryGib = ctx.config.memoryMb !== undefined ? (ctx.config.memoryMb as number) / 1024 : ((ctx.config.memoryGb as number | undefined) ?? 0);
  const want: Size | undefined = (requested ? sizeOf(ctx.book, requested) : undefined) ?? (vcpus ? { vcpu: vcpus, memoryGib: Math.max(memoryGib, vcpus * 2) } : undefined);
  if (!want) return requested ? { sku: requested } : { sku: choice.defaultSku, ...sized(sizeOf(ctx.book, choice.defaultSku)) };
  const burstableOk = requested !== undefined && isBurstable(requested);
  const sizeService = choice.sizeService ?? service;
  const reference = REFERENCE_REGION[cloud as PricedCloud] ?? ctx.region;
  const region = ctx.book.skus(cloud, sizeService, ctx.region).length > 0 ? ctx.region : reference;
  const near = nearestSku(
    ctx.book,
    {
      cloud,
      service: sizeService,
      region,
      term: 'on-demand',
      filter: (r) =>
        (r.attributes.os === undefined || r.attributes.os === 'linux') &&
        (burstableOk || !isBurstable(r.sku)) &&
        (!choice.filter || choice.filter(r.sku)) &&
        (!prefix || known(prefix + r.sku)),
    },
    want,
  );
  if (!near) return { sku: requested ?? choice.defaultSku };
  const size = recordSize(near)!;
  const sku = prefix + near.sku;
  const what = requested ? `${requested} (${describeSize(want)})` : describeSize(want);
  const where = region === ctx.region ? '' : ` (sizes as listed in ${region}: the book lists none in ${ctx.region})`;
  return { sku, size, mapping: `nearest ${service} size to ${what}: ${sku} (${describeSize(size)})${where}` };
}

const sized = (size: Size | undefined) => (size ? { size } : {});

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
