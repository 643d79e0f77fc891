import type { PriceBook, PriceRecord, PriceTerm } from '../price-book';

/** vCPU and memory of an instance type. */
export interface Size {
  vcpu: number;
  memoryGib: number;
}

/*
 * Sizes are read from the price book's `vcpu`/`memoryGib` attributes where records carry them, else from the
 * instance type's name by each provider's naming scheme (EC2 `m5.large`, Azure `Standard_D4s_v5`, GCP
 * `n2-standard-4`). These are specifications, not prices; they let a design move between clouds and sizes.
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

const SIZE_SERVICES: ReadonlyArray<[string, string]> = [
  ['aws', 'ec2'],
  ['gcp', 'compute-engine'],
  ['azure', 'vm'],
];

/** The size of an instance type of any cloud: the book's attributes where it has them, else its name. */
export function sizeOf(book: PriceBook, instanceType: string): Size | undefined {
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(instanceType); // Cloud SQL custom machine: vCPUs and memory in MB
  if (custom) return { vcpu: Number(custom[1]), memoryGib: Number(custom[2]) / 1024 };
  const vmType = instanceType.replace(/^(db|cache|kafka)\./, '').replace(/\.search$/, '');
  for (const [cloud, service] of SIZE_SERVICES) {
    const record = book.candidates({ cloud, service, sku: vmType })[0];
    const size = record && recordSize(record);
    if (size) return size;
  }
  return sizeFromName(instanceType);
}

/** A record's size: its attributes, else its sku's name. */
export function recordSize(record: PriceRecord): Size | undefined {
  const vcpu = Number(record.attributes.vcpu);
  const memoryGib = Number(record.attributes.memoryGib);
  return vcpu > 0 && memoryGib > 0 ? { vcpu, memoryGib } : sizeFromName(record.sku);
}

/**
 * The sku of `service` in `region` nearest to `want`: the cheapest that has at least the vCPUs and memory asked for;
 * otherwise the one that falls least short. Records whose size is unknown are ignored.
 */
export function nearestSku(
  book: PriceBook,
  query: { cloud: string; service: string; region: string; term?: PriceTerm; filter?: (r: PriceRecord) => boolean },
  want: Size,
): PriceRecord | undefined {
  let best: PriceRecord | undefined;
  let bestScore = Infinity;
  for (const record of book.skus(query.cloud, query.service, query.region, query.term)) {
    if (query.filter && !query.filter(record)) continue;
    const size = recordSize(record);
    if (!size) continue;
    const covers = size.vcpu >= want.vcpu && size.memoryGib >= want.memoryGib * 0.95;
    // covering skus rank by price; the others rank after them by how much they fall short
    const score = covers ? Number(record.usd) : 1e9 + (want.vcpu - size.vcpu) * 1e3 + (want.memoryGib - size.memoryGib);
    if (score < bestScore) {
      best = record;
      bestScore = score;
    }
  }
  return best;
}

export const describeSize = (size: Size) => `${size.vcpu} vCPU, ${size.memoryGib} GiB`;
