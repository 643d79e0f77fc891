import { REFERENCE_REGION } from '../../regions';
import type { CostItem, PricerContext } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests, termLabel, usage } from '../helpers';
import { nearestSku, sizeOf } from '../sizing';
import { chooseInstance } from '../vm';

/** Node type when the config names none and gives no memory size. */
export const DEFAULT_NODE_TYPE = 'cache.t4g.small';
/**
 * Share of a node's memory left for data: ElastiCache keeps about a quarter for the engine and the OS (a
 * cache.t4g.medium has 3.09 GiB of the t4g.medium's 4). `memoryGb` sizing looks for a node whose VM twin has
 * memoryGb ÷ this.
 */
export const USABLE_MEMORY_SHARE = 0.75;
/** Data stored in a serverless cache when no `usage.storageGb` is given, in GB. */
export const DEFAULT_SERVERLESS_STORAGE_GB = 1;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ElastiCache node-based clusters: node-hours × nodes, nodes = shards × (1 primary + replicas) for Valkey/Redis OSS
 * (Multi-AZ needs a replica per shard, and costs nothing beyond it), or `nodes` for Memcached; priced per engine
 * (Valkey nodes are cheaper than Redis OSS) and term (reserved nodes; no spot). Serverless caches bill data stored
 * (GB-hours) and ElastiCache Processing Units (one ECPU per request of up to 1 KB). Snapshot storage beyond the free
 * allowance (one snapshot per cluster) is not included. Neutral `redis`/`memcached` with `managed: false` are priced
 * by the self-hosted pricer instead.
 */
export default definePricer({
  id: 'aws.elasticache',
  cloud: 'aws',
  equivalence: ['managed-redis', 'managed-memcached'],
  when: (config) => config.managed !== false,
  price(ctx) {
    const memcached = ctx.def.equivalence === 'managed-memcached';
    const engine = memcached ? 'memcached' : ((ctx.config.engine as string | undefined) ?? 'redis');
    const engineName = engine === 'memcached' ? 'Memcached' : engine === 'valkey' ? 'Valkey' : 'Redis OSS';
    if (!memcached && ctx.config.serverless === true) return serverless(ctx, engine, engineName);
    const { sku, mapping } = nodeType(ctx, engine);
    const notes: string[] = [];
    let nodes: number;
    let layout: string;
    if (memcached) {
      nodes = (ctx.config.nodes as number | undefined) ?? 1;
      layout = plural(nodes, 'node');
    } else {
      const shards = (ctx.config.shardCount as number | undefined) ?? 1;
      let replicas = (ctx.config.readReplicas as number | undefined) ?? 0;
      if (ctx.config.multiAz === true && replicas === 0) {
        replicas = 1;
        notes.push('Multi-AZ needs a replica in another zone: 1 replica per shard assumed');
      }
      nodes = shards * (1 + replicas);
      layout = `${plural(shards, 'shard')} × (1 primary${replicas > 0 ? ` + ${plural(replicas, 'replica')}` : ''})`;
    }
    if (ctx.term === 'spot') notes.push('ElastiCache has no spot nodes');
    const items: CostItem[] = [
      {
        name: `Cache nodes (${engineName}, ${termLabel(ctx.term)}, ${sku}, ${layout})`,
        quantity: monthlyHours(nodes),
        unit: 'hours',
        price: { cloud: 'aws', service: 'elasticache', sku, term: ctx.term, attributes: { engine } },
        usageBased: false,
      },
    ];
    return { product: `ElastiCache for ${engineName} (${plural(nodes, 'node')} × ${sku})`, sku, items, notes, ...(mapping && { mapping }) };
  },
});

/** The node type: the configured one when the book knows it; else the nearest by size (another cloud's type or `memoryGb`). */
function nodeType(ctx: PricerContext, engine: string): { sku: string; mapping?: string } {
  const choice = { cloud: 'aws', service: 'elasticache', defaultSku: DEFAULT_NODE_TYPE, sizeService: 'ec2', prefix: 'cache.', attributes: { engine } };
  const requested = ctx.config.instanceType as string | undefined;
  const known = (sku: string) => ctx.book.candidates({ cloud: 'aws', service: 'elasticache', sku, attributes: { engine } }).length > 0;
  // a real node type stays itself even when the book lacks this engine's price for it (an unknown line, not a bigger node)
  if (requested && ctx.book.candidates({ cloud: 'aws', service: 'elasticache', sku: requested }).length > 0) return { sku: requested };
  if (requested && sizeOf(ctx.book, requested)) return chooseInstance(ctx, choice);
  const memoryGb = ctx.config.memoryGb as number | undefined;
  if (memoryGb === undefined) return { sku: requested ?? DEFAULT_NODE_TYPE };
  const want = { vcpu: 1, memoryGib: memoryGb / USABLE_MEMORY_SHARE };
  // VM sizes as listed in the region, else in the reference region (the book lists EC2 sizes for us-east-1 only)
  const region = ctx.book.skus('aws', 'ec2', ctx.region).length > 0 ? ctx.region : REFERENCE_REGION.aws;
  const near = nearestSku(ctx.book, { cloud: 'aws', service: 'ec2', region, filter: (r) => known(`cache.${r.sku}`) }, want);
  if (!near) return { sku: DEFAULT_NODE_TYPE, mapping: `no ElastiCache ${engine} node size known in ${ctx.region}: ${DEFAULT_NODE_TYPE} assumed` };
  const sku = `cache.${near.sku}`;
  const why = requested ? `${requested} is not an ElastiCache node type; ` : '';
  return {
    sku,
    mapping: `${why}nearest node for ${memoryGb} GB of data (a VM twin of at least ${Math.round(want.memoryGib * 100) / 100} GiB, ${USABLE_MEMORY_SHARE * 100} % of it usable): ${sku} (${near.attributes.memoryGib} GiB VM memory)`,
  };
}

function serverless(ctx: PricerContext, engine: string, engineName: string) {
  const storedGb = usage(ctx).storageGb ?? DEFAULT_SERVERLESS_STORAGE_GB;
  const requests = monthlyRequests(ctx);
  const kb = usage(ctx).requestSizeKb ?? 1;
  const ecpus = requests * Math.max(1, Math.ceil(kb));
  const items: CostItem[] = [
    {
      name: `Data stored (serverless, ${storedGb} GB)`,
      quantity: monthlyHours(storedGb),
      unit: 'GB-hours',
      price: { cloud: 'aws', service: 'elasticache', sku: 'serverless-storage', attributes: { engine } },
      usageBased: true,
    },
    {
      name: 'ElastiCache Processing Units (serverless)',
      quantity: ecpus / 1e6,
      unit: '1M ECPUs',
      price: { cloud: 'aws', service: 'elasticache', sku: 'serverless-ecpu', attributes: { engine } },
      usageBased: true,
    },
  ];
  const notes = [
    `${storedGb} GB stored${usage(ctx).storageGb === undefined ? ' (default; set usage.storageGb)' : ''}; each serverless cache bills a minimum of data stored`,
    `1 ECPU per request per started KB (${Math.max(1, Math.ceil(kb))} KB${usage(ctx).requestSizeKb === undefined ? ', default' : ''})`,
  ];
  return { product: `ElastiCache Serverless for ${engineName}`, items, notes };
}
