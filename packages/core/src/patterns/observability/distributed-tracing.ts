import { z } from 'zod';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { idMaker, inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, ruleFindings, underStrictCompliance } from '../security/wiring';
import { byLoad, defaultStore, grafanaIn, lackingSignal, missingSignals, wireSignals, type NewStore } from './wiring';

const params = z.object({
  store: z
    .enum(['auto', 'xray', 'tempo', 'jaeger'])
    .default('auto')
    .describe('Trace store to add when the design has none: "auto" is X-Ray on AWS, Tempo beside Grafana, else Jaeger.'),
  samplingRatio: z.number().min(0.001).max(1).default(0.1).describe('Fraction of traces kept (head sampling in the collector, or the X-Ray sampling rate).'),
  tailSampling: z.boolean().default(false).describe('Keep every error and slow trace by deciding after the trace completes (collector tail sampling), on top of the ratio.'),
  via: z
    .enum(['auto', 'collector', 'direct'])
    .default('auto')
    .describe('Export through an OpenTelemetry collector, or straight to the store; "auto" goes straight only for functions in a design without a collector.'),
});

function storeFor(doc: ArchDocument, ctx: PatternContext, p: z.infer<typeof params>): NewStore {
  const choice = p.store !== 'auto' ? p.store : doc.constraints.cloud === 'aws' ? 'xray' : grafanaIn(ctx) ? 'tempo' : 'jaeger';
  if (choice === 'xray') return { type: 'aws.xray', label: 'X-Ray', config: { samplingRate: p.samplingRatio } };
  if (choice === 'tempo') return { type: 'grafana.tempo', label: 'Tempo', config: { retentionDays: 14 } };
  // on AWS Jaeger's span storage is encrypted only when asked for; compliance regimes ask for it
  return { type: 'jaeger', label: 'Jaeger', config: { storage: 'elasticsearch', replicas: 2, retentionDays: 7, ...(doc.constraints.cloud === 'aws' && underStrictCompliance(doc) && { encryptedAtRest: true }) } };
}

export default definePattern({
  id: 'distributed-tracing',
  name: 'Distributed tracing',
  category: 'observability',
  difficulty: 'intermediate',
  problem:
    'A request crosses the gateway, three services, a queue and two databases, and one in fifty is slow. Each service logs its own part with its own clock and no shared id, so finding which hop added the two seconds, or which downstream error caused the 500, means grepping several log stores by timestamp during the incident.',
  solution:
    'Every service is instrumented with OpenTelemetry (auto-instrumentation covers HTTP, gRPC, database and queue clients), starts or continues a trace from the W3C traceparent header on every incoming call and message, and exports spans over OTLP to a collector. The collector batches, samples (a fixed ratio, or tail sampling that keeps every error and slow trace) and forwards them to a trace store where a whole request shows as one waterfall, linked from metrics exemplars and log lines by trace id.',
  tradeoffs: {
    latency: 'Span creation costs microseconds; export is asynchronous and batched, so requests do not wait on it. Tail sampling holds spans in the collector for the decision window (~10–30 s) before they are queryable.',
    cost: 'Trace storage scales with spans kept: at 100 requests/s with 10 spans each, 10 % sampling stores ~260 million spans a month. X-Ray bills $5 per million traces recorded; Tempo mostly costs object storage; Jaeger on Elasticsearch needs a cluster sized for the write rate.',
    operations: 'Context must be propagated through every hop, including message headers and async jobs, or traces break into pieces; the collector becomes a component to scale and monitor, and sampling rules need revisiting as traffic grows.',
  },
  avoidWhen:
    'The system is one service and a database (logs with a request id are enough), or every hop already reports to an APM agent that traces end to end.',
  addresses: ['observability'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const lacking = byLoad(ctx, lackingSignal(ruleFindings(doc, 'observability'), 'traces'));
    if (lacking.length === 0) return [];
    const services = ctx.withRole('service').length;
    const stores = ctx.withRole('observability.traces');
    const busiest = ctx.peakRps(lacking[0]!);
    const target: PatternTarget = {
      components: lacking,
      connections: [],
      reason: `${lacking.length} of ${services} service${services === 1 ? '' : 's'} send${lacking.length === 1 ? 's' : ''} no traces (${names(lacking.map((id) => ctx.name(id)))})${busiest > 0 ? `; ${ctx.name(lacking[0]!)} handles ~${fmt(busiest)} requests/s at peak` : ''}, so a slow or failed request through ${lacking.length === 1 ? 'it' : 'them'} cannot be followed hop by hop${stores.length === 0 ? ', and the design has no trace store' : ''}.`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const services = target.components.filter((id) => ctx.hasRole(id, 'service'));
    if (services.length === 0) throw new Error('no service at this target');
    const collectors = ctx.withRole('telemetry-collector');
    const direct = p.via === 'direct' || (p.via === 'auto' && collectors.length === 0 && services.every((id) => ctx.hasRole(id, 'serverless')));
    // signals the same services also lack travel the same way, so the services end up fully observed
    const signals = missingSignals(ruleFindings(doc, 'observability'), services, 'traces');
    const wiring = wireSignals(ctx, idMaker(doc), signals, {
      direct,
      store: (s) => (s === 'traces' ? storeFor(doc, ctx, p) : defaultStore(ctx, s)),
      collector: { samplingRatio: p.samplingRatio, tailSampling: p.tailSampling },
    });
    const sampling = direct ? '' : `; the collector keeps ${fmt(p.samplingRatio * 100)} % of traces${p.tailSampling ? ' plus every error and slow trace' : ''}`;
    const summary = `Trace with OpenTelemetry: ${wiring.summary}${collectors.length === 0 || direct ? sampling : ''}`;
    return patternChangeSet('distributed-tracing', summary, wiring.ops);
  },
  preview: {
    backarch: 1,
    name: 'Distributed tracing',
    description: 'Checkout calls Inventory and Payments; metrics and logs go to CloudWatch, but nothing follows a request across the three.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 250 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', position: { x: 480, y: 0 } },
      { id: 'inventory', type: 'service', label: 'Inventory', position: { x: 720, y: 0 } },
      { id: 'payments', type: 'service', label: 'Payments', position: { x: 720, y: 140 } },
      { id: 'cloudwatch', type: 'aws.cloudwatch', label: 'CloudWatch', position: { x: 960, y: 280 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'checkout', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'checkout', to: 'inventory', type: 'http', config: { circuitBreaker: true, timeoutMs: 500 } },
      { from: 'checkout', to: 'payments', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000 } },
      { from: 'checkout', to: 'cloudwatch', type: 'telemetry', config: { signals: ['metrics', 'logs'] } },
      { from: 'inventory', to: 'cloudwatch', type: 'telemetry', config: { signals: ['metrics', 'logs'] } },
      { from: 'payments', to: 'cloudwatch', type: 'telemetry', config: { signals: ['metrics', 'logs'] } },
    ],
  },
});
