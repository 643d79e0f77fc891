import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, ruleFindings } from '../security/wiring';
import { byLoad, defaultStore, delivered, deliveringCollectors, lackingSignal, missingSignals, TelemetryOps, wireSignals, type NewStore } from './wiring';

const params = z.object({
  store: z
    .enum(['auto', 'cloudwatch', 'prometheus'])
    .default('auto')
    .describe('Metrics store to add when the design has none: "auto" is CloudWatch on AWS (dashboards and alarms included) and managed Prometheus with Grafana elsewhere.'),
  alertRules: z.number().int().min(1).max(10000).default(4).describe('Alert rules per service (error rate, p99 latency, saturation, availability), counted as CloudWatch alarms where CloudWatch alerts.'),
  retentionDays: z.number().int().min(1).max(3650).default(90).describe('Days of metrics kept in Prometheus (CloudWatch keeps its own 15-month tiers).'),
});

/** Datastores on the request path whose metrics reach no store (AWS services count as watched when CloudWatch is in the design). */
function unwatchedStores(ctx: PatternContext): string[] {
  const ok = delivered(ctx, 'metrics');
  const cloudwatch = ctx.doc.components.some((c) => c.type === 'aws.cloudwatch');
  return byLoad(
    ctx,
    ctx.withRole('datastore').filter(
      (id) =>
        !ok(id) &&
        !ctx.hasRole(id, 'object-storage') &&
        !(cloudwatch && ctx.def(id)?.vendor === 'aws') &&
        !['observability.metrics', 'observability.logs', 'observability.traces'].some((r) => ctx.hasRole(id, r as 'observability.metrics')) &&
        ctx.incoming(id).some((c) => c.type === 'read' || c.type === 'write'),
    ),
  );
}

/** Whether a metrics store can alert: it is a dashboards component itself, or one reads it. */
const alerting = (ctx: PatternContext, store: string): boolean =>
  ctx.hasRole(store, 'observability.dashboards') ||
  ctx.outgoing(store, ['telemetry']).some((c) => ctx.hasRole(c.to, 'observability.dashboards')) ||
  ctx.incoming(store, ['read']).some((c) => ctx.hasRole(c.from, 'observability.dashboards'));

function storeFor(doc: ArchDocument, p: z.infer<typeof params>, services: number): NewStore {
  const choice = p.store !== 'auto' ? p.store : doc.constraints.cloud === 'aws' ? 'cloudwatch' : 'prometheus';
  if (choice === 'cloudwatch') return { type: 'aws.cloudwatch', label: 'CloudWatch', config: { dashboardCount: 1, alarmCount: Math.max(10, services * p.alertRules) } };
  return { type: 'prometheus', label: 'Prometheus', config: { managed: true, retentionDays: p.retentionDays } };
}

/** Ops adding Grafana with alerting, fed by `store`, unless one already reads it. */
function grafanaFor(ctx: PatternContext, make: (wish: string) => string, store: string, anchor: string, ops: TelemetryOps): string {
  const existing = ctx.doc.components.find((c) => c.type === 'grafana');
  const id = existing?.id ?? make('grafana');
  if (!existing) {
    ops.add(addComponent({ id, type: 'grafana', label: 'Grafana', config: { managed: ctx.doc.constraints.cloud !== 'gcp', alerting: true, auth: 'oidc' }, position: near(ctx, anchor, 240, 0) }));
  } else if (ctx.config(id).alerting !== true) ops.add({ op: 'updateComponent', id, config: { alerting: true } });
  ops.ensure(store, id, 'metrics', false);
  return existing ? ctx.name(id) : 'Grafana (new, alerting on)';
}

export default definePattern({
  id: 'metrics-and-alerting',
  name: 'Metrics, dashboards and alerts',
  category: 'observability',
  difficulty: 'beginner',
  problem:
    'Without request rate, error rate and latency per service, an outage or a slowdown is discovered by users, support tickets or a sales call, and the team cannot tell whether a deploy made things worse. Metrics that are collected but never charted or alerted on are just as silent at 3 a.m.',
  solution:
    'Every service exports RED metrics (rate, errors, duration as histograms) and saturation (CPU, memory, pool usage, queue depth) through the OpenTelemetry SDK or a Prometheus endpoint into a metrics store. Dashboards show each service\'s golden signals side by side, and alert rules page the on-call on symptoms users feel: error rate above the SLO burn rate, p99 latency over target, saturation near its limit, with runbook links.',
  tradeoffs: {
    latency: 'Counters and histograms cost nanoseconds per request; scraping or pushing happens every 15–60 s, so dashboards and alerts see the world with that delay.',
    cost: 'Priced per series or per sample: CloudWatch lists $0.30 per custom metric per month and $0.10 per alarm; managed Prometheus bills samples ingested, so a label with unbounded values (user id, URL) can multiply the bill by thousands of series.',
    operations: 'Alerts need owners, thresholds and runbooks; noisy alerts get ignored, so start with few symptom alerts per service and review them after each incident.',
  },
  avoidWhen:
    'An APM product (Datadog, New Relic) already collects and alerts on every service through its agent: a second metrics stack doubles the cost and splits the truth.',
  addresses: ['observability'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    const lacking = byLoad(ctx, lackingSignal(ruleFindings(doc, 'observability'), 'metrics'));
    const services = ctx.withRole('service').length;
    if (lacking.length > 0) {
      const busiest = ctx.peakRps(lacking[0]!);
      targets.push({
        components: lacking,
        connections: [],
        reason: `${lacking.length} of ${services} service${services === 1 ? '' : 's'} export${lacking.length === 1 ? 's' : ''} no metrics (${names(lacking.map((id) => ctx.name(id)))})${busiest > 0 ? `; ${ctx.name(lacking[0]!)} handles ~${fmt(busiest)} requests/s at peak` : ''}: nothing would alert if they started failing.`,
      });
    }
    // metrics that are stored but that nothing charts or alerts on
    for (const store of ctx.withRole('observability.metrics')) {
      if (alerting(ctx, store) || lacking.length > 0) continue;
      const feeders = ctx.incoming(store, ['telemetry']).length;
      if (feeders === 0) continue;
      targets.push({
        components: [store],
        connections: [],
        reason: `${ctx.name(store)} receives metrics from ${feeders} source${feeders === 1 ? '' : 's'}, but no dashboard reads it and nothing alerts on it: a failing service would be visible only to someone who happens to query it.`,
      });
    }
    // databases and caches nobody watches: a full disk, exhausted connections or replication lag surface as errors
    const stores = unwatchedStores(ctx);
    if (stores.length > 0) {
      const rate = ctx.peakRps(stores[0]!);
      targets.push({
        components: stores,
        connections: [],
        reason: `${names(stores.map((id) => ctx.name(id)))} ${stores.length === 1 ? 'sends' : 'send'} no metrics anywhere${rate > 0 ? ` (${ctx.name(stores[0]!)} serves ~${fmt(rate)} requests/s at peak)` : ''}: connection exhaustion, a filling disk, cache evictions or replication lag would first show up as errors in the services.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const make = idMaker(doc);
    const anchor = target.components[0]!;
    if (!ctx.component(anchor)) throw new Error(`component ${anchor} is not in the document`);
    if (ctx.hasRole(anchor, 'observability.metrics')) {
      const ops = new TelemetryOps(doc, ctx);
      const grafana = grafanaFor(ctx, make, anchor, anchor, ops);
      return patternChangeSet('metrics-and-alerting', `Chart and alert on ${ctx.name(anchor)} in ${grafana}: ${p.alertRules} symptom alerts per service`, ops.ops);
    }
    const services = target.components.filter((id) => ctx.hasRole(id, 'service'));
    const collectors = ctx.withRole('telemetry-collector');
    const datastores = services.length === 0;
    const direct = datastores ? deliveringCollectors(ctx, 'metrics').length === 0 : collectors.length === 0 && services.every((id) => ctx.hasRole(id, 'serverless'));
    const total = ctx.withRole('service').length;
    // signals the same services also lack travel the same way, so the services end up fully observed
    const signals = datastores ? [{ signal: 'metrics' as const, services: target.components.filter((id) => ctx.hasRole(id, 'datastore')) }] : missingSignals(ruleFindings(doc, 'observability'), services, 'metrics');
    const wiring = wireSignals(ctx, make, signals, {
      direct,
      store: (s) => (s === 'metrics' ? storeFor(doc, p, total) : defaultStore(ctx, s)),
      noun: datastores ? ['datastore', 'datastores'] : ['service', 'services'],
    });
    const ops: Op[] = [...wiring.ops];
    let alerts = '';
    // the store the services now reach: an existing one, or the one just added
    const added = wiring.ops.find((op) => op.op === 'addComponent' && (op.component.type === 'prometheus' || op.component.type === 'aws.cloudwatch'));
    const store = added?.op === 'addComponent' ? added.component.id : undefined;
    if (store && added?.op === 'addComponent' && added.component.type === 'prometheus') {
      const t = new TelemetryOps(doc, ctx);
      alerts = `, charted and alerted on in ${grafanaFor(ctx, make, store, store, t)}`;
      ops.push(...t.ops);
    } else if (store) alerts = `, with ${Math.max(10, total * p.alertRules)} CloudWatch alarms`;
    return patternChangeSet('metrics-and-alerting', `Metrics: ${wiring.summary}${alerts}${datastores ? '; alert on connections, storage and replication lag' : ''}`, ops);
  },
  preview: {
    backarch: 1,
    name: 'Metrics and alerting',
    description: 'An Azure API whose services send traces to Jaeger but no metrics: nothing would page anyone when they fail.',
    constraints: { cloud: 'azure', region: 'westeurope', traffic: { peakRps: 180 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'apim', type: 'azure.api-management', label: 'API Management', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'quotes', type: 'azure.container-apps', label: 'Quotes', config: { minInstances: 2 }, position: { x: 480, y: 0 } },
      { id: 'pricing', type: 'azure.container-apps', label: 'Pricing', config: { minInstances: 2 }, position: { x: 720, y: 0 } },
      { id: 'jaeger', type: 'jaeger', label: 'Jaeger', config: { replicas: 2 }, position: { x: 960, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'apim', type: 'http' },
      { from: 'apim', to: 'quotes', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'quotes', to: 'pricing', type: 'http', config: { circuitBreaker: true, timeoutMs: 1000 } },
      { from: 'quotes', to: 'jaeger', type: 'telemetry', config: { signals: ['traces'] } },
      { from: 'pricing', to: 'jaeger', type: 'telemetry', config: { signals: ['traces'] } },
    ],
  },
});
