import { getComponentDef } from '../../catalog/catalog';
import type { Role } from '../../catalog/types';
import type { Op } from '../../document/change-set';
import type { ArchDocument, Connection } from '../../document/schema';
import { addComponent, addConnection, near, type PatternContext } from '../context';

/**
 * Wiring shared by the observability patterns: getting one signal from a set of services into a store, through a
 * collector or straight, the way the `observability` rule counts coverage (a `telemetry` connection whose `signals`
 * include the signal, to a store of that signal or to a collector that forwards it).
 */
export type Signal = 'metrics' | 'traces' | 'logs';

const roleOf = (signal: Signal): Role => `observability.${signal}`;

/** Whether connection c carries `signal` (unset `signals` carries every signal). */
export const carries = (c: Connection, signal: Signal): boolean => {
  const signals = c.config?.signals as Signal[] | undefined;
  return c.type === 'telemetry' && (signals === undefined || signals.includes(signal));
};

/** Collectors that forward `signal` to a store (directly or through other collectors). */
export function deliveringCollectors(ctx: PatternContext, signal: Signal): string[] {
  const delivers = new Set(ctx.withRole(roleOf(signal)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ctx.withRole('telemetry-collector')) {
      if (delivers.has(id)) continue;
      if (ctx.outgoing(id, ['telemetry']).some((c) => carries(c, signal) && delivers.has(c.to))) {
        delivers.add(id);
        grew = true;
      }
    }
  }
  return ctx.withRole('telemetry-collector').filter((id) => delivers.has(id));
}

/** Builds ops one after another, remembering connections added or widened earlier in the same change set. */
export class TelemetryOps {
  readonly ops: Op[] = [];
  private readonly pending = new Map<string, { signals?: Signal[] }>();
  constructor(
    private readonly doc: ArchDocument,
    private readonly ctx: PatternContext,
  ) {}

  /** Makes from → to carry `signal`: widens `signals` on an existing telemetry connection, or adds one. */
  ensure(from: string, to: string, signal: Signal, restrict: boolean): void {
    const key = `${from}->${to}`;
    const seen = this.pending.get(key);
    if (seen) {
      if (seen.signals && !seen.signals.includes(signal)) seen.signals.push(signal);
      return;
    }
    const existing = this.doc.connections.find((c) => c.from === from && c.to === to && c.type === 'telemetry');
    if (existing) {
      const current = existing.config?.signals as Signal[] | undefined;
      if (!current || current.includes(signal)) return;
      const config = { signals: [...current, signal] };
      this.pending.set(key, config);
      this.ops.push({ op: 'updateConnection', id: existing.id, config });
      return;
    }
    const config = restrict ? { signals: [signal] } : {};
    this.pending.set(key, config);
    this.ops.push(addConnection({ from, to, type: 'telemetry', ...(restrict && { config }) }));
  }

  add(op: Op): void {
    this.ops.push(op);
  }

  /** Whether the store keeps other signals too, so a connection to it should name the one it carries. */
  mixed(store: string): boolean {
    const def = this.ctx.def(store) ?? getComponentDef(this.added.get(store) ?? '');
    return (['metrics', 'traces', 'logs'] as const).filter((s) => def?.roles.includes(roleOf(s))).length > 1;
  }

  /** Components added by this change set, by id → type. */
  readonly added = new Map<string, string>();
}

/** A new gateway-mode OpenTelemetry Collector beside `anchor`: two replicas behind a load balancer, with a disk queue. */
export function newCollector(ctx: PatternContext, id: string, anchor: string, config: Record<string, unknown> = {}): Op {
  return addComponent({
    id,
    type: 'otel-collector',
    label: 'OTel collector',
    config: { deploymentMode: 'gateway', replicas: 2, vcpus: 1, memoryMb: 2048, persistentQueue: true, ...config },
    position: near(ctx, anchor, 240, 140),
  });
}

/** Busiest first: the anchor of a target is the service with the most traffic. */
export const byLoad = (ctx: PatternContext, ids: string[]): string[] => [...ids].sort((a, b) => ctx.peakRps(b) - ctx.peakRps(a));

/** Grafana in the document, to link a new store to so its data shows up beside the rest. */
export const grafanaIn = (ctx: PatternContext): string | undefined => ctx.doc.components.find((c) => c.type === 'grafana')?.id;

export interface NewStore {
  type: string;
  label: string;
  config: Record<string, unknown>;
}

export interface SignalWiring {
  ops: Op[];
  /** One line for the change set summary. */
  summary: string;
}

/**
 * Ops that make every service in `services` deliver each of `signals` to a store: through the collector that already
 * forwards the first signal (or any collector, linked to the stores), or a new collector; straight to the stores when
 * `direct` (functions with the platform's own exporter). `store(signal)` describes the store to add when the document
 * (and this change set) has none for a signal.
 */
export function wireSignals(
  ctx: PatternContext,
  make: (wish: string) => string,
  wanted: ReadonlyArray<{ signal: Signal; services: string[] }>,
  options: { direct: boolean; store: (signal: Signal) => NewStore; collector?: Record<string, unknown>; noun?: [string, string] },
): SignalWiring {
  const signals = wanted.map((w) => w.signal);
  const services = [...new Set(wanted.flatMap((w) => w.services))];
  const servicesFor = (signal: Signal) => wanted.find((w) => w.signal === signal)!.services;
  const { doc } = ctx;
  const t = new TelemetryOps(doc, ctx);
  const collectors = ctx.withRole('telemetry-collector');
  const anchor = services[0]!;
  const added: string[] = [];
  const storeFor = (signal: Signal): string => {
    for (const [id, type] of t.added) if (getComponentDef(type)?.roles.includes(roleOf(signal))) return id;
    const stores = ctx.withRole(roleOf(signal));
    const linked = stores.find((s) => ctx.incoming(s, ['telemetry']).some((c) => collectors.includes(c.from)));
    const existing = linked ?? stores[0];
    if (existing) return existing;
    const spec = options.store(signal);
    const id = make(spec.type.split('.').pop()!);
    t.added.set(id, spec.type);
    added.push(spec.label);
    t.add(addComponent({ id, type: spec.type, label: spec.label, config: spec.config, position: near(ctx, anchor, 480, 140 * (t.added.size + 1)) }));
    const grafana = grafanaIn(ctx);
    if (grafana && spec.type !== 'grafana') t.ensure(id, grafana, signal, false);
    return id;
  };
  const which = signals.join(', ').replace(/, (?=[^,]*$)/, ' and ');
  const [one, many] = options.noun ?? ['service', 'services'];
  const count = `${services.length} ${services.length === 1 ? one : many}`;
  let summary: string;
  if (options.direct) {
    const targets = new Set<string>();
    for (const signal of signals) {
      const store = storeFor(signal);
      targets.add(store);
      for (const s of servicesFor(signal)) t.ensure(s, store, signal, t.mixed(store));
    }
    summary = `send ${which} from ${count} straight to ${[...targets].map((id) => (ctx.component(id) ? ctx.name(id) : labelOf(t, id))).join(' and ')}`;
  } else {
    const primary = deliveringCollectors(ctx, signals[0]!);
    let collector = primary[0] ?? collectors[0];
    let collectorName = collector ? ctx.name(collector) : 'a new OTel collector';
    if (!collector) {
      collector = make('otel-collector');
      t.add(newCollector(ctx, collector, anchor, options.collector));
      collectorName = 'a new OTel collector';
    }
    for (const signal of signals) {
      if (!deliveringCollectors(ctx, signal).includes(collector)) t.ensure(collector, storeFor(signal), signal, true);
      for (const s of servicesFor(signal)) t.ensure(s, collector, signal, false);
    }
    summary = `send ${which} from ${count} through ${collectorName}`;
  }
  if (added.length > 0) summary += ` (new ${added.join(' and ')})`;
  return { ops: t.ops, summary };
}

function labelOf(t: TelemetryOps, id: string): string {
  for (const op of t.ops) if (op.op === 'addComponent' && op.component.id === id) return op.component.label ?? id;
  return id;
}

/**
 * What to wire: `first` for `services`, then every other signal the `observability` rule reports missing at any of
 * them, for every service lacking it (so the rule's finding for that signal disappears as a whole).
 */
export function missingSignals(findings: ReadonlyArray<{ components: string[]; message: string }>, services: string[], first: Signal): Array<{ signal: Signal; services: string[] }> {
  const out = [{ signal: first, services }];
  for (const signal of ['metrics', 'logs', 'traces'] as const) {
    const lacking = lackingSignal(findings, signal);
    if (signal !== first && lacking.some((id) => services.includes(id))) out.push({ signal, services: lacking });
  }
  return out;
}

/** The services the `observability` rule reports as sending no `signal` (empty when none). */
export function lackingSignal(findings: ReadonlyArray<{ components: string[]; message: string }>, signal: Signal): string[] {
  const pattern = new RegExp(`\\bsends? no ${signal}\\b`);
  return findings.find((f) => pattern.test(f.message))?.components ?? [];
}

/**
 * The store a pattern adds for a signal it does not choose itself (another signal the same services lack): the cloud's
 * own on AWS, else the open one (Tempo when Grafana is there to show traces), as the `observability` rule's fix does.
 */
export function defaultStore(ctx: PatternContext, signal: Signal): NewStore {
  const aws = ctx.doc.constraints.cloud === 'aws';
  if (signal === 'traces') {
    if (aws) return { type: 'aws.xray', label: 'X-Ray', config: {} };
    return grafanaIn(ctx) ? { type: 'grafana.tempo', label: 'Tempo', config: { retentionDays: 14 } } : { type: 'jaeger', label: 'Jaeger', config: { storage: 'elasticsearch', replicas: 2 } };
  }
  if (aws) return { type: 'aws.cloudwatch', label: 'CloudWatch', config: {} };
  return signal === 'metrics'
    ? { type: 'prometheus', label: 'Prometheus', config: { managed: true, retentionDays: 90 } }
    : { type: 'grafana.loki', label: 'Loki', config: { deploymentMode: 'simple-scalable', replicas: 3, retentionDays: 30 } };
}

/** Components (by id) whose `signal` reaches a store: a telemetry connection carrying it to a store or a delivering collector. */
export function delivered(ctx: PatternContext, signal: Signal): (id: string) => boolean {
  const sinks = new Set([...ctx.withRole(roleOf(signal)), ...deliveringCollectors(ctx, signal)]);
  return (id) => ctx.outgoing(id, ['telemetry']).some((c) => carries(c, signal) && sinks.has(c.to));
}

/** Edges (gateways, load balancers, CDNs) on the request path whose `signal` reaches no store, busiest first. */
export function dark(ctx: PatternContext, signal: Signal): string[] {
  const ok = delivered(ctx, signal);
  return byLoad(
    ctx,
    ctx.withRole('edge').filter((id) => !ctx.hasRole(id, 'service') && ctx.incoming(id).some((c) => c.type !== 'telemetry') && !ok(id)),
  );
}
