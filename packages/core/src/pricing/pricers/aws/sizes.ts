import { REFERENCE_REGION, type PricedCloud } from '../../regions';
import type { PricerContext } from '../../types';
import { describeSize, nearestSku, sizeOf, type Size } from '../sizing';
import type { InstanceChoice } from '../vm';

/** Burstable and shared-core VM types, per cloud: fine for a small app, not for a server busy all month. */
export const BURSTABLE: Readonly<Record<string, RegExp>> = {
  aws: /^(t2|t3|t3a|t4g)\./,
  azure: /^Standard_B/,
  gcp: /^(e2-(micro|small|medium)|f1-micro|g1-small)$/,
};

/**
 * `chooseInstance` (vm.ts) with two additions: sizes come from the cloud's reference region when the component's
 * region lists none (the book has EC2 sizes for us-east-1 only; otherwise a design in eu-west-1 would get the default
 * size whatever vCPUs and memory it asks for) — the price is still looked up in the component's region, where the
 * engine labels a reference-region price as an estimate — and `exclude` keeps some types (burstable ones) out of the
 * nearest-size search. A configured type the book knows is always kept. Candidates for `vm.ts` itself.
 */
export function chooseInstanceNear(ctx: PricerContext, choice: InstanceChoice, exclude?: (sku: string) => boolean): { sku: string; mapping?: string } {
  const { cloud, service, prefix = '', attributes } = choice;
  const known = (sku: string) => ctx.book.candidates({ cloud, service, sku, term: 'on-demand', ...(attributes && { attributes }) }).length > 0;
  const requested = ctx.config.instanceType as string | undefined;
  if (requested && known(requested)) return { sku: requested };
  const vcpus = ctx.config.vcpus as number | undefined;
  const memoryGib = ((ctx.config.memoryMb as number | undefined) ?? (ctx.config.memoryGb as number | undefined) ?? 0) / (ctx.config.memoryMb ? 1024 : 1);
  const size: Size | undefined = (requested ? sizeOf(ctx.book, requested) : undefined) ?? (vcpus ? { vcpu: vcpus, memoryGib: Math.max(memoryGib, vcpus * 2) } : undefined);
  if (!size) return { sku: requested ?? choice.defaultSku };
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
      filter: (r) => (r.attributes.os === undefined || r.attributes.os === 'linux') && (!prefix || known(prefix + r.sku)) && !exclude?.(r.sku),
    },
    size,
  );
  if (!near) return { sku: requested ?? choice.defaultSku };
  const sku = prefix + near.sku;
  const what = requested ? `${requested} (${describeSize(size)})` : describeSize(size);
  const where = region === ctx.region ? '' : ` (sizes as listed in ${region}: the book lists none in ${ctx.region})`;
  return { sku, mapping: `nearest ${service} size to ${what}: ${sku} (${near.attributes.vcpu} vCPU, ${near.attributes.memoryGib} GiB)${where}` };
}
