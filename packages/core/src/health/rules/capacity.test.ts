import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../../pricing/price-book';
import { PRICE_SLICE } from '../../testing/price-slice';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

const book = createPriceBook(PRICE_SLICE);
const JSON_API = '(a typical JSON API handles about 100 requests/s per vCPU)';

/** web → load balancer → api, with the api's type and config. */
const api = (peakRps: number, type: string, config: object) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: 'aws.alb' },
      { id: 'api', type, config },
    ],
    [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'api', type: 'http' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps } },
  );

/** web → api (Lambda) → orders-queue → worker → db: the worker pulls from the queue. */
const pipeline = (workerConfig: object, dbConfig: object = { vcpus: 1, multiAz: true }) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.lambda' },
      { id: 'orders-queue', type: 'aws.sqs', config: { deadLetter: true } },
      { id: 'worker', type: 'service', config: workerConfig },
      { id: 'db', type: 'postgresql', config: dbConfig },
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders-queue', type: 'publish' },
      { from: 'orders-queue', to: 'worker', type: 'consume' },
      { from: 'worker', to: 'db', type: 'write' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 900 } },
  );

describe('capacity', () => {
  it('[cap-1] fires when the peak exceeds instances × size × planning figure, with the basis and the count needed', () => {
    const [finding] = findingsOf(api(1200, 'service', { replicas: 2, vcpus: 1 }), 'capacity');
    expect(finding!.message).toBe(`api receives 1,200 requests/s at peak but 2 × 1 vCPU × 100/s per vCPU ${JSON_API} = 200/s; 18 instances would do at 70 % utilisation.`);
    expect(finding!.severity).toBe('critical'); // 6× the capacity
    expect(findingsOf(api(250, 'service', { replicas: 2, vcpus: 1 }), 'capacity')[0]!.severity).toBe('high'); // 1.25×
  });

  it('[cap-2] sizes instance types from the price book and counts the autoscaling maximum', () => {
    const [finding] = findingsOf(api(1000, 'aws.ec2', { instanceType: 't3.large', autoscaling: { min: 2, max: 4 } }), 'capacity', { book });
    expect(finding!.message).toBe(
      `api receives 1,000 requests/s at peak but up to 4 (autoscaling maximum) × t3.large (2 vCPU) × 100/s per vCPU ${JSON_API} = 800/s; an autoscaling maximum of 8 would do at 70 % utilisation.`,
    );
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'api', config: { autoscaling: { min: 2, max: 8 } } }]);
    expect(findingsOf(api(700, 'aws.ec2', { instanceType: 't3.large', autoscaling: { min: 2, max: 4 } }), 'capacity', { book })).toEqual([]);
  });

  it('[cap-3] Lambda with reserved concurrency: concurrency ÷ duration', () => {
    const [finding] = findingsOf(api(200, 'aws.lambda', { reservedConcurrency: 10 }), 'capacity');
    expect(finding!.message).toBe('api receives 200 requests/s at peak but reserved concurrency 10 ÷ 200 ms per invocation = 50/s; a reserved concurrency of 58 would do at 70 % utilisation.');
    expect(afterFix(api(200, 'aws.lambda', { reservedConcurrency: 10 }), 'capacity').same).toEqual([]);
  });

  it('[cap-4] stays quiet when the capacity cannot be told: unknown size, managed services, provider-scaled Kubernetes', () => {
    expect(findingsOf(api(5000, 'aws.ec2', { instanceType: 't3.large' }), 'capacity')).toEqual([]); // no book: size unknown
    expect(findingsOf(api(5000, 'aws.ec2', { instanceType: 'x9z.huge' }), 'capacity', { book })).toEqual([]);
    expect(findingsOf(api(5000, 'aws.lambda', {}), 'capacity')).toEqual([]);
    expect(findingsOf(api(50000, 'gcp.gke', { mode: 'autopilot' }), 'capacity', { book })).toEqual([]);
    expect(findingsOf(api(50000, 'aws.eks', { computeMode: 'fargate' }), 'capacity', { book })).toEqual([]);
    const cache = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'aws.lambda' },
        { id: 'cache', type: 'aws.elasticache', config: { serverless: true } },
      ],
      [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'cache', type: 'read' },
      ],
      { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 80000 } },
    );
    expect(findingsOf(cache, 'capacity')).toEqual([]);
  });

  it('[cap-5] a queue consumer need only keep up with the average, and what it calls sees the average too', () => {
    // peak 900 messages/s, average 300: 5 × 100/s keeps up; the database (500/s) sees the worker's 300/s, not 900
    expect(findingsOf(pipeline({ replicas: 5, vcpus: 1 }), 'capacity')).toEqual([]);
    const [finding] = findingsOf(pipeline({ replicas: 1, vcpus: 1 }), 'capacity');
    expect(finding!.message).toBe(
      `worker consumes 300 messages/s on average from orders-queue (900 at peak; the peaks wait there, but the average must be kept up with) but 1 × 1 vCPU × 100/s per vCPU ${JSON_API} = 100/s: the backlog grows without bound; 5 instances would do at 70 % utilisation.`,
    );
    expect(finding!.severity).toBe('critical');
  });

  it('[cap-5b] a consumer of a topic or log is told the model gives it every message, until share says otherwise', () => {
    const topic = (share?: number) =>
      doc(
        [
          { id: 'web', type: 'client.web' },
          { id: 'api', type: 'aws.lambda' },
          { id: 'events', type: 'kafka' },
          { id: 'mailer', type: 'service', config: { replicas: 1, vcpus: 1 } },
        ],
        [
          { from: 'web', to: 'api', type: 'http' },
          { from: 'api', to: 'events', type: 'publish' },
          { from: 'events', to: 'mailer', type: 'consume', ...(share !== undefined && { config: { share } }) },
        ],
        { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 900 } },
      );
    expect(findingsOf(topic(), 'capacity')[0]!.message).toContain(
      'The traffic model gives it every message of events; if it reads only some topics, set share on its consume connection.',
    );
    expect(findingsOf(topic(0.5), 'capacity')[0]!.message).not.toContain('The traffic model gives it');
    expect(findingsOf(topic(0.2), 'capacity')).toEqual([]); // 180 at peak, 60 on average
  });

  it('[cap-6] reads are spread over read replicas; the fix for a single primary adds replicas', () => {
    const reads = (dbConfig: object) =>
      doc(
        [
          { id: 'web', type: 'client.web' },
          { id: 'api', type: 'aws.lambda' },
          { id: 'db', type: 'postgresql', config: { vcpus: 2, multiAz: true, ...dbConfig } },
        ],
        [
          { from: 'web', to: 'api', type: 'http' },
          { from: 'api', to: 'db', type: 'read' },
          { from: 'api', to: 'db', type: 'write', config: { share: 0.2 } },
        ],
        { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 1000 } },
      );
    const [finding] = findingsOf(reads({}), 'capacity');
    expect(finding!.message).toBe(
      'db receives 1,200 requests/s at peak but 1 × 2 vCPU × 500/s per vCPU (about 500 simple indexed queries/s per vCPU) = 1,000/s; 1 read replica taking the reads would do at 70 % utilisation.',
    );
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'db', config: { readReplicas: 1 } }]);
    expect(findingsOf(reads({ readReplicas: 1 }), 'capacity')).toEqual([]);
    const fixed = afterFix(reads({}), 'capacity');
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
  });

  it('[cap-7] the fix raises the replicas to the count needed and clears the finding', () => {
    const d = api(1200, 'service', { replicas: 2, vcpus: 1 });
    expect(findingsOf(d, 'capacity')[0]!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'api', config: { replicas: 18 } }]);
    const fixed = afterFix(d, 'capacity');
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
  });

  it('[cap-8] an accepted risk costs nothing', () => {
    const d = api(1200, 'service', { replicas: 2, vcpus: 1, health: { accept: [{ rule: 'capacity', reason: 'load-tested at 1,500/s per instance' }] } });
    const result = health(d);
    expect(result.findings.filter((f) => f.rule === 'capacity')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.rule)).toContain('capacity');
  });
});
