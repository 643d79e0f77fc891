import { describe, expect, it } from 'vitest';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

/** EKS with our own nodes, PostgreSQL, Redis, self-hosted Kafka and CloudWatch: 8 + 6 + 5 technologies = 19 points. */
const platform = (teamSize: number | undefined, extra: { kafka?: object; k8s?: object } = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: 'aws.alb' },
      { id: 'k8s', type: 'aws.eks', config: { nodeCount: 3, ...extra.k8s } },
      { id: 'db', type: 'postgresql', config: { multiAz: true } },
      { id: 'cache', type: 'redis' },
      { id: 'events', type: 'kafka', config: { managed: false, ...extra.kafka } },
      { id: 'metrics', type: 'aws.cloudwatch' },
    ],
    [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'k8s', type: 'http' },
      { from: 'k8s', to: 'db', type: 'write' },
      { from: 'k8s', to: 'cache', type: 'read' },
      { from: 'k8s', to: 'events', type: 'publish' },
      { from: 'events', to: 'k8s', type: 'consume' },
      { from: 'k8s', to: 'metrics', type: 'telemetry' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 }, ...(teamSize !== undefined && { teamSize }) },
  );

const serverless = (teamSize: number) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.lambda' },
      { id: 'table', type: 'aws.dynamodb' },
      { id: 'jobs', type: 'aws.sqs', config: { deadLetter: true } },
      { id: 'worker', type: 'aws.lambda' },
      { id: 'logs', type: 'aws.cloudwatch' },
    ],
    [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'table', type: 'write' },
      { from: 'api', to: 'jobs', type: 'publish' },
      { from: 'jobs', to: 'worker', type: 'consume' },
      { from: 'api', to: 'logs', type: 'telemetry' },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 }, teamSize },
  );

describe('team-capacity', () => {
  it('[team-1] fires when the load exceeds what the team carries, itemised', () => {
    const [finding] = findingsOf(platform(3), 'team-capacity');
    expect(finding!.message).toBe(
      "A team of 3 shouldn't run a Kubernetes cluster (k8s): 3 engineers can carry 12 points of operations (4 each); this design needs 19: k8s (aws.eks): self-managed Kubernetes with our own nodes 8, events (kafka): self-hosted Kafka 6 and 5 distinct technologies 5.",
    );
    expect(finding!.severity).toBe('medium');
    expect(finding!.components).toEqual(['k8s', 'events']);
    expect(finding!.fix).toBeUndefined(); // managed Kafka alone leaves 13 > 12
  });

  it('[team-2] high when the load is more than twice the capacity', () => {
    const [finding] = findingsOf(platform(2), 'team-capacity');
    expect(finding!.severity).toBe('high'); // 19 > 2 × 8
    expect(finding!.message).toContain('This design needs more operations than a team of 2 can carry: 2 engineers can carry 8 points');
  });

  it('[team-3] stays quiet within capacity, without a team size, and for managed services a small team can run', () => {
    expect(findingsOf(platform(5), 'team-capacity')).toEqual([]); // 19 ≤ 20
    expect(findingsOf(platform(undefined), 'team-capacity')).toEqual([]);
    expect(findingsOf(serverless(1), 'team-capacity')).toEqual([]); // 4 technologies, nothing self-run
    // managed Kafka and Kubernetes whose nodes AWS runs weigh less: 4 + 5 = 9 ≤ 12
    expect(findingsOf(platform(3, { kafka: { managed: true }, k8s: { computeMode: 'fargate' } }), 'team-capacity')).toEqual([]);
  });

  it('[team-4] the fix hands self-hosted Kafka to the cloud when that is enough', () => {
    const [finding] = findingsOf(platform(4), 'team-capacity'); // 19 > 16; managed Kafka brings it to 13
    expect(finding!.fix).toEqual({ origin: 'fix:team-capacity', summary: 'Let the cloud run events (managed: true)', ops: [{ op: 'updateComponent', id: 'events', config: { managed: true } }] });
    const fixed = afterFix(platform(4), 'team-capacity');
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
  });

  it('[team-5] VMs and ECS container hosts count as infrastructure the team runs; Fargate does not', () => {
    const hosts = (launchType: string) =>
      doc(
        [
          { id: 'web', type: 'client.web' },
          { id: 'lb', type: 'aws.alb' },
          { id: 'api', type: 'aws.ecs', config: { launchType, replicas: 2 } },
          { id: 'batch', type: 'aws.ec2', config: { replicas: 2 } },
          { id: 'db', type: 'postgresql', config: { multiAz: true } },
        ],
        [
          { from: 'web', to: 'lb', type: 'http' },
          { from: 'lb', to: 'api', type: 'http' },
          { from: 'api', to: 'db', type: 'write' },
          { from: 'batch', to: 'db', type: 'read' },
        ],
        { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 10 }, teamSize: 1 },
      );
    expect(findingsOf(hosts('ec2'), 'team-capacity')[0]!.message).toBe(
      'This design needs more operations than a team of 1 can carry: 1 engineer can carry 4 points of operations (4 each); this design needs 7: api (aws.ecs): container hosts (EC2 launch type) 2, batch (aws.ec2): VMs 2 and 3 distinct technologies 3.',
    );
    expect(findingsOf(hosts('fargate'), 'team-capacity')[0]!.message).toContain('this design needs 5: batch (aws.ec2): VMs 2 and 3 distinct technologies 3.');
  });

  it('[team-6] an accepted risk costs nothing', () => {
    const reason = { rule: 'team-capacity', reason: 'a platform team runs the cluster and Kafka for us' };
    const d = platform(3, { kafka: { health: { accept: [reason] } }, k8s: { health: { accept: [reason] } } });
    const result = health(d);
    expect(result.findings.filter((f) => f.rule === 'team-capacity')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.rule)).toEqual(['team-capacity']);
  });
});
