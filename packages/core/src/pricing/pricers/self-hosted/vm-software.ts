import type { EquivalenceClass } from '../../../catalog/types';
import type { CostItem, Pricer, PricerContext, PricerResult } from '../../types';
import { instanceCount, monthlyHours, termLabel, usage, withConfig } from '../helpers';
import { chooseInstance } from '../vm';

/** Types whose team runs the software itself (the `self-managed` role) and that are not VMs or Kubernetes themselves. */
export const SELF_MANAGED_TYPES = [
  'kong',
  'nginx',
  'keycloak',
  'rabbitmq',
  'elasticsearch',
  'meilisearch',
  'qdrant',
  'weaviate',
  'jaeger',
  'grafana.tempo',
  'grafana.loki',
  'otel-collector',
] as const;
/** Neutral types that are the cloud's managed service unless their config says `managed: false`. */
export const MANAGED_FLAG_TYPES = ['kafka', 'redis', 'memcached', 'mongodb', 'prometheus', 'grafana', 'service-mesh'] as const;

const EQUIVALENCE: readonly EquivalenceClass[] = [
  'api-gateway',
  'identity-provider',
  'message-broker',
  'search',
  'vector-db',
  'tracing',
  'logging',
  'telemetry-collector',
  'managed-kafka',
  'managed-redis',
  'managed-memcached',
  'document-db',
  'metrics',
  'dashboards',
  'service-mesh',
];

/** VM size per node for types whose config gives neither an instance type nor vCPUs/memory. */
export const DEFAULT_SIZES: Readonly<Record<string, { vcpus: number; memoryMb: number }>> = {
  kafka: { vcpus: 2, memoryMb: 8192 },
  mongodb: { vcpus: 2, memoryMb: 8192 },
  prometheus: { vcpus: 2, memoryMb: 8192 },
  grafana: { vcpus: 1, memoryMb: 2048 },
  'service-mesh': { vcpus: 1, memoryMb: 2048 },
};
/** vCPUs for in-memory caches sized by `memoryGb` (Redis and Memcached need memory far more than CPU). */
export const CACHE_VCPUS = 1;
/** Disk per node for types whose config has no `storageGb` (the OS and the software), in GB. */
export const DEFAULT_BOOT_DISK_GB = 20;
/** Object storage for Loki's and Tempo's chunks when no `usage.storageGb` is given, in GB. */
export const DEFAULT_OBJECT_STORAGE_GB = 50;

/** Azure Premium SSD sizes (GiB): a managed disk is billed per month for the smallest size that holds it. */
const PREMIUM_SSD: ReadonlyArray<[string, number]> = [
  ['p1', 4],
  ['p2', 8],
  ['p3', 16],
  ['p4', 32],
  ['p6', 64],
  ['p10', 128],
  ['p15', 256],
  ['p20', 512],
  ['p30', 1024],
  ['p40', 2048],
  ['p50', 4096],
  ['p60', 8192],
  ['p70', 16384],
  ['p80', 32767],
];

export interface CloudVms {
  cloud: 'aws' | 'gcp' | 'azure';
  /** Price-book service of VM hours. */
  service: string;
  /** Name of the VM product in line names: `EC2`, `Compute Engine`, `Azure VM`. */
  vmName: string;
  defaultSku: string;
  /** Attributes the VM price must have (`os: linux` where the book records it). */
  attributes: Record<string, string>;
  /** Disk of `gb` GB on each of `nodes` VMs. */
  disk(gb: number, nodes: number): CostItem;
  /** Object storage for `gb` GB (Loki's and Tempo's chunks). */
  bucket(gb: number): CostItem;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const AWS_VMS: CloudVms = {
  cloud: 'aws',
  service: 'ec2',
  vmName: 'EC2',
  defaultSku: 'm6i.large',
  attributes: { os: 'linux' },
  disk: (gb, nodes) => ({ name: `Storage (EBS gp3) (${gb} GB × ${nodes})`, quantity: gb * nodes, unit: 'GB-months', price: { cloud: 'aws', service: 'ebs', sku: 'gp3' }, usageBased: false }),
  bucket: (gb) => ({ name: `Object storage (S3 Standard, ${gb} GB)`, quantity: gb, unit: 'GB-months', price: { cloud: 'aws', service: 's3', sku: 'storage-standard' }, usageBased: true }),
};

export const GCP_VMS: CloudVms = {
  cloud: 'gcp',
  service: 'compute-engine',
  vmName: 'Compute Engine',
  defaultSku: 'e2-standard-2',
  attributes: {},
  disk: (gb, nodes) => ({
    name: `Persistent disk (pd-balanced) (${gb} GB × ${nodes})`,
    quantity: gb * nodes,
    unit: 'GB-months',
    price: { cloud: 'gcp', service: 'persistent-disk', sku: 'pd-balanced' },
    usageBased: false,
  }),
  bucket: (gb) => ({
    name: `Object storage (Cloud Storage Standard, ${gb} GB)`,
    quantity: gb,
    unit: 'GB-months',
    price: { cloud: 'gcp', service: 'gcs', sku: 'storage-standard', attributes: { locationType: 'region' } },
    usageBased: true,
  }),
};

export const AZURE_VMS: CloudVms = {
  cloud: 'azure',
  service: 'vm',
  vmName: 'Azure VM',
  defaultSku: 'Standard_D2s_v5',
  attributes: { os: 'linux' },
  disk(gb, nodes) {
    const [tier, size] = PREMIUM_SSD.find(([, gib]) => gib >= gb) ?? PREMIUM_SSD[PREMIUM_SSD.length - 1]!;
    return {
      name: `Managed disk (Premium SSD ${tier.toUpperCase()}, ${size} GiB for ${gb} GB) × ${nodes}`,
      quantity: nodes,
      unit: 'disk-months',
      price: { cloud: 'azure', service: 'managed-disk', sku: `premium-ssd-${tier}` },
      usageBased: false,
    };
  },
  bucket: (gb) => ({ name: `Object storage (Blob Hot LRS, ${gb} GB)`, quantity: gb, unit: 'GB-months', price: { cloud: 'azure', service: 'blob', sku: 'storage-hot-lrs' }, usageBased: true }),
};

/** Nodes billed all month, by what the type calls them. */
function nodeCount(ctx: PricerContext): { count: number; notes: string[] } {
  const c = ctx.config;
  switch (ctx.def.id) {
    case 'kafka':
      return { count: (c.brokers as number | undefined) ?? 3, notes: [] };
    case 'memcached':
      return { count: (c.nodes as number | undefined) ?? 1, notes: [] };
    case 'redis': {
      const shards = (c.shardCount as number | undefined) ?? 1;
      let replicas = (c.readReplicas as number | undefined) ?? 0;
      const notes: string[] = [];
      if (c.multiAz === true && replicas === 0) {
        replicas = 1;
        notes.push('multiAz needs a replica in another zone: 1 replica per shard assumed');
      }
      return { count: shards * (1 + replicas), notes: [`${plural(shards, 'shard')} × (1 primary + ${plural(replicas, 'replica')})`, ...notes] };
    }
    case 'mongodb': {
      const shards = (c.shardCount as number | undefined) ?? 1;
      const members = (c.replicas as number | undefined) ?? 3;
      const notes = shards > 1 ? [`${shards} shards × ${members} members; the config server replica set and mongos routers are not included`] : [];
      return { count: shards * members, notes };
    }
    default: {
      const { count, note } = instanceCount(ctx);
      return { count, notes: note ? [note] : [] };
    }
  }
}

/** The config `chooseInstance` sizes from: the type's instance type (MSK's `kafka.` prefix dropped) or vCPUs and memory. */
function sizingConfig(ctx: PricerContext): Record<string, unknown> {
  const c = ctx.config;
  const instanceType = typeof c.instanceType === 'string' ? c.instanceType.replace(/^kafka\./, '') : undefined;
  const memoryGb = c.memoryGb as number | undefined;
  const fallback = DEFAULT_SIZES[ctx.def.id];
  const vcpus = (c.vcpus as number | undefined) ?? (memoryGb !== undefined ? CACHE_VCPUS : fallback?.vcpus);
  const memoryMb = (c.memoryMb as number | undefined) ?? (memoryGb !== undefined ? memoryGb * 1024 : fallback?.memoryMb);
  return { ...c, instanceType, vcpus, memoryMb, memoryGb: undefined };
}

function priceOnVms(ctx: PricerContext, vms: CloudVms, reason?: string): PricerResult {
  const { sku, mapping } = chooseInstance(withConfig(ctx, sizingConfig(ctx)), { cloud: vms.cloud, service: vms.service, defaultSku: vms.defaultSku });
  const { count, notes } = nodeCount(ctx);
  const storageGb = ctx.config.storageGb as number | undefined;
  const diskGb = storageGb ?? DEFAULT_BOOT_DISK_GB;
  const items: CostItem[] = [
    {
      name: `${vms.vmName} instances (Linux, ${termLabel(ctx.term)}, ${count} × ${sku})`,
      quantity: monthlyHours(count),
      unit: 'hours',
      price: { cloud: vms.cloud, service: vms.service, sku, term: ctx.term, ...(Object.keys(vms.attributes).length > 0 && { attributes: vms.attributes }) },
      usageBased: false,
    },
    vms.disk(diskGb, count),
  ];
  if (mapping?.startsWith('nearest')) notes.push('burstable and shared-core VM types left out of the sizing: the software runs all month');
  if (storageGb === undefined) notes.push(`${DEFAULT_BOOT_DISK_GB} GB disk per node (default)`);
  if (ctx.def.id === 'grafana.loki' || ctx.def.id === 'grafana.tempo') {
    const bucketGb = usage(ctx).storageGb ?? DEFAULT_OBJECT_STORAGE_GB;
    items.push(vms.bucket(bucketGb));
    notes.push(`${bucketGb} GB of chunks in object storage${usage(ctx).storageGb === undefined ? ' (default; set usage.storageGb)' : ''}; bucket requests not included`);
  }
  const spanStore = ctx.config.storage as string | undefined;
  if (ctx.def.id === 'jaeger' && spanStore && spanStore !== 'badger' && spanStore !== 'memory') notes.push(`span storage (${spanStore}) is priced as its own component, not here`);
  if (ctx.def.id === 'service-mesh') notes.push('control plane only: the sidecar or ambient proxies use CPU and memory on the services’ own compute');
  if (ctx.config.edition === 'enterprise' || ctx.config.edition === 'plus') notes.push(`${ctx.config.edition === 'plus' ? 'NGINX Plus subscription' : 'Kong Enterprise licence'} not included`);
  notes.push('licence and operations time are not included');
  const why = [reason, mapping].filter(Boolean).join('; ');
  return { product: `${ctx.def.name} on ${count} × ${sku} (self-hosted)`, sku, items, notes, ...(why && { mapping: why }) };
}

/**
 * Software the team runs on VMs of a cloud: `replicas` (or brokers, nodes, shards × members) × the VM nearest to the
 * config's vCPUs and memory (or its instance type, mapped by size from another cloud's; burstable and shared-core types
 * are left out of that search, as the software runs all month), on the purchase term, plus a
 * disk of `storageGb` per node (a boot disk where the type has no storage) and, for Loki and Tempo, their object
 * storage. For the self-managed types, and the neutral ones configured with `managed: false`.
 */
export function selfHostedPricer(vms: CloudVms): Pricer {
  return {
    id: `${vms.cloud}.self-hosted`,
    cloud: vms.cloud,
    equivalence: EQUIVALENCE,
    types: [...SELF_MANAGED_TYPES, ...MANAGED_FLAG_TYPES],
    when: (config) => config.managed !== true,
    price: (ctx) => priceOnVms(ctx, vms),
  };
}

/**
 * Neutral types the cloud has no managed service for, priced on its VMs even when `managed` is true, saying why
 * (Memcached on Azure, Grafana on GCP, a service mesh on AWS since App Mesh was retired).
 */
export function unmanagedOnPricer(vms: CloudVms, type: (typeof MANAGED_FLAG_TYPES)[number], equivalence: EquivalenceClass, reason: string): Pricer {
  return {
    id: `${vms.cloud}.self-hosted.${type}`,
    cloud: vms.cloud,
    equivalence: [equivalence],
    types: [type],
    price: (ctx) => priceOnVms(ctx, vms, ctx.config.managed === false ? undefined : reason),
  };
}
