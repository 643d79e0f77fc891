import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { instanceCount, monthlyHours, termLabel, withConfig } from '../helpers';
import { sizeOf } from '../sizing';
import { chooseInstance } from '../vm';

/** Container instance type for the ECS EC2 launch type when the config names none. */
export const DEFAULT_CONTAINER_INSTANCE = 'm6i.large';
/** Root EBS volume of an ECS-optimised AMI container instance (gp3), in GB. */
export const DEFAULT_CONTAINER_INSTANCE_DISK_GB = 30;

/** Fargate's task sizes: vCPU and the memory (GB) it may be paired with. */
const FARGATE_SIZES: ReadonlyArray<{ vcpu: number; memoryGb: readonly number[] }> = [
  { vcpu: 0.25, memoryGb: [0.5, 1, 2] },
  { vcpu: 0.5, memoryGb: range(1, 4, 1) },
  { vcpu: 1, memoryGb: range(2, 8, 1) },
  { vcpu: 2, memoryGb: range(4, 16, 1) },
  { vcpu: 4, memoryGb: range(8, 30, 1) },
  { vcpu: 8, memoryGb: range(16, 60, 4) },
  { vcpu: 16, memoryGb: range(32, 120, 8) },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** The smallest Fargate task size with at least the vCPUs and memory asked for (the largest when none is). */
export function fargateSize(vcpus: number, memoryGb: number): { vcpu: number; memoryGb: number } {
  for (const size of FARGATE_SIZES) {
    const memory = size.memoryGb.find((m) => m >= memoryGb);
    if (size.vcpu >= vcpus && memory !== undefined) return { vcpu: size.vcpu, memoryGb: memory };
  }
  const largest = FARGATE_SIZES[FARGATE_SIZES.length - 1]!;
  return { vcpu: largest.vcpu, memoryGb: largest.memoryGb[largest.memoryGb.length - 1]! };
}

/** Tasks billed all month: replicas / autoscaling minimum, or (Cloud Run, Container Apps) the minimum instances, at least one. */
function taskCount(ctx: PricerContext): { count: number; note?: string } {
  const minInstances = ctx.config.minInstances as number | undefined;
  if (ctx.config.replicas === undefined && ctx.config.autoscaling === undefined && minInstances !== undefined) {
    const count = Math.max(1, minInstances);
    return { count, note: `minInstances ${minInstances}: ${count} task${count === 1 ? '' : 's'} running all month (an ECS service does not scale to zero)` };
  }
  return instanceCount(ctx);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ECS services (and the generic `service`, Cloud Run, Container Apps in comparisons) on Fargate: vCPU-hours and
 * GB-hours per task × tasks running all month (replicas or the autoscaling minimum), at the task size Fargate offers
 * nearest above the config's vCPUs and memory; x86_64 or arm64; spot = Fargate Spot, reserved = Compute Savings Plans.
 * 20 GB of ephemeral storage per task is included. The EC2 launch type is priced as the container instances: tasks
 * packed onto instances of `instanceType` by vCPU and memory, plus their root EBS volumes.
 */
export default definePricer({
  id: 'aws.fargate',
  cloud: 'aws',
  equivalence: ['container-service'],
  price(ctx) {
    return ctx.config.launchType === 'ec2' ? ec2LaunchType(ctx) : fargate(ctx);
  },
});

function taskSize(ctx: PricerContext) {
  const vcpus = (ctx.config.vcpus as number | undefined) ?? 0.5;
  const memoryGb = ((ctx.config.memoryMb as number | undefined) ?? 1024) / 1024;
  return { vcpus, memoryGb };
}

function fargate(ctx: PricerContext): PricerResult {
  const { vcpus, memoryGb } = taskSize(ctx);
  const size = fargateSize(vcpus, memoryGb);
  const { count, note } = taskCount(ctx);
  const arch = (ctx.config.architecture as string | undefined) ?? 'x86_64';
  const term = termLabel(ctx.term);
  const tasks = plural(count, 'task');
  const items: CostItem[] = [
    {
      name: `vCPU (${term}, ${arch}, ${tasks} × ${size.vcpu} vCPU)`,
      quantity: monthlyHours(count * size.vcpu),
      unit: 'vCPU-hours',
      price: { cloud: 'aws', service: 'fargate', sku: 'vcpu', term: ctx.term, attributes: { arch } },
      usageBased: false,
    },
    {
      name: `Memory (${term}, ${arch}, ${tasks} × ${size.memoryGb} GB)`,
      quantity: monthlyHours(count * size.memoryGb),
      unit: 'GB-hours',
      price: { cloud: 'aws', service: 'fargate', sku: 'memory', term: ctx.term, attributes: { arch } },
      usageBased: false,
    },
  ];
  const notes = [note, '20 GB of ephemeral storage per task included'].filter((n): n is string => n !== undefined);
  if (ctx.term === 'spot') notes.push('Fargate Spot tasks can be stopped with two minutes’ notice');
  const adjusted = size.vcpu !== vcpus || size.memoryGb !== memoryGb;
  return {
    product: `Amazon ECS on Fargate (${tasks} × ${size.vcpu} vCPU, ${size.memoryGb} GB)`,
    items,
    notes,
    ...(adjusted && { mapping: `${vcpus} vCPU, ${memoryGb} GB per task is not a Fargate size: priced as ${size.vcpu} vCPU, ${size.memoryGb} GB` }),
  };
}

function ec2LaunchType(ctx: PricerContext): PricerResult {
  // size the container instances by their type, not by the task size the config also carries
  const instanceCtx = withConfig(ctx, { ...ctx.config, instanceType: ctx.config.instanceType ?? DEFAULT_CONTAINER_INSTANCE, vcpus: undefined, memoryMb: undefined });
  const { sku, mapping } = chooseInstance(instanceCtx, { cloud: 'aws', service: 'ec2', defaultSku: DEFAULT_CONTAINER_INSTANCE });
  const { vcpus, memoryGb } = taskSize(ctx);
  const { count: tasks, note } = taskCount(ctx);
  const size = sizeOf(ctx.book, sku);
  const notes = note ? [note] : [];
  let instances = tasks;
  if (size) {
    const perInstance = Math.max(1, Math.min(Math.floor(size.vcpu / vcpus), Math.floor(size.memoryGib / memoryGb)));
    instances = Math.max(1, Math.ceil(tasks / perInstance));
    notes.push(`${plural(tasks, 'task')} of ${vcpus} vCPU, ${memoryGb} GB packed ${perInstance} per ${sku} (${size.vcpu} vCPU, ${size.memoryGib} GiB) onto ${plural(instances, 'instance')}; memory kept by the ECS agent and OS not deducted`);
  } else {
    notes.push(`size of ${sku} unknown: one container instance per task`);
  }
  const items: CostItem[] = [
    {
      name: `Instance usage (Linux, ${termLabel(ctx.term)}, ${sku})`,
      quantity: monthlyHours(instances),
      unit: 'hours',
      price: { cloud: 'aws', service: 'ec2', sku, term: ctx.term, attributes: { os: 'linux' } },
      usageBased: false,
    },
    {
      name: `Storage (EBS gp3) (${DEFAULT_CONTAINER_INSTANCE_DISK_GB} GB × ${instances})`,
      quantity: DEFAULT_CONTAINER_INSTANCE_DISK_GB * instances,
      unit: 'GB-months',
      price: { cloud: 'aws', service: 'ebs', sku: 'gp3' },
      usageBased: false,
    },
  ];
  notes.push(`${DEFAULT_CONTAINER_INSTANCE_DISK_GB} GB root volume per container instance (ECS-optimised AMI default)`);
  return { product: `Amazon ECS on EC2 (${plural(instances, 'instance')} × ${sku})`, sku, items, notes, ...(mapping && { mapping }) };
}
