import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import type { ArchDocument } from '../../document/schema';
import { health } from '../engine';
import type { Finding } from '../types';
import { doc, findingsOf } from './test-helpers';

/** web → API Gateway (JWT) → Orders (ECS) → Payments (ECS), and → Search (Lambda); plus telemetry. */
const shop = (extra: { components?: object[]; connections?: object[] } = {}, cloud: 'aws' | 'gcp' = 'aws') =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.api-gateway', config: { auth: 'jwt' } },
      { id: 'orders', type: 'aws.ecs', label: 'Orders' },
      { id: 'search', type: 'aws.lambda', label: 'Search' },
      { id: 'payments', type: 'aws.ecs', label: 'Payments' },
      { id: 'db', type: 'aws.dynamodb' },
      ...(extra.components ?? []),
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http', config: { share: 0.7 } },
      { from: 'api', to: 'search', type: 'http', config: { share: 0.3 } },
      { from: 'orders', to: 'payments', type: 'http', config: { share: 0.2 } },
      { from: 'orders', to: 'db', type: 'write' },
      ...(extra.connections ?? []),
    ],
    { cloud, region: cloud === 'aws' ? 'us-east-1' : 'europe-west1', traffic: { peakRps: 400 } },
  );

/** Every service → OTel collector → Prometheus (metrics) and Tempo (traces); Loki is there but not connected. */
const collector = {
  components: [
    { id: 'otel', type: 'otel-collector', label: 'OTel collector' },
    { id: 'prom', type: 'prometheus', label: 'Prometheus' },
    { id: 'tempo', type: 'grafana.tempo', label: 'Tempo' },
    { id: 'loki', type: 'grafana.loki', label: 'Loki' },
  ],
  connections: [
    { from: 'orders', to: 'otel', type: 'telemetry' },
    { from: 'payments', to: 'otel', type: 'telemetry' },
    { from: 'search', to: 'otel', type: 'telemetry' },
    { from: 'otel', to: 'prom', type: 'telemetry', config: { signals: ['metrics'] } },
    { from: 'otel', to: 'tempo', type: 'telemetry', config: { signals: ['traces'] } },
  ],
};
const complete = { ...collector, connections: [...collector.connections, { from: 'otel', to: 'loki', type: 'telemetry', config: { signals: ['logs'] } }] };

const bySignal = (d: ArchDocument, signal: string) => findingsOf(d, 'observability').find((f) => f.message.includes(` send no ${signal}`) || f.message.includes(` sends no ${signal}`));

/** Applies the finding's fix; returns the document after it. */
function applyFix(d: ArchDocument, finding: Finding): ArchDocument {
  expect(finding.fix!.origin).toBe('fix:observability');
  const applied = applyChangeSet(d, finding.fix!);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  return applied.document;
}

const newCritical = (before: ArchDocument, after: ArchDocument) => {
  const known = new Set(health(before).findings.filter((f) => f.severity === 'critical').map((f) => f.message));
  return health(after).findings.filter((f) => f.severity === 'critical' && !known.has(f.message));
};

describe('observability', () => {
  it('[obs-1] one finding per missing signal, with the count, the services and the busiest rate', () => {
    const findings = findingsOf(shop(), 'observability');
    expect(findings.map((f) => [f.severity, f.message.slice(0, 40)])).toEqual([
      ['high', '3 of 3 services send no metrics, and the'],
      ['high', '3 of 3 services send no logs, and the de'],
      ['medium', '3 of 3 services send no traces, and the '],
    ]);
    expect(bySignal(shop(), 'traces')!.message).toBe(
      '3 of 3 services send no traces, and the design has no trace store: Orders, Search and Payments. A request that crosses them cannot be followed end to end, so finding the hop that made it slow or failed means correlating logs by hand; the busiest, Orders, handles 280 requests/s at peak.',
    );
    expect(bySignal(shop(), 'traces')!.components).toEqual(['orders', 'search', 'payments']);
  });

  it('[obs-2] a collector that receives everything but forwards no logs: the message says so and the fix connects it to the log store', () => {
    const d = shop(collector);
    const findings = findingsOf(d, 'observability');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      '3 of 3 services send no logs (OTel collector receives their telemetry but forwards no logs to a store): Orders, Search and Payments. Their errors and stack traces are lost when an instance is replaced, and an incident there cannot be investigated after the fact; the busiest, Orders, handles 280 requests/s at peak.',
    );
    expect(findings[0]!.fix!.ops).toEqual([{ op: 'addConnection', connection: { from: 'otel', to: 'loki', type: 'telemetry' } }]);
    const after = applyFix(d, findings[0]!);
    expect(findingsOf(after, 'observability')).toEqual([]);
    expect(newCritical(d, after)).toEqual([]);
  });

  it('[obs-3] stays quiet on a complete design: through a chain of collectors, or straight to the stores', () => {
    expect(findingsOf(shop(complete), 'observability')).toEqual([]);
    const chained = shop({
      components: [...complete.components, { id: 'agent', type: 'otel-collector' }],
      connections: [
        ...complete.connections.filter((c) => c.from !== 'orders'),
        { from: 'orders', to: 'agent', type: 'telemetry' },
        { from: 'agent', to: 'otel', type: 'telemetry' },
      ],
    });
    expect(findingsOf(chained, 'observability')).toEqual([]);
  });

  it('[obs-4] `signals` restricts what a connection carries', () => {
    const d = shop({
      components: [{ id: 'dd', type: 'datadog', label: 'Datadog' }],
      connections: ['orders', 'payments', 'search'].map((from) => ({ from, to: 'dd', type: 'telemetry', config: { signals: ['metrics'] } })),
    });
    const traces = bySignal(d, 'traces')!;
    expect(traces.message).toContain('3 of 3 services send no traces: Orders, Search and Payments.');
    expect(bySignal(d, 'metrics')).toBeUndefined();
    // the fix widens the existing connections instead of adding new ones
    expect(traces.fix!.ops).toContainEqual({ op: 'updateConnection', id: 'orders->dd:telemetry', config: { signals: ['metrics', 'traces'] } });
    expect(bySignal(applyFix(d, traces), 'traces')).toBeUndefined();
  });

  it('[obs-5] managed defaults and host agents count for metrics and logs, never for traces', () => {
    const d = shop({
      components: [
        { id: 'cw', type: 'aws.cloudwatch' },
        { id: 'agent', type: 'otel-collector', config: { deploymentMode: 'agent' } },
      ],
      connections: [{ from: 'agent', to: 'cw', type: 'telemetry' }],
    });
    const findings = findingsOf(d, 'observability');
    // Lambda → CloudWatch by default, the ECS services through the agent; traces need instrumentation
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('3 of 3 services send no traces, and the design has no trace store');
    // a gateway-mode collector with no connections covers nothing, and neither does CloudWatch for the ECS services
    const gateway = shop({
      components: [{ id: 'cw', type: 'aws.cloudwatch' }, { id: 'gw', type: 'otel-collector' }],
      connections: [{ from: 'gw', to: 'cw', type: 'telemetry' }],
    });
    expect(bySignal(gateway, 'logs')!.message).toMatch(/^2 of 3 services send no logs: Orders and Payments\./);
  });

  it('[obs-6] severity steps down when at most half the services lack the signal', () => {
    const d = shop({
      components: complete.components,
      connections: complete.connections.map((c) => (c.from === 'orders' ? { ...c, config: { signals: ['metrics', 'logs'] } } : c)),
    });
    const [finding] = findingsOf(d, 'observability');
    expect(finding!.message).toBe(
      '1 of 3 services sends no traces: Orders. A request that crosses it cannot be followed end to end, so finding the hop that made it slow or failed means correlating logs by hand; Orders handles 280 requests/s at peak.',
    );
    expect(finding!.severity).toBe('low');
  });

  it('[obs-7] the fix adds a collector and the cloud\'s store (or an open one) when the design has none', () => {
    for (const cloud of ['aws', 'gcp'] as const) {
      const d = shop({}, cloud);
      for (const signal of ['metrics', 'traces', 'logs']) {
        const finding = bySignal(d, signal)!;
        const after = applyFix(d, finding);
        expect(bySignal(after, signal), `${cloud} ${signal}`).toBeUndefined();
        expect(newCritical(d, after)).toEqual([]);
      }
    }
    const gcp = bySignal(shop({}, 'gcp'), 'traces')!;
    expect(gcp.fix!.summary).toBe('Add an OTel collector and Jaeger for traces, and send them from 3 services');
    const aws = bySignal(shop(), 'traces')!;
    expect(aws.fix!.summary).toBe('Add an OTel collector and AWS X-Ray for traces, and send them from 3 services');
  });

  it('[obs-8] with a store and no collector, the fix connects the services to the store', () => {
    const d = shop({
      components: [{ id: 'cw', type: 'aws.cloudwatch' }, { id: 'xray', type: 'aws.xray', label: 'X-Ray' }],
      connections: [
        { from: 'orders', to: 'cw', type: 'telemetry' },
        { from: 'payments', to: 'cw', type: 'telemetry' },
        { from: 'orders', to: 'xray', type: 'telemetry' },
      ],
    });
    const traces = bySignal(d, 'traces')!;
    expect(traces.message).toMatch(/^2 of 3 services send no traces: Search and Payments\./);
    expect(traces.fix!.ops).toEqual([
      { op: 'addConnection', connection: { from: 'search', to: 'xray', type: 'telemetry' } },
      { op: 'addConnection', connection: { from: 'payments', to: 'xray', type: 'telemetry' } },
    ]);
    expect(findingsOf(applyFix(d, traces), 'observability')).toEqual([]);
  });

  it('[obs-9] accepted when every service it lists accepts it', () => {
    const accept = { health: { accept: [{ rule: 'observability', reason: 'batch jobs: logs only, checked by the nightly report' }] } };
    const d = doc(
      [
        { id: 'cron', type: 'aws.lambda', config: accept },
        { id: 'cw', type: 'aws.cloudwatch' },
      ],
      [],
    );
    const result = health(d);
    expect(result.findings.filter((f) => f.rule === 'observability')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.message)).toEqual([
      '1 of 1 service sends no traces, and the design has no trace store: cron. A request that crosses it cannot be followed end to end, so finding the hop that made it slow or failed means correlating logs by hand.',
    ]);
  });
});
