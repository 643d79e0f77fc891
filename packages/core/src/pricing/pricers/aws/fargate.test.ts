import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';
import { fargateSize } from './fargate';

describe('aws.fargate', () => {
  it('prices a service as vCPU-hours and GB-hours per task × replicas', () => {
    const bill = billOf('svc', [{ id: 'svc', type: 'service' }]);
    expect(bill.product).toBe('Amazon ECS on Fargate (2 tasks × 0.5 vCPU, 1 GB)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'vCPU (on-demand, x86_64, 2 tasks × 0.5 vCPU)', quantity: 730, unit: 'vCPU-hours', unitPriceUsd: '0.04048', monthlyUsd: '29.5504', usageBased: false }),
      expect.objectContaining({ name: 'Memory (on-demand, x86_64, 2 tasks × 1 GB)', quantity: 1460, unit: 'GB-hours', unitPriceUsd: '0.004445', monthlyUsd: '6.4897' }),
    ]);
    expect(bill.monthlyUsd).toBe('36.0401');
    expect(bill.notes).toEqual(['20 GB of ephemeral storage per task included']);
    expect(bill.line('vCPU (on-demand, x86_64, 2 tasks × 0.5 vCPU)').source).toMatchObject({ file: 'aws/togen-aws-offer-subset-nat-fargate-alb-lambda-sqs-s3-2026-09-06.json', trust: 'A' });
  });

  it('rounds a task up to a Fargate size, bills the autoscaling minimum, and uses the Savings Plan rate for a reserved term', () => {
    const bill = billOf('api', [{ id: 'api', type: 'aws.ecs', config: { vcpus: 0.75, memoryMb: 1536, autoscaling: { min: 3, max: 6 }, term: 'reserved-1y' } }]);
    expect(bill.mapping).toBe('0.75 vCPU, 1.5 GB per task is not a Fargate size: priced as 1 vCPU, 2 GB');
    expect(bill.line('vCPU (reserved 1y, x86_64, 3 tasks × 1 vCPU)')).toMatchObject({ quantity: 2190, unitPriceUsd: '0.032384', monthlyUsd: '70.92096' });
    expect(bill.line('Memory (reserved 1y, x86_64, 3 tasks × 2 GB)')).toMatchObject({ quantity: 4380, unitPriceUsd: '0.003556', monthlyUsd: '15.57528' });
    expect(bill.monthlyUsd).toBe('86.49624');
    expect(bill.notes[0]).toBe('autoscaling 3–6 instances: priced at the minimum of 3; peaks cost more');
  });

  it('Fargate Spot without a spot price is an unknown line, not on-demand', () => {
    const bill = billOf('svc', [{ id: 'svc', type: 'service', config: { term: 'spot' } }]);
    expect(bill.line('vCPU (spot, x86_64, 2 tasks × 0.5 vCPU)')).toMatchObject({ monthlyUsd: null, missing: 'no price for fargate vcpu (spot) in us-east-1' });
    expect(bill.monthlyUsd).toBeNull();
    expect(bill.notes).toContain('Fargate Spot tasks can be stopped with two minutes’ notice');
  });

  it('prices the EC2 launch type as container instances the tasks are packed onto, plus their root volumes', () => {
    const bill = billOf('api', [{ id: 'api', type: 'aws.ecs', config: { launchType: 'ec2', instanceType: 't3.medium', replicas: 5, vcpus: 1, memoryMb: 2048 } }]);
    expect(bill.product).toBe('Amazon ECS on EC2 (3 instances × t3.medium)');
    expect(bill.line('Instance usage (Linux, on-demand, t3.medium)')).toMatchObject({ quantity: 2190, unitPriceUsd: '0.0416', monthlyUsd: '91.104' });
    expect(bill.line('Storage (EBS gp3) (30 GB × 3)')).toMatchObject({ quantity: 90, unit: 'GB-months', monthlyUsd: null, missing: 'no price for ebs gp3 in us-east-1' });
    expect(bill.notes[0]).toBe('5 tasks of 1 vCPU, 2 GB packed 2 per t3.medium (2 vCPU, 4 GiB) onto 3 instances; memory kept by the ECS agent and OS not deducted');
  });

  it('compare mode: a Cloud Run service becomes an always-on Fargate task of the nearest size', () => {
    const bill = billOf('run', [{ id: 'run', type: 'gcp.cloud-run', config: { vcpus: 1, memoryMb: 512 } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(bill.region).toBe('us-east-1');
    expect(bill.mapping).toBe(
      'Google Cloud Run → Amazon ECS on Fargate (1 task × 1 vCPU, 2 GB) (same class: container-service); 1 vCPU, 0.5 GB per task is not a Fargate size: priced as 1 vCPU, 2 GB',
    );
    expect(bill.notes[0]).toBe('minInstances 0: 1 task running all month (an ECS service does not scale to zero)');
    expect(bill.line('vCPU (on-demand, x86_64, 1 task × 1 vCPU)').monthlyUsd).toBe('29.5504');
    expect(bill.line('Memory (on-demand, x86_64, 1 task × 2 GB)').monthlyUsd).toBe('6.4897');
  });

  it('knows Fargate task sizes', () => {
    expect(fargateSize(0.25, 0.5)).toEqual({ vcpu: 0.25, memoryGb: 0.5 });
    expect(fargateSize(0.5, 5)).toEqual({ vcpu: 1, memoryGb: 5 });
    expect(fargateSize(8, 17)).toEqual({ vcpu: 8, memoryGb: 20 });
    expect(fargateSize(32, 256)).toEqual({ vcpu: 16, memoryGb: 120 });
  });
});
