import { describe, expect, it } from 'vitest';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

const queueDoc = (queueConfig: object = {}, extra: { components?: object[]; connections?: object[] } = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.lambda' },
      { id: 'orders-queue', type: 'aws.sqs', label: 'orders-queue', config: queueConfig },
      { id: 'worker', type: 'aws.lambda' },
      ...(extra.components ?? []),
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders-queue', type: 'publish' },
      { from: 'orders-queue', to: 'worker', type: 'consume' },
      ...(extra.connections ?? []),
    ],
    { cloud: 'aws', traffic: { peakRps: 10000 } },
  );

describe('dead-letter-queue', () => {
  it('[dlq-1] fires on a consumed queue without a DLQ, with the loss estimate', () => {
    const [finding] = findingsOf(queueDoc(), 'dead-letter-queue');
    expect(finding!.message).toBe(
      'orders-queue has no dead-letter queue: at 10,000 messages/s and an assumed 0.1 % failure rate that is ~10 failing messages/s at peak, ~288,000 a day, retried until they expire and then lost.',
    );
    expect(finding!.severity).toBe('high');
  });

  it('[dlq-2] stays quiet with deadLetter: true, with a dead-letter connection, and on the DLQ itself', () => {
    expect(findingsOf(queueDoc({ deadLetter: true }), 'dead-letter-queue')).toEqual([]);
    const withDlq = queueDoc({}, { components: [{ id: 'dlq', type: 'aws.sqs' }], connections: [{ from: 'orders-queue', to: 'dlq', type: 'dead-letter' }] });
    expect(findingsOf(withDlq, 'dead-letter-queue')).toEqual([]);
  });

  it('[dlq-3] the fix adds a DLQ and the dead-letter connection, and clears the finding', () => {
    const result = afterFix(queueDoc(), 'dead-letter-queue');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
  });
});

const callDoc = (callConfig: object = {}, extra: { components?: object[] } = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: 'aws.alb' },
      { id: 'orders', type: 'service' },
      { id: 'payments', type: 'service' },
      { id: 'db', type: 'postgresql', config: { multiAz: true } },
      ...(extra.components ?? []),
    ],
    [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'orders', type: 'http' },
      { from: 'orders', to: 'payments', type: 'http', config: callConfig },
      { from: 'orders', to: 'db', type: 'write' },
    ],
  );

describe('circuit-breaker', () => {
  it('[cb-1] fires on a service-to-service call without a breaker, with the pile-up', () => {
    const [finding] = findingsOf(callDoc({ timeoutMs: 5000 }), 'circuit-breaker');
    expect(finding!.message).toBe(
      'orders → payments (http) has no circuit breaker: when payments fails or slows down, orders keeps waiting on it and fails too; at 200 requests/s, a hanging payments ties up ~1,000 requests in orders (200/s × 5 s timeout).',
    );
    expect(finding!.connections).toEqual(['orders->payments:http']);
  });

  it('[cb-2] stays quiet with a breaker, under a mesh with circuit breaking, and for datastore calls', () => {
    expect(findingsOf(callDoc({ circuitBreaker: true }), 'circuit-breaker')).toEqual([]);
    expect(findingsOf(callDoc({}, { components: [{ id: 'mesh', type: 'service-mesh' }] }), 'circuit-breaker')).toEqual([]);
    expect(findingsOf(callDoc({ circuitBreaker: true }), 'circuit-breaker').some((f) => f.components.includes('db'))).toBe(false);
  });

  it('[cb-3] the fix turns the breaker on and clears the finding', () => {
    expect(afterFix(callDoc(), 'circuit-breaker').same).toEqual([]);
  });
});

describe('spof', () => {
  const chain = (dbConfig: object = {}, svcConfig: object = {}) =>
    doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'lb', type: 'aws.alb' },
        { id: 'api', type: 'aws.ec2', config: svcConfig },
        { id: 'db', type: 'postgresql', config: dbConfig },
        { id: 'files', type: 'aws.s3' },
      ],
      [
        { from: 'web', to: 'lb', type: 'http' },
        { from: 'lb', to: 'api', type: 'http' },
        { from: 'api', to: 'db', type: 'write' },
        { from: 'api', to: 'files', type: 'write' },
      ],
    );

  it('[spof-1] flags a single instance every path passes through, naming what it cuts off', () => {
    const api = findingsOf(chain({ multiAz: true }), 'spof').find((f) => f.components[0] === 'api')!;
    expect(api.message).toBe(
      'api is a single point of failure: it runs one instance and every path from the clients to 2 components (db and files) passes through it, so if it fails they are unreachable (200 requests/s at peak).',
    );
    expect(api.severity).toBe('critical');
  });

  it('[spof-2] flags a single-instance database and fixes it with Multi-AZ', () => {
    const d = chain({}, { replicas: 2 });
    const db = findingsOf(d, 'spof').find((f) => f.components[0] === 'db')!;
    expect(db.message).toContain('it holds state with no standby or replica');
    expect(db.fix!.ops).toEqual([{ op: 'updateComponent', id: 'db', config: { multiAz: true } }]);
    expect(afterFix(d, 'spof').same).toEqual([]);
  });

  it('[spof-3] multi-AZ RDS, replicated services and managed HA services (ALB, S3) are not SPOFs', () => {
    expect(findingsOf(chain({ multiAz: true }, { replicas: 2 }), 'spof')).toEqual([]);
    expect(findingsOf(chain({ multiAz: true }, { autoscaling: { min: 2, max: 6 } }), 'spof')).toEqual([]);
  });

  it('[spof-4] components off the request path (telemetry stores) are not flagged', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'fn', type: 'aws.lambda' },
        { id: 'prom', type: 'prometheus' },
      ],
      [
        { from: 'web', to: 'fn', type: 'http' },
        { from: 'fn', to: 'prom', type: 'telemetry' },
      ],
    );
    expect(findingsOf(d, 'spof')).toEqual([]);
  });
});

describe('health score', () => {
  it('[HS1] is 100 minus the capped penalties of the findings, and accepted risks cost nothing', () => {
    const d = queueDoc();
    const result = health(d);
    const lost = Object.values(result.categories).reduce((sum, c) => sum + c.lost, 0);
    expect(result.score).toBe(100 - lost);
    expect(lost).toBe(result.findings.reduce((s, f) => s + f.penalty, 0));
    const accepted = queueDoc({ health: { accept: [{ rule: 'dead-letter-queue', reason: 'messages are idempotent replays; loss is fine' }] } });
    const withRisk = health(accepted);
    expect(withRisk.findings.filter((f) => f.rule === 'dead-letter-queue')).toEqual([]);
    expect(withRisk.acceptedRisks.map((r) => r.reasons)).toEqual([[{ component: 'orders-queue', reason: 'messages are idempotent replays; loss is fine' }]]);
    expect(withRisk.score).toBe(result.score + 6);
  });
});
