import { describe, expect, it } from 'vitest';
import { createPriceBook, type PriceRecord } from '../../pricing/price-book';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

/** web → api (Lambda) → topic → worker (Lambda), with the topic's type. */
const topicDoc = (topic: object, constraints: object = { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } }) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.lambda' },
      { id: 'topic', ...topic },
      { id: 'worker', type: 'aws.lambda' },
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'topic', type: 'publish' },
      { from: 'topic', to: 'worker', type: 'consume' },
    ],
    constraints,
  );
const pubsub = { type: 'gcp.pubsub', label: 'events', config: { deadLetter: true, maxDeliveryAttempts: 10, region: 'us-east4' } };

describe('cloud-mismatch', () => {
  it('[cloud-1] flags a component of another cloud, with the traffic crossing and its equivalent', () => {
    const [finding] = findingsOf(topicDoc(pubsub), 'cloud-mismatch');
    expect(finding!.message).toBe(
      'events is Google Cloud Pub/Sub, a Google Cloud service in a design for AWS: its 2 connections to the rest of the design cross between clouds over the internet (800 messages/s at peak, 701 million a month), adding latency and egress charges, and it brings a second cloud account, IAM, networking and bill to run. The AWS equivalent is Amazon SNS (aws.sns; same class: pubsub).',
    );
    expect(finding!.severity).toBe('medium');
    expect(finding!.connections).toEqual(['topic->worker:consume', 'api->topic:publish']);
  });

  it('[cloud-2] stays quiet on the same cloud, with cloud "multi" or unset, and for neutral and SaaS components', () => {
    expect(findingsOf(topicDoc({ type: 'aws.sns', config: { deadLetter: true } }), 'cloud-mismatch')).toEqual([]);
    expect(findingsOf(topicDoc(pubsub, { cloud: 'multi', traffic: { peakRps: 400 } }), 'cloud-mismatch')).toEqual([]);
    expect(findingsOf(topicDoc(pubsub, { traffic: { peakRps: 400 } }), 'cloud-mismatch')).toEqual([]);
    expect(findingsOf(topicDoc({ type: 'kafka' }), 'cloud-mismatch')).toEqual([]);
    const saas = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'edge', type: 'cloudflare' },
        { id: 'api', type: 'aws.lambda' },
        { id: 'apm', type: 'datadog' },
        { id: 'llm', type: 'llm.google' },
      ],
      [
        { from: 'web', to: 'edge', type: 'http' },
        { from: 'edge', to: 'api', type: 'http' },
        { from: 'api', to: 'apm', type: 'telemetry' },
        { from: 'api', to: 'llm', type: 'http' },
      ],
    );
    expect(findingsOf(saas, 'cloud-mismatch')).toEqual([]);
  });

  it('[cloud-3] the fix changes the type, clearing what the new type does not take and moving the region', () => {
    const [finding] = findingsOf(topicDoc(pubsub), 'cloud-mismatch');
    expect(finding!.fix).toEqual({
      origin: 'fix:cloud-mismatch',
      summary: 'Replace events (Google Cloud Pub/Sub) by Amazon SNS',
      ops: [{ op: 'updateComponent', id: 'topic', type: 'aws.sns', config: { maxDeliveryAttempts: null, region: null } }],
    });
    const fixed = afterFix(topicDoc(pubsub), 'cloud-mismatch');
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
    expect(fixed.document.components.find((c) => c.id === 'topic')).toEqual({ id: 'topic', type: 'aws.sns', label: 'events', config: { deadLetter: true } });
  });

  it('[cloud-4] maps a VM size to the nearest size on the new cloud when the price book knows both', () => {
    const vm = (cloud: string, service: string, region: string, sku: string, usd: string, vcpu: number, memoryGib: number): PriceRecord => ({
      cloud,
      service,
      sku,
      region,
      term: 'on-demand',
      unit: 'hour',
      usd,
      attributes: { vcpu, memoryGib },
      source: { file: 'test', key: sku, trust: 'A' },
      effectiveDate: '2026-07-30',
    });
    const book = createPriceBook([
      vm('aws', 'ec2', 'us-east-1', 'm5.xlarge', '0.192', 4, 16),
      vm('gcp', 'compute-engine', 'us-central1', 'e2-standard-2', '0.067', 2, 8),
      vm('gcp', 'compute-engine', 'us-central1', 'e2-standard-4', '0.134', 4, 16),
      vm('gcp', 'compute-engine', 'us-central1', 'n2-standard-4', '0.194', 4, 16),
    ]);
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'gcp.cloud-run' },
        { id: 'vm', type: 'aws.ec2', config: { instanceType: 'm5.xlarge', replicas: 2 } },
      ],
      [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'vm', type: 'http' },
      ],
      { cloud: 'gcp', region: 'us-central1', traffic: { peakRps: 50 } },
    );
    const [finding] = findingsOf(d, 'cloud-mismatch', { book });
    expect(finding!.message).toContain('The Google Cloud equivalent is Google Compute Engine (gcp.compute-engine; same class: vm).');
    // the cheapest size with at least m5.xlarge's 4 vCPU and 16 GiB
    expect(finding!.fix).toEqual({
      origin: 'fix:cloud-mismatch',
      summary: 'Replace vm (Amazon EC2) by Google Compute Engine (m5.xlarge → e2-standard-4)',
      ops: [{ op: 'updateComponent', id: 'vm', type: 'gcp.compute-engine', config: { instanceType: 'e2-standard-4' } }],
    });
    expect(afterFix(d, 'cloud-mismatch', { book }).same).toEqual([]);
  });

  it('[cloud-5] says so when the catalog has no equivalent, and offers no fix', () => {
    const d = topicDoc({ type: 'aws.eventbridge', label: 'bus' }, { cloud: 'gcp', region: 'us-central1', traffic: { peakRps: 50 } });
    const finding = findingsOf(d, 'cloud-mismatch').find((f) => f.components[0] === 'topic')!;
    expect(finding.message).toContain('The catalog has no Google Cloud type of its class (event-bus) or with the same roles.');
    expect(finding.fix).toBeUndefined();
    // the Lambdas are AWS too: one finding per component
    expect(findingsOf(d, 'cloud-mismatch').map((f) => f.components[0])).toEqual(['api', 'topic', 'worker']);
  });

  it('[cloud-6] load balancers map to one working at the same layer; no fix that would lose HTTP routing', () => {
    const lb = (type: string, cloud: string) =>
      doc(
        [
          { id: 'web', type: 'client.web' },
          { id: 'lb', type },
          { id: 'api', type: 'service', config: { replicas: 2 } },
        ],
        [
          { from: 'web', to: 'lb', type: 'http' },
          { from: 'lb', to: 'api', type: 'http' },
        ],
        { cloud, traffic: { peakRps: 50 } },
      );
    expect(findingsOf(lb('azure.load-balancer', 'aws'), 'cloud-mismatch')[0]!.message).toContain('The AWS equivalent is Network Load Balancer (aws.nlb; same class: load-balancer).');
    const l7 = findingsOf(lb('aws.alb', 'azure'), 'cloud-mismatch')[0]!;
    expect(l7.message).toContain('it works at layer 4 only, so HTTP routing by host and path moves to Front Door or Application Gateway');
    expect(l7.fix).toBeUndefined();
    expect(findingsOf(lb('aws.nlb', 'gcp'), 'cloud-mismatch')[0]!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'lb', type: 'gcp.load-balancer', config: { type: 'passthrough-network' } }]);
  });

  it('[cloud-7] an accepted risk costs nothing', () => {
    const d = topicDoc({ ...pubsub, config: { ...pubsub.config, health: { accept: [{ rule: 'cloud-mismatch', reason: 'partner events arrive on their GCP project' }] } } });
    const result = health(d);
    expect(result.findings.filter((f) => f.rule === 'cloud-mismatch')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.reasons)).toEqual([[{ component: 'topic', reason: 'partner events arrive on their GCP project' }]]);
  });
});
