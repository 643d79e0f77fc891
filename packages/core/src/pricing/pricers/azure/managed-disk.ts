import type { CostItem } from '../../types';

/**
 * Azure managed disks are billed per disk per month by size tier (P10 = 128 GiB…): a requested size is rounded up to
 * the next tier. Premium SSD v2 and Ultra Disk are billed per GiB (plus IOPS and throughput) instead.
 */
const TIER_GIB: ReadonlyArray<[number, number]> = [
  [1, 4],
  [2, 8],
  [3, 16],
  [4, 32],
  [6, 64],
  [10, 128],
  [15, 256],
  [20, 512],
  [30, 1024],
  [40, 2048],
  [50, 4096],
  [60, 8192],
  [70, 16384],
  [80, 32767],
];

const KINDS: Record<string, { sku: string; letter: string; name: string; minTier: number }> = {
  Premium_LRS: { sku: 'premium-ssd', letter: 'P', name: 'Premium SSD', minTier: 1 },
  StandardSSD_LRS: { sku: 'standard-ssd', letter: 'E', name: 'Standard SSD', minTier: 1 },
  Standard_LRS: { sku: 'standard-hdd', letter: 'S', name: 'Standard HDD', minTier: 4 },
};

/** Other clouds' disk types → the nearest managed disk type. */
export const DISK_TYPE_OF: Record<string, string> = {
  'pd-standard': 'Standard_LRS',
  'pd-balanced': 'StandardSSD_LRS',
  'pd-ssd': 'Premium_LRS',
  'hyperdisk-balanced': 'PremiumV2_LRS',
  gp2: 'Premium_LRS',
  gp3: 'Premium_LRS',
};
export const DEFAULT_DISK_TYPE = 'Premium_LRS';

/** The managed disk of `sizeGb` per instance, for `count` instances, as a cost item. */
export function managedDiskItem(diskType: string, sizeGb: number, count: number, label = 'Managed disk'): CostItem {
  const kind = KINDS[diskType];
  if (!kind) {
    const sku = diskType === 'UltraSSD_LRS' ? 'ultra-ssd' : 'premium-ssd-v2';
    return {
      name: `${label} (${diskType === 'UltraSSD_LRS' ? 'Ultra Disk' : 'Premium SSD v2'}, ${sizeGb} GiB × ${count})`,
      quantity: sizeGb * count,
      unit: 'GB-months',
      price: { cloud: 'azure', service: 'managed-disk', sku },
      usageBased: false,
    };
  }
  const [tier, gib] = TIER_GIB.find(([t, size]) => t >= kind.minTier && size >= sizeGb) ?? TIER_GIB[TIER_GIB.length - 1]!;
  return {
    name: `${label} (${kind.name} ${kind.letter}${tier}, ${gib} GiB × ${count})`,
    quantity: count,
    unit: 'disk-months',
    price: { cloud: 'azure', service: 'managed-disk', sku: `${kind.sku}-${kind.letter.toLowerCase()}${tier}`, attributes: { redundancy: 'lrs' } },
    usageBased: false,
  };
}
