import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { sizeOf } from '../sizing';
import { chooseInstance } from '../vm';

/** Worker node type when the config names none (EKS's own default). */
export const DEFAULT_NODE_TYPE = 'm6i.large';
/** Worker nodes when the config gives neither `nodeCount` nor `autoscaling`. */
export const DEFAULT_NODE_COUNT = 2;
/** EBS gp3 volume per worker node when the config gives no `storageGb` (GKE and AKS configs have none). */
export const DEFAULT_NODE_DISK_GB = 20;

/**
 * EKS: the control plane per cluster-hour (standard or extended support) plus the worker nodes. Managed node groups
 * and Auto Mode run EC2 instances (instanceType × nodeCount, or the autoscaling minimum) with a gp3 volume each; Auto
 * Mode adds its management fee per instance-hour. Fargate compute mode is priced as Fargate vCPU and memory equal to
 * the nodes' capacity. Nodes follow the purchase term (reserved, spot).
 */
export default definePricer({
  id: 'aws.eks',
  cloud: 'aws',
  equivalence: ['kubernetes'],
  price(ctx) {
    const support = ctx.config.controlPlaneTier === 'extended-support' ? 'extended' : 'standard';
    const autoscaling = ctx.config.autoscaling as { min: number; max: number } | undefined;
    const nodes = autoscaling?.min ?? (ctx.config.nodeCount as number | undefined) ?? DEFAULT_NODE_COUNT;
    const { sku, mapping } = chooseInstance(ctx, { cloud: 'aws', service: 'ec2', defaultSku: DEFAULT_NODE_TYPE });
    const mode = (ctx.config.computeMode as string | undefined) ?? 'managed-node-group';
    const notes: string[] = [];
    if (autoscaling) notes.push(`autoscaling ${autoscaling.min}–${autoscaling.max} nodes: priced at the minimum of ${autoscaling.min}; peaks cost more`);
    const items: CostItem[] = [
      {
        name: `EKS cluster (${support} support)`,
        quantity: monthlyHours(1),
        unit: 'hours',
        price: { cloud: 'aws', service: 'eks', sku: 'cluster', attributes: { support } },
        usageBased: false,
      },
    ];
    const size = mode === 'fargate' ? sizeOf(ctx.book, sku) : undefined;
    if (mode === 'fargate' && size) {
      const term = termLabel(ctx.term);
      items.push(
        {
          name: `Fargate vCPU (${term}, ${nodes} × ${size.vcpu} vCPU of pods)`,
          quantity: monthlyHours(nodes * size.vcpu),
          unit: 'vCPU-hours',
          price: { cloud: 'aws', service: 'fargate', sku: 'vcpu', term: ctx.term, attributes: { arch: 'x86_64' } },
          usageBased: false,
        },
        {
          name: `Fargate memory (${term}, ${nodes} × ${size.memoryGib} GB of pods)`,
          quantity: monthlyHours(nodes * size.memoryGib),
          unit: 'GB-hours',
          price: { cloud: 'aws', service: 'fargate', sku: 'memory', term: ctx.term, attributes: { arch: 'x86_64' } },
          usageBased: false,
        },
      );
      notes.push(`Fargate compute mode: pods priced as Fargate capacity equal to ${nodes} × ${sku} (${size.vcpu} vCPU, ${size.memoryGib} GiB); set nodeCount and instanceType to the pods' total requests`);
      return { product: `Amazon EKS on Fargate`, items, notes, ...(mapping && { mapping }) };
    }
    if (mode === 'fargate') notes.push(`Fargate compute mode: size of ${sku} unknown, so the pods are priced as ${nodes} EC2 nodes`);
    const diskGb = (ctx.config.storageGb as number | undefined) ?? DEFAULT_NODE_DISK_GB;
    items.push(
      {
        name: `Worker nodes (Linux, ${termLabel(ctx.term)}, ${nodes} × ${sku})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'aws', service: 'ec2', sku, term: ctx.term, attributes: { os: 'linux' } },
        usageBased: false,
      },
      {
        name: `Worker node storage (EBS gp3) (${diskGb} GB × ${nodes})`,
        quantity: diskGb * nodes,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'ebs', sku: 'gp3' },
        usageBased: false,
      },
    );
    if (ctx.config.storageGb === undefined) notes.push(`${DEFAULT_NODE_DISK_GB} GB gp3 volume per node (default; set storageGb)`);
    if (mode === 'auto-mode') {
      items.push({
        name: `EKS Auto Mode management (${nodes} × ${sku})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'aws', service: 'eks', sku: 'auto-mode', attributes: { instanceType: sku } },
        usageBased: false,
      });
    }
    return { product: `Amazon EKS (${nodes} × ${sku})`, sku, items, notes, ...(mapping && { mapping }) };
  },
});
