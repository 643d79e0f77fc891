import { getComponentDef } from '../catalog/catalog';
import type { ComponentDef } from '../catalog/types';
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
  readonly basis: string;
}

/** Config keys that count instances, in the order they are read, with the word for one and for several. */
export const INSTANCE_COUNT_KEYS: ReadonlyArray<readonly [key: string, one: string, many: string]> = [
  ['replicas', 'instance', 'instances'],
  ['nodeCount', 'node', 'nodes'],
  ['brokers', 'broker', 'brokers'],
  ['nodes', 'node', 'nodes'],
  ['shardCount', 'shard', 'shards'],
];

function instanceCount(config: Record<string, unknown>, useMaximum: boolean): number {
  const autoscaling = config.autoscaling as { min: number; max: number } | undefined;
  if (autoscaling) return useMaximum ? autoscaling.max : autoscaling.min;
  for (const [key] of INSTANCE_COUNT_KEYS) {
    const value = config[key];
    if (typeof value === 'number') return value;
  }
  return 1;
}

/**
 * A capacity figure whose `basis` text is written when it is read: the capacity rule sizes every component of a
 * design and reports few of them, so writing the text for each would cost more than the arithmetic.
 */
class Sustained implements Capacity {
  constructor(
    readonly instances: number,
    readonly perInstanceRps: number,
    readonly totalRps: number,
    // what the text is written from (fields rather than an object: one allocation per component sized)
    private readonly kind: 'measured' | 'lambda' | 'instance' | 'vcpu',
    private readonly autoscaled: boolean,
    private readonly figure?: NonNullable<ComponentDef['capacity']>,
    private readonly instanceType?: string,
    private readonly vcpus?: number,
    private readonly durationMs?: number,
  ) {}

  get basis(): string {
    const counted = this.autoscaled ? `up to ${this.instances} (autoscaling maximum)` : `${this.instances}`;
    switch (this.kind) {
      case 'measured':
        return `${counted} × ${this.perInstanceRps} requests/s per instance (measured, capacityRpsPerInstance)`;
      case 'lambda':
        return `reserved concurrency ${this.instances} ÷ ${this.durationMs} ms per invocation`;
      case 'instance':
        return `${counted} × ${fmt(this.perInstanceRps)}/s per instance (${this.figure!.basis})`;
      case 'vcpu': {
        const size = this.instanceType ? `${this.instanceType} (${this.vcpus} vCPU)` : `${this.vcpus} vCPU`;
        return `${counted} × ${size} × ${this.figure!.rpsPerVcpu}/s per vCPU (${this.figure!.basis})`;
      }
    }
  }
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
  const count = instanceCount(config, useMaximum);
  const autoscaled = useMaximum && config.autoscaling !== undefined;
  const measured = config.capacityRpsPerInstance as number | undefined;
  if (measured !== undefined) return new Sustained(count, measured, count * measured, 'measured', autoscaled);
  if (def.id === 'aws.lambda' && typeof config.reservedConcurrency === 'number') {
    const usage = (config.usage ?? {}) as { averageDurationMs?: number };
    const durationMs = usage.averageDurationMs ?? DEFAULT_FUNCTION_DURATION_MS;
    const rps = config.reservedConcurrency / (durationMs / 1000);
    return new Sustained(config.reservedConcurrency, 1000 / durationMs, rps, 'lambda', false, undefined, undefined, undefined, durationMs);
  }
  const figure = def.capacity;
  if (!figure) return undefined;
  if (figure.rpsPerInstance !== undefined) return new Sustained(count, figure.rpsPerInstance, count * figure.rpsPerInstance, 'instance', autoscaled, figure);
  if (figure.rpsPerVcpu === undefined) return undefined;
  const instanceType = config.instanceType as string | undefined;
  // a named instance type says how big an instance is; `vcpus` sizes it only when no type is named
  const vcpus = (instanceType && book ? sizeOf(book, instanceType)?.vcpu : undefined) ?? (config.vcpus as number | undefined);
  if (!vcpus) return undefined;
  const perInstance = vcpus * figure.rpsPerVcpu;
  return new Sustained(count, perInstance, count * perInstance, 'vcpu', autoscaled, figure, instanceType, vcpus);
}

/** Instances needed to carry `peakRps` at `utilisation` (default 70 %: headroom for spikes and failover). */
export function instancesNeeded(peakRps: number, perInstanceRps: number, utilisation = 0.7): number {
  return Math.max(1, Math.ceil(peakRps / (perInstanceRps * utilisation)));
}
