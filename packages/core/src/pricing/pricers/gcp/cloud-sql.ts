import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { describeSize, type Size } from '../sizing';
import { num, priced } from './common';
import { sizeOf } from '../sizing';

/** Machine shape when the config gives no instance type and no vCPUs: 2 vCPUs, 8 GB. */
export const DEFAULT_TIER = 'db-custom-2-8192';
/** Memory per vCPU when only `vcpus` is given (the n1-standard ratio). */
export const DEFAULT_GB_PER_VCPU = 3.75;
/** Shared-core tiers and their memory (GB): small instances of another cloud map onto them. */
export const SHARED_CORE: ReadonlyArray<{ sku: string; memoryGb: number }> = [
  { sku: 'db-f1-micro', memoryGb: 0.6 },
  { sku: 'db-g1-small', memoryGb: 1.7 },
];
/** Custom machines: 1 or an even number of vCPUs, 0.9–6.5 GB per vCPU in steps of 256 MB. */
const MIN_GB_PER_VCPU = 0.9;
const MAX_GB_PER_VCPU = 6.5;

type Shape = { shared: true; sku: string } | { shared: false; sku: string; vcpu: number; memoryGb: number };

function customShape(vcpu: number, memoryGb: number): Shape {
  // enough vCPUs for the memory too (at most 6.5 GB each), then 1 or an even number
  const need = Math.max(vcpu, memoryGb / MAX_GB_PER_VCPU);
  const v = need <= 1 ? 1 : 2 * Math.ceil(need / 2);
  const gb = Math.min(Math.max(memoryGb, v * MIN_GB_PER_VCPU), v * MAX_GB_PER_VCPU);
  const mb = Math.ceil((gb * 1024) / 256) * 256;
  return { shared: false, sku: `db-custom-${v}-${mb}`, vcpu: v, memoryGb: mb / 1024 };
}

/** The Cloud SQL machine for the config: a Cloud SQL tier, or the nearest shape to another cloud's class or `vcpus`. */
export function cloudSqlShape(ctx: PricerContext): { shape: Shape; mapping?: string } {
  const it = ctx.config.instanceType as string | undefined;
  const vcpus = ctx.config.vcpus as number | undefined;
  const shared = SHARED_CORE.find((s) => s.sku === it);
  if (shared) return { shape: { shared: true, sku: shared.sku } };
  const custom = it && /^db-custom-(\d+)-(\d+)$/.exec(it);
  if (custom) return { shape: { shared: false, sku: it!, vcpu: Number(custom[1]), memoryGb: Number(custom[2]) / 1024 } };
  const n1 = it && /^db-n1-(standard|highmem)-(\d+)$/.exec(it);
  if (n1) {
    const v = Number(n1[2]);
    return { shape: { shared: false, sku: it!, vcpu: v, memoryGb: v * (n1[1] === 'standard' ? 3.75 : 6.5) } };
  }
  let size: Size | undefined;
  let what: string | undefined;
  if (it) {
    size = sizeOf(ctx.book, it.replace(/^(B|GP|MO)_/, ''));
    if (size) what = `${it} (${describeSize(size)})`;
  }
  if (!size && vcpus) {
    size = { vcpu: vcpus, memoryGib: vcpus * DEFAULT_GB_PER_VCPU };
    what = `${vcpus} vCPUs`;
  }
  if (!size) {
    const [, v, mb] = /^db-custom-(\d+)-(\d+)$/.exec(DEFAULT_TIER)!;
    return { shape: { shared: false, sku: DEFAULT_TIER, vcpu: Number(v), memoryGb: Number(mb) / 1024 }, ...(it && { mapping: `${it} is not a known size: priced as ${DEFAULT_TIER}` }) };
  }
  const small = size.memoryGib <= SHARED_CORE[SHARED_CORE.length - 1]!.memoryGb ? SHARED_CORE.find((s) => s.memoryGb >= size.memoryGib * 0.95) : undefined;
  const shape: Shape = small ? { shared: true, sku: small.sku } : customShape(size.vcpu, size.memoryGib);
  const described = shape.shared ? `${shape.sku} (shared core)` : `${shape.sku} (${shape.vcpu} vCPUs, ${num(shape.memoryGb)} GB)`;
  return { shape, mapping: `nearest Cloud SQL machine to ${what}: ${described}` };
}

/**
 * Cloud SQL for PostgreSQL and MySQL (Enterprise edition): vCPU-hours and memory GB-hours (or a shared-core tier's
 * hours), zonal or regional (HA: `multiAz`, roughly double), SSD storage per GB-month (doubled for HA), and each read
 * replica as another zonal instance with its own storage. Committed use is priced per shape where the book only has
 * whole-shape prices for that term. Backups beyond the free allowance are not priced.
 */
export default definePricer({
  id: 'gcp.cloud-sql',
  cloud: 'gcp',
  equivalence: ['managed-postgres', 'managed-mysql'],
  price(ctx): PricerResult {
    const engine = ctx.def.equivalence === 'managed-mysql' ? 'MySQL' : 'PostgreSQL';
    const { shape, mapping } = cloudSqlShape(ctx);
    const multiAz = ctx.config.multiAz === true;
    const storageGb = (ctx.config.storageGb as number | undefined) ?? 20;
    const replicas = (ctx.config.readReplicas as number | undefined) ?? 0;
    const term = termLabel(ctx.term);

    const instance = (availability: 'zonal' | 'regional', prefix: string): CostItem[] => {
      const where = availability === 'regional' ? 'regional HA' : 'zonal';
      const attributes = { availability };
      const whole = (): CostItem => ({
        name: `${prefix}Instance usage (${term}, ${where}, ${shape.sku})`,
        quantity: monthlyHours(1),
        unit: 'hours',
        price: { cloud: 'gcp', service: 'cloud-sql', sku: shape.sku, term: ctx.term, attributes },
        usageBased: false,
      });
      if (shape.shared) return [whole()];
      const perUnit = priced(ctx, { cloud: 'gcp', service: 'cloud-sql', sku: 'vcpu', term: ctx.term, attributes });
      if (!perUnit && priced(ctx, { cloud: 'gcp', service: 'cloud-sql', sku: shape.sku, term: ctx.term, attributes })) return [whole()];
      return [
        {
          name: `${prefix}vCPUs (${term}, ${where}, ${shape.vcpu} vCPUs)`,
          quantity: monthlyHours(shape.vcpu),
          unit: 'vCPU-hours',
          price: { cloud: 'gcp', service: 'cloud-sql', sku: 'vcpu', term: ctx.term, attributes },
          usageBased: false,
        },
        {
          name: `${prefix}Memory (${term}, ${where}, ${num(shape.memoryGb)} GB)`,
          quantity: monthlyHours(shape.memoryGb),
          unit: 'GB-hours',
          price: { cloud: 'gcp', service: 'cloud-sql', sku: 'memory', term: ctx.term, attributes },
          usageBased: false,
        },
      ];
    };
    const storage = (availability: 'zonal' | 'regional', prefix: string): CostItem => ({
      name: `${prefix}Storage (SSD, ${storageGb} GB, ${availability === 'regional' ? 'regional HA' : 'zonal'})`,
      quantity: storageGb,
      unit: 'GB-months',
      price: { cloud: 'gcp', service: 'cloud-sql', sku: 'storage-ssd', attributes: { availability } },
      usageBased: false,
    });

    const availability = multiAz ? 'regional' : 'zonal';
    const items: CostItem[] = [...instance(availability, ''), storage(availability, '')];
    for (let k = 1; k <= replicas; k++) items.push(...instance('zonal', `Read replica ${k}: `), storage('zonal', `Read replica ${k}: `));
    const notes = ['automated backups beyond the provisioned storage size are billed per GB-month (not priced)'];
    if (shape.shared) notes.push('shared-core tiers have no SLA');
    return { product: `Cloud SQL for ${engine} ${shape.sku}${multiAz ? ' (HA)' : ''}`, sku: shape.sku, items, notes, ...(mapping && { mapping }) };
  },
});
