import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, termLabel } from '../helpers';

/** Data node type when the config names none. */
export const DEFAULT_INSTANCE_TYPE = 'm6g.large.search';
/** Instance type of dedicated cluster-manager nodes (AWS's recommendation for domains of up to 10 data nodes). */
export const DEFAULT_MASTER_INSTANCE_TYPE = 'm6g.large.search';

/**
 * OpenSearch Service domains: data-node instance-hours × nodes, dedicated cluster-manager nodes when configured, and
 * EBS gp3 storage per data node per GB-month; reserved terms where the book has them (no spot). Zone awareness adds no
 * charge of its own. Self-managed Elasticsearch and Meilisearch are priced by the self-hosted pricer (as the VMs they
 * run on), not as OpenSearch.
 */
export default definePricer({
  id: 'aws.opensearch',
  cloud: 'aws',
  equivalence: ['search'],
  price(ctx) {
    const sku = (ctx.config.instanceType as string | undefined) ?? DEFAULT_INSTANCE_TYPE;
    const nodes = (ctx.config.replicas as number | undefined) ?? 2;
    const masters = (ctx.config.dedicatedMasterNodes as number | undefined) ?? 0;
    const storageGb = (ctx.config.storageGb as number | undefined) ?? 20;
    const term = termLabel(ctx.term);
    const items: CostItem[] = [
      {
        name: `Data nodes (${term}, ${nodes} × ${sku})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'aws', service: 'opensearch', sku, term: ctx.term },
        usageBased: false,
      },
    ];
    if (masters > 0) {
      items.push({
        name: `Dedicated cluster-manager nodes (${term}, ${masters} × ${DEFAULT_MASTER_INSTANCE_TYPE})`,
        quantity: monthlyHours(masters),
        unit: 'hours',
        price: { cloud: 'aws', service: 'opensearch', sku: DEFAULT_MASTER_INSTANCE_TYPE, term: ctx.term },
        usageBased: false,
      });
    }
    items.push({
      name: `Storage (EBS gp3, ${storageGb} GB × ${nodes})`,
      quantity: storageGb * nodes,
      unit: 'GB-months',
      price: { cloud: 'aws', service: 'opensearch', sku: 'storage-gp3' },
      usageBased: false,
    });
    const notes = masters > 0 ? [`cluster-manager nodes priced as ${DEFAULT_MASTER_INSTANCE_TYPE}`] : [];
    if (ctx.config.multiAz === true) notes.push('zone awareness: nodes spread over zones at no extra charge (cross-zone replication is free)');
    return { product: `Amazon OpenSearch Service (${nodes} × ${sku})`, sku, items, notes };
  },
});
