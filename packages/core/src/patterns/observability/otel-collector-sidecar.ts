import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { names } from '../security/wiring';
import { byLoad, deliveringCollectors, TelemetryOps, type Signal } from './wiring';

const params = z.object({
  deploymentMode: z
    .enum(['agent', 'gateway'])
    .default('agent')
    .describe('Agent: a collector beside each workload (sidecar, DaemonSet or the Lambda extension layer); gateway: a central pool the services send to.'),
  samplingRatio: z.number().min(0.001).max(1).default(1).describe('Fraction of traces the collector keeps; below 1 cuts trace storage cost in proportion.'),
  persistentQueue: z.boolean().default(true).describe('Buffer exports on disk so telemetry survives a backend outage or a collector restart.'),
});

const SIGNALS: readonly Signal[] = ['metrics', 'traces', 'logs'];

/** The signals a direct connection to a store carries: its `signals`, or everything the store keeps. */
function signalsOf(ctx: PatternContext, c: Connection): Signal[] {
  const listed = c.config?.signals as Signal[] | undefined;
  return listed ?? SIGNALS.filter((s) => ctx.hasRole(c.to, `observability.${s}`));
}

/** Telemetry connections from services straight to a store (no collector in between). */
function directExports(ctx: PatternContext): Connection[] {
  return ctx.doc.connections.filter(
    (c) => c.type === 'telemetry' && ctx.hasRole(c.from, 'service') && !ctx.hasRole(c.to, 'telemetry-collector') && SIGNALS.some((s) => ctx.hasRole(c.to, `observability.${s}`)),
  );
}

export default definePattern({
  id: 'otel-collector-sidecar',
  name: 'OpenTelemetry collector between services and backends',
  category: 'observability',
  difficulty: 'intermediate',
  problem:
    "Services export metrics, traces and logs straight to vendor backends with each vendor's SDK or exporter. Every service carries backend credentials and endpoints, retries and batching run inside the request-serving process, a backend outage or throttling drops data or backs up memory, sampling and redaction rules are copied into every codebase, and changing vendor means redeploying every service.",
  solution:
    'Services speak only OTLP to an OpenTelemetry Collector next to them (a sidecar or DaemonSet agent, the Lambda extension layer for functions) or to a central collector pool. The collector batches and compresses, retries with a disk-backed queue, adds resource attributes (cluster, pod, region), drops or hashes sensitive attributes, samples traces, and fans each signal out to the backends through their exporters. Backends and credentials change in one collector config instead of in every service.',
  tradeoffs: {
    latency: 'Exporting to a local agent over loopback takes microseconds and never blocks a request; data reaches the backend after the batch interval (1–10 s).',
    cost: 'An agent uses roughly 0.1–0.2 vCPU and 100–200 MB per node or pod; a gateway pool costs a few vCPUs. Sampling and attribute filtering in the collector usually save more in backend ingestion than the collector costs.',
    operations: 'The collector is now on the telemetry path: its own metrics (queue size, refused and dropped spans) must be alerted on, and its configuration versioned and rolled out like code.',
  },
  avoidWhen:
    "Everything runs on one managed platform that ships telemetry for you (Lambda's built-in CloudWatch metrics and logs, Cloud Run's logging) and you need no sampling, redaction or second backend: a collector would be one more thing to run for no change.",
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const direct = directExports(ctx);
    if (direct.length === 0) return [];
    const services = byLoad(ctx, [...new Set(direct.map((c) => c.from))]);
    const stores = [...new Set(direct.map((c) => c.to))];
    const target: PatternTarget = {
      components: services,
      connections: direct.map((c) => c.id),
      reason: `${names(services.map((id) => ctx.name(id)))} export${services.length === 1 ? 's' : ''} telemetry straight to ${names(stores.map((id) => ctx.name(id)))} over ${direct.length} connection${direct.length === 1 ? '' : 's'}: each service holds the backend endpoint and credentials, and batching, retries and sampling run inside the services.`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const direct = directExports(ctx).filter((c) => target.connections.includes(c.id));
    if (direct.length === 0) throw new Error('no direct telemetry export at this target');
    const removed: Op[] = direct.map((c) => ({ op: 'removeConnection' as const, id: c.id }));
    const existing = deliveringCollectors(ctx, 'traces')[0] ?? ctx.withRole('telemetry-collector')[0];
    let collector = existing;
    const extra: Op[] = [];
    if (!collector) {
      collector = idMaker(doc)('otel-collector');
      const serverless = direct.every((c) => ctx.hasRole(c.from, 'serverless'));
      extra.push(
        addComponent({
          id: collector,
          type: 'otel-collector',
          label: p.deploymentMode === 'agent' ? (serverless ? 'OTel collector (Lambda layer)' : 'OTel collector agent') : 'OTel collector',
          config:
            p.deploymentMode === 'agent'
              ? { deploymentMode: 'agent', vcpus: 0.25, memoryMb: 256, samplingRatio: p.samplingRatio, persistentQueue: p.persistentQueue }
              : { deploymentMode: 'gateway', replicas: 2, vcpus: 1, memoryMb: 2048, samplingRatio: p.samplingRatio, persistentQueue: p.persistentQueue },
          position: near(ctx, direct[0]!.from, 240, 140),
        }),
      );
    }
    // the removed connections go first, so re-adding one with the same ends does not clash with it
    const fresh = new TelemetryOps({ ...doc, connections: doc.connections.filter((c) => !direct.includes(c)) }, ctx);
    for (const c of direct) {
      for (const s of signalsOf(ctx, c)) {
        fresh.ensure(c.from, collector, s, true);
        fresh.ensure(collector, c.to, s, true);
      }
    }
    const services = [...new Set(direct.map((c) => c.from))];
    const stores = [...new Set(direct.map((c) => c.to))];
    return patternChangeSet(
      'otel-collector-sidecar',
      `Route telemetry of ${names(services.map((id) => ctx.name(id)), 3)} through ${existing ? ctx.name(existing) : `an OTel collector ${p.deploymentMode}`} to ${names(stores.map((id) => ctx.name(id)))}${p.samplingRatio < 1 ? `, keeping ${Math.round(p.samplingRatio * 1000) / 10} % of traces` : ''}`,
      [...removed, ...extra, ...fresh.ops],
    );
  },
  preview: {
    backarch: 1,
    name: 'OpenTelemetry collector',
    description: 'Two services send metrics and logs straight to CloudWatch and traces straight to X-Ray, each with its own exporter and credentials.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 150 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'search', type: 'service', label: 'Search', position: { x: 480, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalog', position: { x: 720, y: 0 } },
      { id: 'cloudwatch', type: 'aws.cloudwatch', label: 'CloudWatch', position: { x: 960, y: 140 } },
      { id: 'xray', type: 'aws.xray', label: 'X-Ray', position: { x: 960, y: 280 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'search', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'search', to: 'catalog', type: 'http', config: { circuitBreaker: true, timeoutMs: 800 } },
      { from: 'search', to: 'cloudwatch', type: 'telemetry' },
      { from: 'catalog', to: 'cloudwatch', type: 'telemetry' },
      { from: 'search', to: 'xray', type: 'telemetry' },
      { from: 'catalog', to: 'xray', type: 'telemetry' },
    ],
  },
});
