import { inOf, outOf, someIn } from '../../graph/graph';
import { getComponentDef } from '../../catalog/catalog';
import type { ComponentDef, Role } from '../../catalog/types';
import type { Op } from '../../document/change-set';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext, Severity } from '../types';
import { fmt } from '../../format';
import { beside, componentNames, freshId } from './helpers';

export const SIGNALS = ['metrics', 'traces', 'logs'] as const;
export type Signal = (typeof SIGNALS)[number];
/** Each signal's store role as a constant: a role string built per call (`observability.${signal}`) is hashed anew on every lookup. */
const STORE_ROLE = { metrics: 'observability.metrics', traces: 'observability.traces', logs: 'observability.logs' } as const satisfies Record<Signal, Role>;

/**
 * Telemetry a platform sends without any configuration, when its store is in the document. Strict on purpose: only
 * what the provider does for every function with no setup counts (tracing, for instance, must be switched on).
 */
export const MANAGED_TELEMETRY: Record<string, { store: string; signals: readonly Signal[]; fact: string }> = {
  'aws.lambda': { store: 'aws.cloudwatch', signals: ['metrics', 'logs'], fact: 'Lambda publishes invocation metrics and function logs to CloudWatch by default' },
};

/** Signals a host agent collects from every host-based service without a connection per service (no traces: they need instrumentation). */
const AGENT_SIGNALS: readonly Signal[] = ['metrics', 'logs'];

/** The store the fix adds when the document has none for a signal: the cloud's own, or an open one. */
const STORE_FOR: Record<Signal, Record<string, string>> = {
  metrics: { aws: 'aws.cloudwatch', neutral: 'prometheus' },
  traces: { aws: 'aws.xray', neutral: 'jaeger' },
  logs: { aws: 'aws.cloudwatch', neutral: 'grafana.loki' },
};

const WHY: Record<Signal, (one: boolean) => string> = {
  metrics: (one) => `Without ${one ? 'its' : 'their'} request rate, error rate and latency, an outage or a slowdown there shows up only when users report it, and nothing can alert on it`,
  traces: (one) => `A request that crosses ${one ? 'it' : 'them'} cannot be followed end to end, so finding the hop that made it slow or failed means correlating logs by hand`,
  logs: (one) => `${one ? 'Its' : 'Their'} errors and stack traces are lost when an instance is replaced, and an incident there cannot be investigated after the fact`,
};

const STORE_NOUN: Record<Signal, string> = { metrics: 'metrics store', traces: 'trace store', logs: 'log store' };

export default defineRule({
  id: 'observability',
  name: 'Metrics, traces and logs',
  category: 'observability',
  severity: 'high',
  description:
    'Every service (role `service`, functions included) must send metrics, traces and logs: a `telemetry` connection to a store with the matching `observability.<signal>` role, or to a telemetry collector that forwards that signal to one (through any chain of collectors); a connection\'s `signals` restricts what it carries. Also counted: an `otel-collector` in `agent` mode that forwards metrics or logs covers those signals for every host-based (non-serverless) service, and so does a Datadog component that services send to directly (its Agent runs on the hosts); AWS Lambda sends metrics and logs to CloudWatch when an `aws.cloudwatch` component is in the document. Traces always need a connection (instrumentation). One finding per missing signal listing the services: high for metrics and logs and medium for traces when more than half the services lack the signal, one step lower otherwise. The fix connects the services to a collector that forwards the signal (adding the link to a store, or a store: CloudWatch or X-Ray on AWS, else Prometheus, Jaeger — Tempo beside Grafana — or Loki), or straight to the store when there is no collector.',
  check(ctx) {
    const { graph } = ctx;
    const services: number[] = [];
    const service = graph.withRole('service');
    for (let i = 0; i < graph.n; i++) if (service[i]) services.push(i);
    if (services.length === 0) return [];
    const types = new Set(graph.defs);
    const findings: FindingDraft[] = [];
    for (const signal of SIGNALS) {
      const delivers = deliverers(ctx, signal);
      const implicit = implicitCoverage(ctx, signal, delivers, types);
      const lacking: number[] = [];
      for (const s of services) {
        if (implicit(s)) continue;
        let sends = false;
        for (let at = graph.outStart[s]!; at < graph.outStart[s + 1]! && !sends; at++) sends = delivers[graph.outTo[at]!] === 1 && carries(ctx, graph.outEdges[at]!, signal);
        if (!sends) lacking.push(s);
      }
      if (lacking.length === 0) continue;
      findings.push(finding(ctx, signal, lacking, services.length, delivers));
    }
    return findings;
  },
});

/** Whether telemetry connection e carries `signal` (unset `signals` = everything the receiving end takes). */
function carries(ctx: RuleContext, e: number, signal: Signal): boolean {
  if (ctx.graph.connectionDefs[e]!.id !== 'telemetry') return false;
  const signals = ctx.doc.connections[e]!.config?.signals as Signal[] | undefined;
  return signals === undefined || signals.includes(signal);
}

/** Stores of `signal`, and the collectors that forward it to one (through any chain of collectors). O(n + m). */
function deliverers(ctx: RuleContext, signal: Signal): Uint8Array {
  const { graph } = ctx;
  const delivers = new Uint8Array(graph.n);
  const stack: number[] = [];
  for (let i = 0; i < graph.n; i++) {
    if (!graph.hasRole(i, STORE_ROLE[signal])) continue;
    delivers[i] = 1;
    stack.push(i);
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let at = graph.inStart[v]!; at < graph.inStart[v + 1]!; at++) {
      const e = graph.inEdges[at]!;
      const u = graph.from[e]!;
      if (delivers[u] || !graph.hasRole(u, 'telemetry-collector') || !carries(ctx, e, signal)) continue;
      delivers[u] = 1;
      stack.push(u);
    }
  }
  return delivers;
}

/** Coverage with no connection per service: host agents, Datadog's Agent, and managed platform defaults. */
function implicitCoverage(ctx: RuleContext, signal: Signal, delivers: Uint8Array, types: ReadonlySet<ComponentDef>): (service: number) => boolean {
  const { graph } = ctx;
  let agent = false;
  for (let i = 0; i < graph.n && AGENT_SIGNALS.includes(signal); i++) {
    const type = graph.defs[i]!.id;
    if (type === 'otel-collector' && ctx.config(i).deploymentMode === 'agent' && delivers[i]) agent = true;
    if (type === 'datadog' && someIn(graph, i, (e) => carries(ctx, e, signal) && graph.hasRole(graph.from[e]!, 'service'))) agent = true;
  }
  // the types whose platform sends the signal here, worked out once per type rather than once per service
  const managedTypes = new Set<ComponentDef>();
  for (const def of types) {
    const managed = MANAGED_TELEMETRY[def.id];
    if (managed !== undefined && managed.signals.includes(signal) && types.has(getComponentDef(managed.store)!)) managedTypes.add(def);
  }
  const serverless = graph.withRole('serverless');
  return (s) => (agent && !serverless[s]) || (managedTypes.size > 0 && managedTypes.has(graph.defs[s]!));
}

function finding(ctx: RuleContext, signal: Signal, lacking: number[], total: number, delivers: Uint8Array): FindingDraft {
  const { graph } = ctx;
  const most = lacking.length * 2 > total;
  const severity: Severity = signal === 'traces' ? (most ? 'medium' : 'low') : most ? 'high' : 'medium';
  const one = lacking.length === 1;
  const noun = total === 1 ? 'service' : 'services';
  const names = componentNames(ctx, lacking, 6);

  let hasStore = false;
  for (let i = 0; i < graph.n && !hasStore; i++) if (graph.hasRole(i, STORE_ROLE[signal])) hasStore = true;
  const deadEnds = new Set<number>();
  for (const s of lacking) for (const e of outOf(graph, s)) if (carries(ctx, e, signal) && graph.hasRole(graph.to[e]!, 'telemetry-collector') && !delivers[graph.to[e]!]) deadEnds.add(graph.to[e]!);
  const where = !hasStore
    ? `, and the design has no ${STORE_NOUN[signal]}`
    : deadEnds.size > 0
      ? ` (${componentNames(ctx, [...deadEnds])} ${deadEnds.size === 1 ? 'receives' : 'receive'} ${one ? 'its' : 'their'} telemetry but ${deadEnds.size === 1 ? 'forwards' : 'forward'} no ${signal} to a store)`
      : '';

  let busiest = lacking[0]!;
  const rateOf = (i: number) => ctx.traffic.componentPeakRps[i]!;
  for (const i of lacking) if (rateOf(i) > rateOf(busiest)) busiest = i;
  const load = rateOf(busiest) > 0 ? `; ${one ? `${ctx.name(busiest)} handles` : `the busiest, ${ctx.name(busiest)}, handles`} ${fmt(rateOf(busiest))} requests/s at peak` : '';
  const message = `${lacking.length} of ${total} ${noun} ${one ? 'sends' : 'send'} no ${signal}${where}: ${names}. ${WHY[signal](one)}${load}.`;
  const fix = fixFor(ctx, signal, lacking, delivers);
  return {
    components: lacking.map((i) => graph.ids[i]!),
    connections: [],
    severity,
    message,
    remediation:
      signal === 'traces'
        ? 'Instrument the services with OpenTelemetry (auto-instrumentation covers HTTP, gRPC and database clients), propagate the trace context on every call and message, and export spans through a collector to a trace store.'
        : `Export ${signal} from every service (OpenTelemetry SDK or a host agent) through a collector to a ${signal} store, and ${signal === 'metrics' ? 'alert on error rate and latency' : 'keep them long enough to investigate an incident'}.`,
    ...(fix && { fix }),
  };
}

/**
 * The fix: connect the services to a collector that forwards the signal (adding the collector → store link, and the
 * store or the collector when the document has none), or straight to the signal's store when there is no collector.
 */
function fixFor(ctx: RuleContext, signal: Signal, lacking: number[], delivers: Uint8Array) {
  const { graph, doc } = ctx;
  const ops: Op[] = [];
  const taken = new Set<string>();
  const isCollector = (i: number) => graph.hasRole(i, 'telemetry-collector');
  const isStore = (i: number) => graph.hasRole(i, STORE_ROLE[signal]);
  /** Existing telemetry connection a → b, by index, when there is one. */
  const link = (a: number, b: number): number | undefined => {
    for (let at = graph.outStart[a]!; at < graph.outStart[a + 1]!; at++) {
      if (graph.outTo[at] === b && graph.connectionDefs[graph.outEdges[at]!]!.id === 'telemetry') return graph.outEdges[at]!;
    }
    return undefined;
  };
  /** Makes a → b carry the signal (b by index, or the id of a component the fix adds): widen `signals` on an existing connection, or add one. */
  const ensure = (a: number, b: number | string, signals?: Signal[]): boolean => {
    const e = typeof b === 'number' ? link(a, b) : undefined;
    if (e === undefined) {
      const to = typeof b === 'number' ? graph.ids[b]! : b;
      ops.push({ op: 'addConnection', connection: { from: graph.ids[a]!, to, type: 'telemetry', ...(signals && { config: { signals } }) } });
      return true;
    }
    const current = doc.connections[e]!.config?.signals as Signal[] | undefined;
    if (!current || current.includes(signal)) return false;
    ops.push({ op: 'updateConnection', id: doc.connections[e]!.id, config: { signals: [...current, signal] } });
    return true;
  };
  const from = (k: number) => `from ${k} service${k === 1 ? '' : 's'}`;
  const inbound = (i: number) => inOf(graph, i).filter((e) => graph.connectionDefs[e]!.id === 'telemetry' && graph.hasRole(graph.from[e]!, 'service')).length;
  const best = (candidates: number[]) => candidates.reduce((a, b) => (inbound(b) > inbound(a) ? b : a));
  const collectors: number[] = [];
  const stores: number[] = [];
  for (let i = 0; i < graph.n; i++) {
    if (isCollector(i)) collectors.push(i);
    if (isStore(i)) stores.push(i);
  }
  const onlySignal = (store: number) => SIGNALS.every((s) => s === signal || !graph.hasRole(store, STORE_ROLE[s]));
  const addStore = (): { id: string; name: string } => {
    const cloud = doc.constraints.cloud;
    const grafana = doc.components.some((c) => c.type === 'grafana' || c.type.startsWith('grafana.'));
    const type = signal === 'traces' && grafana && cloud !== 'aws' ? 'grafana.tempo' : (STORE_FOR[signal][cloud ?? ''] ?? STORE_FOR[signal].neutral!);
    const id = freshId(ctx, type.split('.').pop()!, taken);
    const name = getComponentDef(type)!.name;
    const position = beside(ctx, collectors[0] ?? lacking[0]!, 220, 0);
    ops.push({ op: 'addComponent', component: { id, type, label: name, ...(position && { position }) } });
    return { id, name };
  };
  const connectServices = (target: number | string, signals?: Signal[]) => {
    let connected = 0;
    for (const i of lacking) if (ensure(i, target, signals)) connected++;
    return connected;
  };

  const delivering = collectors.filter((i) => delivers[i]);
  let summary: string;
  if (delivering.length > 0) {
    const c = best(delivering);
    summary = `Send ${signal} ${from(connectServices(c))} to ${ctx.name(c)}`;
  } else if (collectors.length > 0) {
    const c = best(collectors);
    const existing = stores.find((s) => link(c, s) !== undefined) ?? stores[0];
    const store = existing !== undefined ? { id: graph.ids[existing]!, name: ctx.name(existing) } : addStore();
    ensure(c, existing ?? store.id, existing !== undefined && onlySignal(existing) ? undefined : [signal]);
    const k = connectServices(c);
    summary = `Forward ${signal} from ${ctx.name(c)} to ${store.name}${existing === undefined ? ' (new)' : ''}${k > 0 ? ` and send them ${from(k)}` : ''}`;
  } else if (stores.length > 0) {
    const s = stores[0]!;
    summary = `Send ${signal} ${from(connectServices(s, onlySignal(s) ? undefined : [signal]))} to ${ctx.name(s)}`;
  } else {
    const collector = freshId(ctx, 'otel-collector', taken);
    const position = beside(ctx, lacking[0]!, 220, 0);
    ops.push({ op: 'addComponent', component: { id: collector, type: 'otel-collector', label: 'OTel collector', ...(position && { position }) } });
    const store = addStore();
    ops.push({ op: 'addConnection', connection: { from: collector, to: store.id, type: 'telemetry', config: { signals: [signal] } } });
    summary = `Add an OTel collector and ${store.name} for ${signal}, and send them ${from(connectServices(collector))}`;
  }
  return { origin: 'fix:observability', summary: summary.slice(0, 200), ops };
}
