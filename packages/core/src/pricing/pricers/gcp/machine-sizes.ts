import type { PriceBook, PriceRecord } from '../../price-book';
import { REFERENCE_REGION, type PricedCloud } from '../../regions';
import type { PricerContext } from '../../types';
import { describeSize, sizeOf, type Size } from '../sizing';

/**
 * Instance sizes for mapping between clouds when the price book's records carry no `vcpu`/`memoryGib` (today the
 * EC2 and Azure VM records): vCPUs and memory read from the instance type's name by each provider's naming scheme.
 * These are specifications, not prices. Shared by the GCP and Azure pricers (a candidate for ../sizing.ts).
 */

const AWS_SIZE = /^(?:db\.|cache\.|kafka\.)?([a-z]+)(\d+)([a-z-]*)\.(nano|micro|small|medium|large|xlarge|(\d+)xlarge)(?:\.search)?$/;
/** GiB per vCPU by EC2 family letter. */
const AWS_GIB_PER_VCPU: Record<string, number> = { c: 2, m: 4, r: 8, x: 16, z: 8, i: 8 };
/** Burstable T3/T3a/T4g sizes: [vCPU, GiB]. */
const AWS_T: Record<string, [number, number]> = { nano: [2, 0.5], micro: [2, 1], small: [2, 2], medium: [2, 4], large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32] };
const AWS_T2: Record<string, [number, number]> = { nano: [1, 0.5], micro: [1, 1], small: [1, 2], medium: [2, 4], large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32] };

const AZURE_SIZE = /^(?:Standard_)?([A-Z]+)(\d+)([a-z]*)(?:_v(\d+))?$/;
/** Azure B-series (v1) sizes: [vCPU, GiB]. */
const AZURE_B: Record<string, [number, number]> = {
  B1ls: [1, 0.5],
  B1s: [1, 1],
  B1ms: [1, 2],
  B2s: [2, 4],
  B2ms: [2, 8],
  B4ms: [4, 16],
  B8ms: [8, 32],
  B12ms: [12, 48],
  B16ms: [16, 64],
  B20ms: [20, 80],
};

const GCP_SIZE = /^([a-z0-9]+)-(standard|highmem|highcpu)-(\d+)$/;
const GCP_SHARED: Record<string, [number, number]> = { 'e2-micro': [2, 1], 'e2-small': [2, 2], 'e2-medium': [2, 4] };

/** vCPUs and memory of an AWS, Azure or GCP instance type, from its name; undefined when the scheme is not known. */
export function sizeFromName(type: string): Size | undefined {
  const aws = AWS_SIZE.exec(type);
  if (aws) {
    const [, family = '', generation = '', , size = '', n] = aws;
    if (family === 't') {
      const spec = (generation === '2' ? AWS_T2 : AWS_T)[size];
      return spec && { vcpu: spec[0], memoryGib: spec[1] };
    }
    const perVcpu = AWS_GIB_PER_VCPU[family];
    if (!perVcpu) return undefined;
    const vcpu = size === 'medium' ? 1 : size === 'large' ? 2 : size === 'xlarge' ? 4 : n ? 4 * Number(n) : undefined;
    return vcpu ? { vcpu, memoryGib: vcpu * perVcpu } : undefined;
  }
  const gcp = GCP_SIZE.exec(type);
  if (gcp) {
    const [, series = '', kind = '', n = ''] = gcp;
    const vcpu = Number(n);
    const n1 = series === 'n1';
    const perVcpu = kind === 'standard' ? (n1 ? 3.75 : 4) : kind === 'highmem' ? (n1 ? 6.5 : 8) : n1 ? 0.9 : 1;
    return { vcpu, memoryGib: vcpu * perVcpu };
  }
  const shared = GCP_SHARED[type];
  if (shared) return { vcpu: shared[0], memoryGib: shared[1] };
  const azure = AZURE_SIZE.exec(type);
  if (azure) {
    const [, family = '', n = '', features = '', version] = azure;
    const vcpu = Number(n);
    if (family === 'B' && !version) {
      const spec = AZURE_B[`B${n}${features}`];
      return spec && { vcpu: spec[0], memoryGib: spec[1] };
    }
    const perVcpu = family === 'D' ? (features.includes('l') ? 2 : 4) : family === 'E' ? 8 : family === 'F' ? 2 : undefined;
    return perVcpu && vcpu > 0 ? { vcpu, memoryGib: vcpu * perVcpu } : undefined;
  }
  return undefined;
}

/** Burstable / shared-core types (AWS T, Azure B, GCP e2 shared-core, Cloud SQL shared-core). */
export const isBurstable = (type: string): boolean =>
  /^((db|cache|kafka)\.)?t\d/.test(type) || /^(Standard_)?B\d/.test(type) || /^e2-(micro|small|medium)$/.test(type) || /^db-(f1-micro|g1-small)$/.test(type);

/** Size of an instance type of any cloud: the book's attributes where it has them, else the name. */
export const sizeOfAny = (book: PriceBook, type: string): Size | undefined => sizeOf(book, type) ?? sizeFromName(type);

const recordSize = (record: PriceRecord): Size | undefined => {
  const vcpu = Number(record.attributes.vcpu);
  const memoryGib = Number(record.attributes.memoryGib);
  return vcpu > 0 && memoryGib > 0 ? { vcpu, memoryGib } : sizeFromName(record.sku);
};

export interface MachineChoice {
  cloud: string;
  service: string;
  defaultSku: string;
  /** Keep only these skus (e.g. a family) when choosing the nearest size. */
  filter?: (sku: string) => boolean;
}

/**
 * The machine type to price: the configured one when the book has it on this cloud; otherwise the cheapest one at
 * least as large as the configured type of another cloud (or `vcpus` / `memoryMb`), in this region or else the
 * cloud's reference region, with the mapping stated; otherwise the default. Like `chooseInstance` (../vm.ts), but it
 * also knows sizes from instance names, so AWS and Azure types map even when their records carry no sizes.
 */
export function chooseMachine(ctx: PricerContext, choice: MachineChoice): { sku: string; size?: Size; mapping?: string } {
  const { cloud, service } = choice;
  const known = (sku: string) => ctx.book.candidates({ cloud, service, sku }).length > 0;
  const requested = ctx.config.instanceType as string | undefined;
  if (requested && known(requested)) return { sku: requested, size: sizeOfAny(ctx.book, requested) };
  const vcpus = ctx.config.vcpus as number | undefined;
  const memoryGib = ctx.config.memoryMb !== undefined ? (ctx.config.memoryMb as number) / 1024 : ((ctx.config.memoryGb as number | undefined) ?? 0);
  const want: Size | undefined = (requested ? sizeOfAny(ctx.book, requested) : undefined) ?? (vcpus ? { vcpu: vcpus, memoryGib: Math.max(memoryGib, vcpus * 2) } : undefined);
  if (!want) {
    if (requested) return { sku: requested }; // a size the book does not know: an unknown line, not a guess
    return { sku: choice.defaultSku, size: sizeOfAny(ctx.book, choice.defaultSku) };
  }
  const burstableOk = requested !== undefined && isBurstable(requested);
  const pick = (region: string) => {
    let best: { record: PriceRecord; size: Size } | undefined;
    let bestScore = Infinity;
    for (const record of ctx.book.skus(cloud, service, region, 'on-demand')) {
      if (record.attributes.os !== undefined && record.attributes.os !== 'linux') continue;
      if (choice.filter && !choice.filter(record.sku)) continue;
      // a general-purpose machine is not mapped onto a burstable one, however cheap
      if (!burstableOk && isBurstable(record.sku)) continue;
      const size = recordSize(record);
      if (!size) continue;
      const covers = size.vcpu >= want.vcpu && size.memoryGib >= want.memoryGib * 0.95;
      const score = covers ? Number(record.usd) : 1e9 + (want.vcpu - size.vcpu) * 1e3 + (want.memoryGib - size.memoryGib);
      if (score < bestScore) {
        best = { record, size };
        bestScore = score;
      }
    }
    return best;
  };
  const near = pick(ctx.region) ?? pick(REFERENCE_REGION[cloud as PricedCloud] ?? ctx.region);
  if (!near) return { sku: requested ?? choice.defaultSku };
  const what = requested ? `${requested} (${describeSize(want)})` : describeSize(want);
  return { sku: near.record.sku, size: near.size, mapping: `nearest ${service} size to ${what}: ${near.record.sku} (${near.size.vcpu} vCPU, ${near.size.memoryGib} GiB)` };
}
