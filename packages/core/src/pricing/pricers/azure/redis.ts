import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { managed, num } from '../gcp/common';
import { sizeOf } from '../sizing';

/** Azure Cache for Redis sizes: Basic/Standard C0–C6 and Premium P1–P5, with their memory (GB). */
export const CACHE_SIZES: ReadonlyArray<{ size: string; gb: number }> = [
  { size: 'C0', gb: 0.25 },
  { size: 'C1', gb: 1 },
  { size: 'C2', gb: 2.5 },
  { size: 'C3', gb: 6 },
  { size: 'C4', gb: 13 },
  { size: 'C5', gb: 26 },
  { size: 'C6', gb: 53 },
];
export const PREMIUM_SIZES: ReadonlyArray<{ size: string; gb: number }> = [
  { size: 'P1', gb: 6 },
  { size: 'P2', gb: 13 },
  { size: 'P3', gb: 26 },
  { size: 'P4', gb: 53 },
  { size: 'P5', gb: 120 },
];

/**
 * Azure Cache for Redis: node hours by tier and size. Basic is one node; Standard is a replicated pair (2 nodes, chosen
 * when `multiAz` or read replicas are asked for); Premium (for more than 53 GB, or several shards) has 2 nodes per
 * shard plus extra replicas. A node type or `memoryGb` of another cloud maps to the smallest size that holds it.
 */
export default definePricer({
  id: 'azure.redis',
  cloud: 'azure',
  equivalence: ['managed-redis'],
  when: managed,
  price(ctx): PricerResult {
    const c = ctx.config;
    const it = c.instanceType as string | undefined;
    const named = it?.replace(/^(Basic|Standard|Premium)_/i, '').toUpperCase();
    const shards = (c.shardCount as number | undefined) ?? 1;
    const replicas = (c.readReplicas as number | undefined) ?? 0;
    const ha = c.multiAz === true || replicas > 0;
    let size = CACHE_SIZES.find((s) => s.size === named) ?? PREMIUM_SIZES.find((s) => s.size === named);
    let mapping: string | undefined;
    if (!size) {
      const fromType = it ? sizeOf(ctx.book, it)?.memoryGib : undefined;
      const gb = fromType ?? (c.memoryGb as number | undefined) ?? 1;
      const sizes = shards > 1 || gb > CACHE_SIZES[CACHE_SIZES.length - 1]!.gb ? PREMIUM_SIZES : CACHE_SIZES;
      size = sizes.find((s) => s.gb >= gb - 1e-9) ?? sizes[sizes.length - 1]!;
      if (it) mapping = `${it}${fromType !== undefined ? ` (${num(fromType)} GB)` : ''} → ${size.size} (${size.gb} GB)`;
    }
    const premium = size.size.startsWith('P');
    const tier = premium ? 'premium' : ha ? 'standard' : 'basic';
    const tierName = tier[0]!.toUpperCase() + tier.slice(1);
    const nodes = tier === 'basic' ? 1 : premium ? shards * (2 + Math.max(0, replicas - 1)) : 2;
    const items: CostItem[] = [
      {
        name: `Cache nodes (${termLabel(ctx.term)}, ${tierName} ${size.size}, ${nodes} node${nodes > 1 ? 's' : ''})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'azure', service: 'redis', sku: `${tier}-${size.size.toLowerCase()}`, term: ctx.term },
        usageBased: false,
      },
    ];
    const notes = [
      tier === 'basic' ? 'Basic: one node, no replication or SLA' : premium ? `Premium: ${shards} shard${shards > 1 ? 's' : ''} × (primary + ${1 + Math.max(0, replicas - 1)} replica${replicas > 1 ? 's' : ''})` : 'Standard: primary and replica, 2 nodes',
    ];
    if (!premium && shards > 1) notes.push('clustering needs Premium');
    return { product: `Azure Cache for Redis ${tierName} ${size.size}`, sku: `${tier}-${size.size.toLowerCase()}`, items, notes, ...(mapping && { mapping }) };
  },
});
