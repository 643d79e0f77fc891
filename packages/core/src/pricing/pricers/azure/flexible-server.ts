import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { describeSize, type Size } from '../sizing';
import { num, priced, smallestCovering } from '../gcp/common';
import { isBurstable, sizeOf } from '../sizing';

/** Burstable (B-series) servers: vCPUs and memory (GiB). */
export const BURSTABLE: ReadonlyArray<{ sku: string; vcpu: number; memoryGib: number }> = [
  { sku: 'B1ms', vcpu: 1, memoryGib: 2 },
  { sku: 'B2s', vcpu: 2, memoryGib: 4 },
  { sku: 'B2ms', vcpu: 2, memoryGib: 8 },
  { sku: 'B4ms', vcpu: 4, memoryGib: 16 },
  { sku: 'B8ms', vcpu: 8, memoryGib: 32 },
  { sku: 'B12ms', vcpu: 12, memoryGib: 48 },
  { sku: 'B16ms', vcpu: 16, memoryGib: 64 },
  { sku: 'B20ms', vcpu: 20, memoryGib: 80 },
];
/** General Purpose and Memory Optimized vCore counts offered (4 GiB per vCore GP, 8 GiB MO). */
export const VCORES = [2, 4, 8, 16, 32, 48, 64, 96].map((size) => ({ size }));
/** Server when the config gives no size: B2s (2 vCPU, 4 GiB), like RDS's db.t4g.medium. */
export const DEFAULT_SKU = 'B2s';
/** PostgreSQL storage sizes (GiB); MySQL takes any size from 20 GiB. */
export const POSTGRES_STORAGE_GB = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768].map((size) => ({ size }));
export const MYSQL_MIN_STORAGE_GB = 20;

type Compute = { tier: 'burstable'; sku: string } | { tier: 'general-purpose' | 'memory-optimized'; vcores: number; sku: string };

/** The server for the config: an Azure size, or the nearest to another cloud's class or `vcpus`. */
export function flexibleCompute(ctx: PricerContext): { compute: Compute; mapping?: string } {
  const it = ctx.config.instanceType as string | undefined;
  const vcpus = ctx.config.vcpus as number | undefined;
  const name = it?.replace(/^(B|GP|MO)_/, '').replace(/^Standard_/, '');
  const burstable = name && BURSTABLE.find((b) => b.sku.toLowerCase() === name.toLowerCase());
  if (burstable) return { compute: { tier: 'burstable', sku: burstable.sku } };
  const azure = name && /^(D|E)(\d+)[a-z]*(_v\d+)?$/.exec(name);
  if (azure) return { compute: { tier: azure[1] === 'E' ? 'memory-optimized' : 'general-purpose', vcores: Number(azure[2]), sku: name } };
  let size: Size | undefined;
  let what: string | undefined;
  if (it) {
    size = sizeOf(ctx.book, it);
    if (size) what = `${it} (${describeSize(size)})`;
  }
  if (!size && vcpus) {
    size = { vcpu: vcpus, memoryGib: vcpus * 4 };
    what = `${vcpus} vCPUs`;
  }
  if (!size) return { compute: { tier: 'burstable', sku: DEFAULT_SKU }, ...(it && { mapping: `${it} is not a known size: priced as ${DEFAULT_SKU}` }) };
  let compute: Compute;
  if (it && isBurstable(it)) {
    const b = BURSTABLE.find((s) => s.vcpu >= size.vcpu && s.memoryGib >= size.memoryGib * 0.95) ?? BURSTABLE[BURSTABLE.length - 1]!;
    compute = { tier: 'burstable', sku: b.sku };
  } else {
    const memoryOptimized = size.memoryGib / size.vcpu >= 7;
    const vcores = smallestCovering(VCORES, Math.max(size.vcpu, size.memoryGib / (memoryOptimized ? 8 : 4))).size;
    compute = memoryOptimized ? { tier: 'memory-optimized', vcores, sku: `E${vcores}ds_v5` } : { tier: 'general-purpose', vcores, sku: `D${vcores}ds_v5` };
  }
  const described = compute.tier === 'burstable' ? `Burstable ${compute.sku}` : `${compute.tier === 'general-purpose' ? 'General Purpose' : 'Memory Optimized'} ${compute.vcores} vCores (${compute.sku})`;
  return { compute, mapping: `nearest Flexible Server size to ${what}: ${described}` };
}

/** The General Purpose server with at least a Burstable server's vCPUs and memory (4 GiB per vCore). */
function generalPurposeFor(burstableSku: string): Compute {
  const spec = BURSTABLE.find((b) => b.sku === burstableSku) ?? BURSTABLE[1]!;
  const vcores = smallestCovering(VCORES, Math.max(spec.vcpu, spec.memoryGib / 4)).size;
  return { tier: 'general-purpose', vcores, sku: `D${vcores}ds_v5` };
}

/**
 * Azure Database for PostgreSQL / MySQL Flexible Server: compute hours (a Burstable B-series server, or General
 * Purpose / Memory Optimized vCore-hours × vCores), storage per GB-month (PostgreSQL rounds up to its disk sizes),
 * zone-redundant HA (`multiAz`, General Purpose or Memory Optimized only) as a standby billed like the primary, compute
 * and storage, and each read replica as another server with its own storage. Backup storage up to the provisioned size is free.
 */
export default definePricer({
  id: 'azure.flexible-server',
  cloud: 'azure',
  equivalence: ['managed-postgres', 'managed-mysql'],
  price(ctx): PricerResult {
    const mysql = ctx.def.equivalence === 'managed-mysql';
    const service = mysql ? 'mysql-flexible' : 'postgresql-flexible';
    const { compute: chosen, mapping } = flexibleCompute(ctx);
    const multiAz = ctx.config.multiAz === true;
    // zone-redundant HA is not offered on Burstable servers: the smallest General Purpose size that holds the server
    const haUpgrade = multiAz && chosen.tier === 'burstable';
    const compute: Compute = haUpgrade ? generalPurposeFor(chosen.sku) : chosen;
    const asked = (ctx.config.storageGb as number | undefined) ?? 20;
    const storageGb = mysql ? Math.max(MYSQL_MIN_STORAGE_GB, Math.ceil(asked)) : smallestCovering(POSTGRES_STORAGE_GB, asked).size;
    const replicas = (ctx.config.readReplicas as number | undefined) ?? 0;
    const term = termLabel(ctx.term);

    const computeItem = (label: string): CostItem => {
      if (compute.tier === 'burstable') {
        return { name: `${label} (${term}, Burstable, ${compute.sku})`, quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'azure', service, sku: compute.sku, term: ctx.term }, usageBased: false };
      }
      const vcoreSku = compute.tier === 'general-purpose' ? 'gp-vcore' : 'mo-vcore';
      const tierName = compute.tier === 'general-purpose' ? 'General Purpose' : 'Memory Optimized';
      // per-vCore prices where the book has them for this term, else the whole server's price
      if (!priced(ctx, { cloud: 'azure', service, sku: vcoreSku, term: ctx.term }) && priced(ctx, { cloud: 'azure', service, sku: compute.sku, term: ctx.term })) {
        return { name: `${label} (${term}, ${tierName}, ${compute.sku})`, quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'azure', service, sku: compute.sku, term: ctx.term }, usageBased: false };
      }
      return {
        name: `${label} (${term}, ${tierName}, ${compute.vcores} vCores)`,
        quantity: monthlyHours(compute.vcores),
        unit: 'vCore-hours',
        price: { cloud: 'azure', service, sku: vcoreSku, term: ctx.term },
        usageBased: false,
      };
    };
    const storageItem = (label: string): CostItem => ({ name: `${label} (${storageGb} GB)`, quantity: storageGb, unit: 'GB-months', price: { cloud: 'azure', service, sku: 'storage' }, usageBased: false });

    const items: CostItem[] = [computeItem('Compute'), storageItem('Storage')];
    if (multiAz) items.push(computeItem('Standby compute, zone-redundant HA'), storageItem('Standby storage, zone-redundant HA'));
    for (let k = 1; k <= replicas; k++) items.push(computeItem(`Read replica ${k} compute`), storageItem(`Read replica ${k} storage`));
    const notes = ['backup storage up to the provisioned storage size is free; beyond it not priced'];
    if (haUpgrade) notes.push(`zone-redundant HA is not offered on Burstable servers: ${chosen.sku} priced as General Purpose ${compute.sku}`);
    if (storageGb !== asked) notes.push(`${num(asked)} GB → ${storageGb} GB provisioned (${mysql ? `at least ${MYSQL_MIN_STORAGE_GB} GB` : 'PostgreSQL disk sizes'})`);
    const engine = mysql ? 'MySQL' : 'PostgreSQL';
    return { product: `Azure Database for ${engine} Flexible Server ${compute.sku}${multiAz ? ' (zone-redundant HA)' : ''}`, sku: compute.sku, items, notes, ...(mapping && { mapping }) };
  },
});
