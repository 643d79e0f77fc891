import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { managed, num } from './common';
import { sizeOf } from '../sizing';

/** Memorystore for Redis capacity tiers: the price per GB-hour falls with the instance size (GB). */
export const CAPACITY_TIERS: ReadonlyArray<{ tier: string; upToGb: number }> = [
  { tier: 'M1', upToGb: 4 },
  { tier: 'M2', upToGb: 10 },
  { tier: 'M3', upToGb: 35 },
  { tier: 'M4', upToGb: 100 },
  { tier: 'M5', upToGb: 300 },
];
export const MIN_CAPACITY_GB = 1;
export const MAX_CAPACITY_GB = 300;

/** Memory of Azure Cache for Redis sizes (GB), to map an Azure config here. */
export const AZURE_CACHE_GB: Record<string, number> = { C0: 0.25, C1: 1, C2: 2.5, C3: 6, C4: 13, C5: 26, C6: 53, P1: 6, P2: 13, P3: 26, P4: 53, P5: 120 };

/** Memory per node (GB) from the config: an Azure cache size, another cloud's node type, or `memoryGb`. */
export function nodeMemoryGb(ctx: PricerContext): { gb: number; from?: string } {
  const it = ctx.config.instanceType as string | undefined;
  if (it) {
    const azure = AZURE_CACHE_GB[it.replace(/^(Basic|Standard|Premium)_/, '').toUpperCase()];
    if (azure !== undefined) return { gb: azure, from: it };
    const size = sizeOf(ctx.book, it);
    if (size) return { gb: size.memoryGib, from: it };
  }
  return { gb: (ctx.config.memoryGb as number | undefined) ?? 1 };
}

/**
 * Memorystore for Redis: provisioned capacity per GB-hour, priced by service tier (Basic: one node; Standard: a
 * replicated primary with automatic failover, chosen when `multiAz` or read replicas are asked for) and capacity tier
 * (M1–M5 by size). Shards are priced as one instance of their total capacity. Read replicas beyond the first (the
 * Standard tier's replica) are billed per node and come out as their own line.
 */
export default definePricer({
  id: 'gcp.memorystore',
  cloud: 'gcp',
  equivalence: ['managed-redis'],
  when: managed,
  price(ctx): PricerResult {
    const c = ctx.config;
    const { gb: perNode, from } = nodeMemoryGb(ctx);
    const shards = (c.shardCount as number | undefined) ?? 1;
    const replicas = (c.readReplicas as number | undefined) ?? 0;
    const standard = c.multiAz === true || replicas > 0;
    const capacity = Math.min(MAX_CAPACITY_GB, Math.max(MIN_CAPACITY_GB, Math.ceil(perNode * shards - 1e-9)));
    const capacityTier = CAPACITY_TIERS.find((t) => capacity <= t.upToGb)!.tier;
    const tier = standard ? 'standard' : 'basic';
    const tierName = standard ? 'Standard' : 'Basic';
    const items: CostItem[] = [
      {
        name: `Redis capacity (${termLabel(ctx.term)}, ${tierName} tier, ${capacityTier}, ${capacity} GB)`,
        quantity: monthlyHours(capacity),
        unit: 'GB-hours',
        price: { cloud: 'gcp', service: 'memorystore', sku: 'capacity', term: ctx.term, attributes: { tier, capacityTier } },
        usageBased: false,
      },
    ];
    if (replicas > 1) {
      items.push({
        name: `Read replicas beyond the first (${replicas - 1} × ${capacity} GB)`,
        quantity: monthlyHours(capacity * (replicas - 1)),
        unit: 'GB-hours',
        price: { cloud: 'gcp', service: 'memorystore', sku: 'read-replica-capacity', term: ctx.term, attributes: { tier, capacityTier } },
        usageBased: false,
      });
    }
    const notes: string[] = [];
    if (capacity !== perNode * shards) notes.push(`${num(perNode * shards)} GB → ${capacity} GB provisioned (whole GB, ${MIN_CAPACITY_GB}–${MAX_CAPACITY_GB} GB)`);
    if (shards > 1) notes.push(`${shards} shards priced as one ${capacity} GB instance (Memorystore for Redis Cluster is billed per node instead)`);
    if (standard) notes.push(`Standard tier (replicated, automatic failover) for ${c.multiAz === true ? 'multiAz' : 'read replicas'}; its price includes the first replica`);
    if (c.engine === 'valkey') notes.push('priced as Memorystore for Redis (Memorystore for Valkey is billed per node)');
    const mapping = from ? `${from} (${num(perNode)} GB) → Memorystore ${tierName} ${capacity} GB` : undefined;
    return { product: `Memorystore for Redis (${tierName}, ${capacity} GB)`, sku: capacityTier, items, notes, ...(mapping && { mapping }) };
  },
});
