import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { isForeign } from '../gcp/common';
import { chooseInstance } from '../vm';
import { managedDiskItem } from './managed-disk';

export const DEFAULT_NODE_SIZE = 'Standard_D4s_v5';
export const DEFAULT_NODE_COUNT = 3;
/** AKS's default OS disk: a 128 GiB Premium SSD managed disk per node (sizes without a local disk for ephemeral OS). */
export const DEFAULT_NODE_OS_DISK_GB = 128;

const OWN_TYPES = ['azure.aks'];

/**
 * AKS: the control-plane tier fee per cluster-hour (Free has none, Standard and Premium do), plus the node pool's VM
 * hours (nodes or the autoscaling minimum) and an OS managed disk per node.
 */
export default definePricer({
  id: 'azure.aks',
  cloud: 'azure',
  equivalence: ['kubernetes'],
  price(ctx): PricerResult {
    const c = ctx.config;
    // EKS extended support is the nearest thing to AKS Premium (long-term support)
    const tier = c.controlPlaneTier === 'Free' ? 'free' : c.controlPlaneTier === 'Premium' || c.controlPlaneTier === 'extended-support' ? 'premium' : 'standard';
    const autoscaling = c.autoscaling as { min: number; max: number } | undefined;
    const nodes = autoscaling?.min ?? (c.nodeCount as number | undefined) ?? DEFAULT_NODE_COUNT;
    const { sku, mapping } = chooseInstance(ctx, { cloud: 'azure', service: 'vm', defaultSku: DEFAULT_NODE_SIZE });
    const items: CostItem[] = [];
    const notes: string[] = [];
    if (tier === 'free') notes.push('Free tier: no control-plane fee and no uptime SLA');
    else {
      items.push({
        name: `Cluster management (${tier === 'premium' ? 'Premium' : 'Standard'} tier)`,
        quantity: monthlyHours(1),
        unit: 'hours',
        price: { cloud: 'azure', service: 'aks', sku: 'cluster', attributes: { tier } },
        usageBased: false,
      });
    }
    const diskGb = (c.storageGb as number | undefined) ?? DEFAULT_NODE_OS_DISK_GB;
    items.push(
      {
        name: `Nodes (Linux, ${termLabel(ctx.term)}, ${sku} × ${nodes})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'azure', service: 'vm', sku, term: ctx.term, attributes: { os: 'linux' } },
        usageBased: false,
      },
      managedDiskItem('Premium_LRS', diskGb, nodes, 'Node OS disks'),
    );
    if (autoscaling) notes.push(`autoscaling ${autoscaling.min}–${autoscaling.max} nodes: priced at the minimum of ${autoscaling.min}; peaks cost more`);
    if (c.storageGb === undefined) notes.push(`${DEFAULT_NODE_OS_DISK_GB} GiB Premium SSD OS disk per node (AKS default)`);
    const mapped = [isForeign(ctx, OWN_TYPES) ? `${tier} tier, ${nodes} nodes` : undefined, mapping].filter(Boolean).join('; ');
    return { product: `AKS (${nodes} × ${sku})`, sku, items, notes, ...(mapped && { mapping: mapped }) };
  },
});
