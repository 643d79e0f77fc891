import { HOURS_PER_MONTH } from '../../traffic/traffic';
import type { PricerContext } from '../types';

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
