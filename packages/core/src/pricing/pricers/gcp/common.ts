import { count } from '../../../format';
import type { PriceQuery, PriceRecord } from '../../price-book';
import { REFERENCE_REGION, type PricedCloud } from '../../regions';
import type { Pricer, PricerContext } from '../../types';
import { readsAndWrites as splitReadsAndWrites } from '../aws/links';

/**
 * Helpers shared by the GCP and Azure pricers (candidates for ../helpers.ts). No prices here: only how quantities are
 * derived from a component's config, usage and traffic.
 */

/** 1 GB = 1,024 × 1,024 KB, as the traffic model counts it (GCP and Azure bill binary GB). */
export const KB_PER_GB = 1024 * 1024;

/**
 * Monthly reads and writes a datastore sees, split the same way as on AWS (../aws/links.ts, so a comparison keeps its
 * assumptions): usage first, else the incoming `read` connections (and `readTypes`) against the other incoming ones,
 * else 80 % reads. The note says which, with the counts.
 */
export function readsAndWrites(ctx: PricerContext, readTypes: readonly string[] = []): { reads: number; writes: number; note: string } {
  const { reads, writes, basis } = splitReadsAndWrites(ctx, readTypes);
  return { reads, writes, note: `${count(reads)} reads and ${count(writes)} writes a month: ${basis}` };
}

/** Connection types that deliver from a topic or queue to a subscriber. */
const DELIVERY_TYPES = ['consume', 'publish', 'stream'];

/** Subscriptions of a topic: its outgoing delivery connections (`consume`, `publish`, `stream`), at least `atLeast`. */
export function subscriberCount(ctx: PricerContext, atLeast = 1): number {
  return Math.max(atLeast, ctx.outgoing.filter((l) => DELIVERY_TYPES.includes(l.connection.type)).length);
}

/** The record the engine will use for a query (its region, else the cloud's reference region, else any region). */
export function recordFor(ctx: PricerContext, query: Omit<PriceQuery, 'region'> & { region?: string }): PriceRecord | undefined {
  const region = query.region ?? ctx.region;
  return (
    ctx.book.find({ ...query, region }) ??
    ctx.book.find({ ...query, region: REFERENCE_REGION[ctx.cloud as PricedCloud] ?? 'global' }) ??
    ctx.book.candidates(query)[0]
  );
}

/** True when the book prices this query in some region (used to choose between equivalent ways of billing). */
export const priced = (ctx: PricerContext, query: Omit<PriceQuery, 'region'>): boolean => ctx.book.candidates(query).length > 0;

/** The component's type belongs to another cloud or is neutral: the pricer maps its config. */
export const isForeign = (ctx: PricerContext, ownTypes: readonly string[]): boolean => !ownTypes.includes(ctx.def.id);

/** For classes with self-hosted variants: the managed pricer only applies unless `managed: false`. */
export const managed = (config: Record<string, unknown>): boolean => config.managed !== false;

/** Smallest entry whose size covers `want`, else the largest. `sizes` ascend. */
export function smallestCovering<T extends { size: number }>(sizes: readonly T[], want: number): T {
  return sizes.find((s) => s.size >= want - 1e-9) ?? sizes[sizes.length - 1]!;
}

/** "1 instance", "2 instances" (`n` as written by `num`). */
export const plural = (n: number, word: string, words = `${word}s`) => `${num(n)} ${n === 1 ? word : words}`;

export { count };
/** Up to `digits` decimals, no trailing zeros (for names and notes). */
export const num = (n: number, digits = 3) => String(Number(n.toFixed(digits)));

/** A quantity without binary float noise: `199.99999999999994` → `200`, while exact values (`250.6256103515625`) stay. */
export function denoise(quantity: number): number {
  // noise sits past the 15th significant digit: drop it when the value is a short decimal underneath
  const rounded = Number(quantity.toPrecision(15));
  return Number(quantity.toPrecision(12)) === rounded ? rounded : quantity;
}

/**
 * Removes float noise from a pricer's quantities, so `199.99999999999994` GB does not reach the bill as
 * `23.9999999999999928` USD. Applied to every GCP and Azure pricer in their `index.ts` lists.
 */
export function tidy(pricer: Pricer): Pricer {
  return {
    ...pricer,
    price(ctx) {
      const result = pricer.price(ctx);
      return { ...result, items: result.items.map((item) => ({ ...item, quantity: denoise(item.quantity) })) };
    },
  };
}
