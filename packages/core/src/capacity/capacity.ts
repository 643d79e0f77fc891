import { getComponentDef } from '../catalog/catalog';
import { resolveConfig } from '../document/resolve';
import type { Component } from '../document/schema';
import { fmt } from '../format';
import type { PriceBook } from '../pricing/price-book';
import { sizeOf } from '../pricing/pricers/sizing';

/** Default run time per Lambda invocation when none is given, as the Lambda pricer assumes. */
const DEFAULT_FUNCTION_DURATION_MS = 200;

export interface Capacity {
  /** Instances counted: replicas, nodes or brokers; the autoscaling maximum when autoscaling is set. */
  instances: number;
  perInstanceRps: number;
  totalRps: number;
  /** How the figure was reached, for messages: "2 × t3.large (2 vCPU) × 100 requests/s per vCPU". */
  basis: string;
}

/** Config keys that count instances, in the order they are read, with the word for one and for several. */
export const INSTANCE_COUNT_KEYS: ReadonlyArray<readonly [key: string, one: string, many: string]> = [
  ['replicas', 'instance', 'instances'],
  ['nodeCount', 'node', 'nodes'],
  ['brokers', 'broker', 'brokers'],
  ['nodes', 'node', 'nodes'],
  ['shardCount', 'shard', 'shards'],
];

function instancesOf(config: Record<string, unknown>, useMaximum: boolean): { count: number; what: string } {
  const autoscaling = config.autoscaling as { min: number; max: number } | undefined;
  if (autoscaling) return useMaximum ? { count: autoscaling.max, what: `up to ${autoscaling.max} (autoscaling maximum)` } : { count: autoscaling.min, what: `${autoscaling.min}` };
  for (const [key] of INSTANCE_COUNT_KEYS) {
    const value = config[key];
    if (typeof value === 'number') return { count: value, what: `${value}` };
  }
  return { count: 1, what: '1' };
}

/**
 * What a component can sustain, from the catalog's planning figure (or the component's own
 * `capacityRpsPerInstance`), its instance size (vCPUs, from `vcpus` or the price book's size of its instance type) and
 * its instance count. Undefined when it cannot be told (managed services that scale on their own, unknown sizes): the
 * capacity check then stays quiet rather than guess.
 *
 * `useMaximum` counts the autoscaling maximum (what the component can reach); otherwise the minimum (what it runs).
 */
export function capacityOf(
  component: Component,
  book: PriceBook | undefined,
  useMaximum = true,
  /** The component's resolved config, when the caller has it. */
  config = resolveConfig(component),
): Capacity | undefined {
  const def = getComponentDef(component.type);
  if (!def || !config) return undefined;
  const { count, what } = instancesOf(config, useMaximum);
  const measured = config.capacityRpsPerInstance as number | undefined;
  if (measured !== undefined) {
    return { instances: count, perInstanceRps: measured, totalRps: count * measured, basis: `${what} × ${measured} requests/s per instance (measured, capacityRpsPerInstance)` };
  }
  if (def.id === 'aws.lambda' && typeof config.reservedConcurrency === 'number') {
    const usage = (config.usage ?? {}) as { averageDurationMs?: number };
    const durationMs = usage.averageDurationMs ?? DEFAULT_FUNCTION_DURATION_MS;
    const rps = config.reservedConcurrency / (durationMs / 1000);
    return { instances: config.reservedConcurrency, perInstanceRps: 1000 / durationMs, totalRps: rps, basis: `reserved concurrency ${config.reservedConcurrency} ÷ ${durationMs} ms per invocation` };
  }
  const figure = def.capacity;
  if (!figure) return undefined;
  if (figure.rpsPerInstance !== undefined) {
    return { instances: count, perInstanceRps: figure.rpsPerInstance, totalRps: count * figure.rpsPerInstance, basis: `${what} × ${fmt(figure.rpsPerInstance)}/s per instance (${figure.basis})` };
  }
  if (figure.rpsPerVcpu === undefined) return undefined;
  const instanceType = config.instanceType as string | undefined;
  // a named instance type says how big an instance is; `vcpus` sizes it only when no type is named
  const vcpus = (instanceType && book ? sizeOf(book, instanceType)?.vcpu : undefined) ?? (config.vcpus as number | undefined);
  if (!vcpus) return undefined;
  const perInstance = vcpus * figure.rpsPerVcpu;
  const sizeText = instanceType ? `${instanceType} (${vcpus} vCPU)` : `${vcpus} vCPU`;
  return { instances: count, perInstanceRps: perInstance, totalRps: count * perInstance, basis: `${what} × ${sizeText} × ${figure.rpsPerVcpu}/s per vCPU (${figure.basis})` };
}

/** Instances needed to carry `peakRps` at `utilisation` (default 70 %: headroom for spikes and failover). */
export function instancesNeeded(peakRps: number, perInstanceRps: number, utilisation = 0.7): number {
  return Math.max(1, Math.ceil(peakRps / (perInstanceRps * utilisation)));
}
