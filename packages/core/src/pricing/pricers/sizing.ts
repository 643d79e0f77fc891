import type { PriceBook, PriceRecord, PriceTerm } from '../price-book';

/** vCPU and memory of an instance type, from the price book's attributes on any cloud. */
export interface Size {
  vcpu: number;
  memoryGib: number;
}

const SIZE_SERVICES: ReadonlyArray<[string, string]> = [
  ['aws', 'ec2'],
  ['gcp', 'compute-engine'],
  ['azure', 'vm'],
];

/** The size of a VM-like instance type, whichever cloud it belongs to. `db.`/`cache.` prefixes map to the VM family. */
export function sizeOf(book: PriceBook, instanceType: string): Size | undefined {
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(instanceType); // Cloud SQL custom machine: vCPUs and memory in MB
  if (custom) return { vcpu: Number(custom[1]), memoryGib: Number(custom[2]) / 1024 };
  const vmType = instanceType.replace(/^(db|cache)\./, '').replace(/\.search$/, '');
  for (const [cloud, service] of SIZE_SERVICES) {
    const record = book.candidates({ cloud, service, sku: vmType })[0];
    const vcpu = Number(record?.attributes.vcpu);
    const memoryGib = Number(record?.attributes.memoryGib);
    if (record && vcpu > 0 && memoryGib > 0) return { vcpu, memoryGib };
  }
  return undefined;
}

/**
 * The sku of `service` in `region` nearest to `want`: at least the vCPUs and memory asked for when one exists, then the
 * cheapest of those; otherwise the largest. Records without vcpu/memory attributes are ignored.
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
    const vcpu = Number(record.attributes.vcpu);
    const memoryGib = Number(record.attributes.memoryGib);
    if (!(vcpu > 0 && memoryGib > 0)) continue;
    const covers = vcpu >= want.vcpu && memoryGib >= want.memoryGib * 0.95;
    // covering skus rank by price; the others rank after them by how much they fall short
    const score = covers ? Number(record.usd) : 1e9 + (want.vcpu - vcpu) * 1e3 + (want.memoryGib - memoryGib);
    if (score < bestScore) {
      best = record;
      bestScore = score;
    }
  }
  return best;
}

export const describeSize = (size: Size) => `${size.vcpu} vCPU, ${size.memoryGib} GiB`;
