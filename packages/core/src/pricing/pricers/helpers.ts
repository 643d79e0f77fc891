import { HOURS_PER_MONTH } from '../../traffic/traffic';
import type { CostItem, PricerContext } from '../types';

/**
 * `ctx` with another config, for a pricer that prices through another one (a machine size, a disk type). Everything
 * else is read through `ctx` when asked — not copied with `{ ...ctx }`, which would drop the context's lazily read
 * parts (load, connections, document) and the engine's record that they were read.
 */
export function withConfig(ctx: PricerContext, config: Record<string, unknown>): PricerContext {
  return {
    def: ctx.def,
    config,
    cloud: ctx.cloud,
    region: ctx.region,
    term: ctx.term,
    book: ctx.book,
    get doc() {
      return ctx.doc;
    },
    get component() {
      return ctx.component;
    },
    get load() {
      return ctx.load;
    },
    get incoming() {
      return ctx.incoming;
    },
    get outgoing() {
      return ctx.outgoing;
    },
    get traffic() {
      return ctx.traffic;
    },
  };
}

/** Instances billed every hour: `replicas`, or the autoscaling minimum (the floor you always pay for). */
export function instanceCount(ctx: PricerContext): { count: number; note?: string } {
  const autoscaling = ctx.config.autoscaling as { min: number; max: number } | undefined;
  if (autoscaling) {
    return { count: autoscaling.min, note: `autoscaling ${autoscaling.min}–${autoscaling.max} instances: priced at the minimum of ${autoscaling.min}; peaks cost more` };
  }
  return { count: (ctx.config.replicas as number | undefined) ?? 1 };
}

export const monthlyHours = (instances: number) => instances * HOURS_PER_MONTH;

/** The monthly requests a usage-based product sees: the usage override, else the traffic model. */
export function monthlyRequests(ctx: PricerContext): number {
  const usage = ctx.config.usage as { monthlyRequests?: number; monthlyMessages?: number } | undefined;
  return usage?.monthlyRequests ?? usage?.monthlyMessages ?? ctx.load.monthlyRequests;
}

export const usage = (ctx: PricerContext) => (ctx.config.usage ?? {}) as Record<string, number | undefined>;

export const termLabel = (term: string) => (term === 'on-demand' ? 'on-demand' : term === 'spot' ? 'spot' : term.replace('reserved-', 'reserved '));

/**
 * Data sent to the internet from an internet-facing component (responses to clients, from the traffic model or
 * `usage.monthlyEgressGb`), as a cost item priced on the cloud's internet egress tiers. Undefined when there is none.
 */
export function internetEgressItem(ctx: PricerContext): CostItem | undefined {
  const gb = ctx.load.egressGb;
  if (!(gb > 0)) return undefined;
  return {
    name: 'Internet egress (responses to clients)',
    quantity: gb,
    unit: 'GB',
    price: { cloud: ctx.cloud, service: 'data-transfer', sku: 'internet-egress' },
    usageBased: true,
  };
}
