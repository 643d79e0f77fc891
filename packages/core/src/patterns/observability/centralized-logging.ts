import { z } from 'zod';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { idMaker, inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, ruleFindings } from '../security/wiring';
import { byLoad, dark, defaultStore, lackingSignal, missingSignals, wireSignals, type NewStore } from './wiring';

const params = z.object({
  store: z
    .enum(['auto', 'cloudwatch', 'loki'])
    .default('auto')
    .describe('Log store to add when the design has none: "auto" is CloudWatch Logs on AWS and Grafana Loki elsewhere.'),
  retentionDays: z.number().int().min(1).max(3650).default(30).describe('Days logs are kept (CloudWatch rounds up to the next retention it allows).'),
  via: z
    .enum(['auto', 'collector', 'direct'])
    .default('auto')
    .describe('Ship through an OpenTelemetry collector, or straight to the store; "auto" goes straight only for functions in a design without a collector.'),
});

/** The retention values CloudWatch Logs accepts. */
const CLOUDWATCH_RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function storeFor(doc: ArchDocument, p: z.infer<typeof params>): NewStore {
  const choice = p.store !== 'auto' ? p.store : doc.constraints.cloud === 'aws' ? 'cloudwatch' : 'loki';
  if (choice === 'cloudwatch') {
    return { type: 'aws.cloudwatch', label: 'CloudWatch', config: { logRetentionDays: CLOUDWATCH_RETENTION.find((d) => d >= p.retentionDays) ?? 3653 } };
  }
  return { type: 'grafana.loki', label: 'Loki', config: { deploymentMode: 'simple-scalable', replicas: 3, retentionDays: p.retentionDays } };
}

export default definePattern({
  id: 'centralized-logging',
  name: 'Centralized logging',
  category: 'observability',
  difficulty: 'beginner',
  problem:
    'Services write logs to their own stdout and disks, and gateways and load balancers keep access logs nobody ships. When an instance is replaced by a deploy, a scale-in or a crash, its logs go with it, and during an incident someone has to find which of twenty containers served the failing request and read them one by one, if they still exist.',
  solution:
    'Every service writes structured JSON logs (timestamp, level, service, trace id, request id) to stdout; an agent or the OpenTelemetry collector ships them to one log store that indexes them by service and labels and keeps them for a fixed retention. Queries then span every instance and service at once, log lines link to traces by trace id, and alerts can fire on error patterns.',
  tradeoffs: {
    latency: 'Shipping is asynchronous: lines become searchable a few seconds after they are written, and a collector outage buffers on disk rather than slowing requests.',
    cost: 'Ingestion dominates: CloudWatch Logs lists $0.50 per GB ingested (standard class) plus storage, so 10 GB a day is ~$150 a month before retention; Loki stores compressed chunks in object storage for a fraction of that but costs its compute and on-call. Debug logging left on in production multiplies the bill.',
    operations: 'Log volume, retention and personal data in logs need governance (redaction, shorter retention for access logs); a self-run store such as Loki needs capacity planning for ingestion peaks.',
  },
  avoidWhen:
    'The platform already collects every service\'s logs on its own (Lambda functions with CloudWatch, or a host agent forwarding container logs) and the team only needs to look them up there.',
  addresses: ['observability'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const lacking = byLoad(ctx, lackingSignal(ruleFindings(doc, 'observability'), 'logs'));
    const edges = dark(ctx, 'logs');
    if (lacking.length === 0 && edges.length === 0) return [];
    const services = ctx.withRole('service').length;
    const parts: string[] = [];
    if (lacking.length > 0) {
      const busiest = ctx.peakRps(lacking[0]!);
      parts.push(
        `${lacking.length} of ${services} service${services === 1 ? '' : 's'} ship${lacking.length === 1 ? 's' : ''} no logs (${names(lacking.map((id) => ctx.name(id)))})${busiest > 0 ? `; ${ctx.name(lacking[0]!)} handles ~${fmt(busiest)} requests/s at peak` : ''}: errors vanish with the instance that wrote them`,
      );
    }
    if (edges.length > 0) {
      const rate = ctx.peakRps(edges[0]!);
      parts.push(
        `the access logs of ${names(edges.map((id) => ctx.name(id)))}${rate > 0 ? ` (~${fmt(rate)} requests/s at peak at ${ctx.name(edges[0]!)})` : ''} reach no log store, so who called what, when and with which status cannot be traced back after an incident`,
      );
    }
    const noStore = ctx.withRole('observability.logs').length === 0 ? ', and the design has no log store' : '';
    const reason = `${parts.join('; ')}${noStore}.`;
    const target: PatternTarget = { components: [...lacking, ...edges], connections: [], reason: reason[0]!.toUpperCase() + reason.slice(1) };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const services = target.components.filter((id) => ctx.hasRole(id, 'service'));
    const edges = target.components.filter((id) => ctx.hasRole(id, 'edge') && !ctx.hasRole(id, 'service'));
    if (services.length + edges.length === 0) throw new Error('nothing at this target emits logs');
    const collectors = ctx.withRole('telemetry-collector');
    const direct = p.via === 'direct' || (p.via === 'auto' && collectors.length === 0 && services.every((id) => ctx.hasRole(id, 'serverless')));
    // signals the same services also lack travel the same way, so the services end up fully observed
    const signals = missingSignals(ruleFindings(doc, 'observability'), services, 'logs');
    signals[0] = { signal: 'logs', services: [...services, ...edges] };
    const wiring = wireSignals(ctx, idMaker(doc), signals, {
      direct,
      store: (s) => (s === 'logs' ? storeFor(doc, p) : defaultStore(ctx, s)),
      noun: edges.length > 0 ? ['component', 'components'] : ['service', 'services'],
    });
    return patternChangeSet('centralized-logging', `Centralize logs: ${wiring.summary}; logs kept ${p.retentionDays} days`, wiring.ops);
  },
  preview: {
    backarch: 1,
    name: 'Centralized logging',
    description: 'Two services export metrics and traces through a collector, but their logs stay on the containers.',
    constraints: { cloud: 'gcp', region: 'europe-west1', traffic: { peakRps: 120 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'gcp.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'bookings', type: 'gcp.cloud-run', label: 'Bookings', position: { x: 480, y: 0 } },
      { id: 'search', type: 'gcp.cloud-run', label: 'Search', position: { x: 720, y: 0 } },
      { id: 'otel', type: 'otel-collector', label: 'OTel collector', config: { replicas: 2 }, position: { x: 720, y: 140 } },
      { id: 'prometheus', type: 'prometheus', label: 'Prometheus', position: { x: 960, y: 140 } },
      { id: 'tempo', type: 'grafana.tempo', label: 'Tempo', position: { x: 960, y: 280 } },
    ],
    connections: [
      { from: 'mobile', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'bookings', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'bookings', to: 'search', type: 'http', config: { circuitBreaker: true, timeoutMs: 800 } },
      { from: 'bookings', to: 'otel', type: 'telemetry', config: { signals: ['metrics', 'traces'] } },
      { from: 'search', to: 'otel', type: 'telemetry', config: { signals: ['metrics', 'traces'] } },
      { from: 'otel', to: 'prometheus', type: 'telemetry', config: { signals: ['metrics'] } },
      { from: 'otel', to: 'tempo', type: 'telemetry', config: { signals: ['traces'] } },
    ],
  },
});
