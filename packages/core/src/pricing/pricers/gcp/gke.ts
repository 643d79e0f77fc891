import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';
import { isForeign, num } from './common';
import { chooseInstance } from '../vm';

export const DEFAULT_NODE_MACHINE_TYPE = 'e2-standard-4';
export const DEFAULT_NODE_COUNT = 3;
/** GKE's default node boot disk: 100 GB pd-balanced per node. */
export const DEFAULT_NODE_DISK_GB = 100;
export const NODE_DISK_TYPE = 'pd-balanced';

const OWN_TYPES = ['gcp.gke'];

/**
 * GKE: the cluster management fee per cluster-hour (zonal and regional alike), plus, in Standard mode, the node pool's
 * Compute Engine machine hours (nodes or the autoscaling minimum) and a boot disk per node. In Autopilot mode the pods'
 * vCPU and memory requests are billed instead of nodes; they are assumed to fill the configured node pool. The free
 * tier credit (one zonal or Autopilot cluster per billing account) is not applied.
 */
export default definePricer({
  id: 'gcp.gke',
  cloud: 'gcp',
  equivalence: ['kubernetes'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const autoscaling = c.autoscaling as { min: number; max: number } | undefined;
    const nodes = autoscaling?.min ?? (c.nodeCount as number | undefined) ?? DEFAULT_NODE_COUNT;
    const { sku, size, mapping } = chooseInstance(ctx, { cloud: 'gcp', service: 'compute-engine', defaultSku: DEFAULT_NODE_MACHINE_TYPE });
    const autopilot = c.mode === 'autopilot';
    const items: CostItem[] = [
      { name: 'Cluster management fee', quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'gcp', service: 'gke', sku: 'cluster' }, usageBased: false },
    ];
    const notes: string[] = [];
    if (autoscaling) notes.push(`autoscaling ${autoscaling.min}–${autoscaling.max} nodes: priced at the minimum of ${autoscaling.min}; peaks cost more`);
    const term = termLabel(ctx.term);
    if (autopilot) {
      const vcpu = (size?.vcpu ?? 0) * nodes;
      const memoryGib = (size?.memoryGib ?? 0) * nodes;
      items.push(
        { name: `Autopilot pod vCPU (${term}, ${num(vcpu)} vCPU)`, quantity: monthlyHours(vcpu), unit: 'vCPU-hours', price: { cloud: 'gcp', service: 'gke', sku: 'autopilot-vcpu', term: ctx.term }, usageBased: false },
        { name: `Autopilot pod memory (${term}, ${num(memoryGib)} GiB)`, quantity: monthlyHours(memoryGib), unit: 'GB-hours', price: { cloud: 'gcp', service: 'gke', sku: 'autopilot-memory', term: ctx.term }, usageBased: false },
      );
      notes.push(`Autopilot: pod requests assumed to fill ${nodes} × ${sku} (${num(vcpu)} vCPU, ${num(memoryGib)} GiB)`);
    } else {
      const diskGb = (c.storageGb as number | undefined) ?? DEFAULT_NODE_DISK_GB;
      items.push(
        { name: `Nodes (Linux, ${term}, ${sku} × ${nodes})`, quantity: monthlyHours(nodes), unit: 'hours', price: { cloud: 'gcp', service: 'compute-engine', sku, term: ctx.term }, usageBased: false },
        {
          name: `Node boot disks (${NODE_DISK_TYPE}, ${diskGb} GB × ${nodes})`,
          quantity: diskGb * nodes,
          unit: 'GB-months',
          price: { cloud: 'gcp', service: 'persistent-disk', sku: NODE_DISK_TYPE },
          usageBased: false,
        },
      );
      if (c.storageGb === undefined) notes.push(`${DEFAULT_NODE_DISK_GB} GB ${NODE_DISK_TYPE} boot disk per node (GKE default)`);
    }
    if (c.releaseChannel === 'extended') notes.push('Extended channel: an extra fee per cluster-hour applies once the version leaves standard support (not priced)');
    notes.push('free tier credit (one zonal or Autopilot cluster per billing account) not applied');
    const mapped = [isForeign(ctx, OWN_TYPES) ? `Standard mode, ${nodes} nodes` : undefined, mapping].filter(Boolean).join('; ');
    return { product: `GKE ${autopilot ? 'Autopilot' : 'Standard'} (${nodes} × ${sku})`, sku, items, notes, ...(mapped && { mapping: mapped }) };
  },
});
