import { z } from 'zod';
import { documentCloud } from '../../pricing/engine';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt } from '../../format';

const params = z.object({
  term: z.enum(['reserved-1y', 'reserved-3y']).default('reserved-1y').describe('Commitment length: 1 year keeps flexibility; 3 years roughly doubles the discount.'),
});

type Cloud = 'aws' | 'gcp' | 'azure';
interface Discount {
  product: string;
  oneYear: string;
  threeYear: string;
}

/** Typical discounts of a commitment against on-demand list prices, by what the component is priced as. */
const DISCOUNTS: Record<string, Record<Cloud, Discount>> = {
  database: {
    aws: { product: 'RDS reserved instances', oneYear: '30–40 %', threeYear: '55–65 %' },
    gcp: { product: 'Cloud SQL committed use', oneYear: '25 %', threeYear: '52 %' },
    azure: { product: 'Azure Database reserved capacity', oneYear: '~40 %', threeYear: '~60 %' },
  },
  cache: {
    aws: { product: 'ElastiCache reserved nodes', oneYear: '30–35 %', threeYear: '50–55 %' },
    gcp: { product: 'Memorystore committed use', oneYear: '20 %', threeYear: '40 %' },
    azure: { product: 'Azure Cache for Redis reservations', oneYear: '~35 %', threeYear: '~55 %' },
  },
  containers: {
    aws: { product: 'Compute Savings Plans on Fargate', oneYear: '~20 %', threeYear: '~50 %' },
    gcp: { product: 'Cloud Run committed use', oneYear: '17 %', threeYear: '17 %' },
    azure: { product: 'the Azure savings plan on Container Apps', oneYear: '~15 %', threeYear: '~17 %' },
  },
  search: {
    aws: { product: 'OpenSearch reserved instances', oneYear: '~30 %', threeYear: '~50 %' },
    gcp: { product: 'Compute Engine committed use', oneYear: '37 %', threeYear: '55 %' },
    azure: { product: 'Reserved VM Instances', oneYear: '~40 %', threeYear: '~60 %' },
  },
  vm: {
    aws: { product: 'EC2 reserved instances or Savings Plans', oneYear: '30–40 %', threeYear: '55–60 %' },
    gcp: { product: 'Compute Engine committed use', oneYear: '37 %', threeYear: '55 %' },
    azure: { product: 'Reserved VM Instances', oneYear: '~40 %', threeYear: '~60 %' },
  },
};

function kindOf(ctx: PatternContext, id: string): keyof typeof DISCOUNTS {
  const def = ctx.def(id)!;
  const managed = ctx.config(id).managed !== false && !def.roles.includes('self-managed');
  if (managed && ['managed-postgres', 'managed-mysql', 'document-db'].includes(def.equivalence)) return 'database';
  if (managed && ['managed-redis', 'managed-memcached'].includes(def.equivalence)) return 'cache';
  if (def.equivalence === 'container-service' && ctx.config(id).launchType !== 'ec2') return 'containers';
  if (def.id === 'aws.opensearch') return 'search';
  return 'vm';
}

/** Instances that run all month: the replicas, or the autoscaling minimum (what the pricing engine bills). */
function baseline(ctx: PatternContext, id: string): number {
  const c = ctx.config(id);
  const autoscaling = c.autoscaling as { min: number } | undefined;
  if (autoscaling) return autoscaling.min;
  for (const key of ['replicas', 'nodeCount', 'brokers', 'nodes']) if (typeof c[key] === 'number') return c[key] as number;
  return 1;
}

export default definePattern({
  id: 'reserved-capacity',
  name: 'Reserved capacity for always-on load',
  category: 'cost',
  difficulty: 'beginner',
  problem:
    'Databases, caches and the baseline instances of services run every hour of the month, yet they are bought at on-demand prices, the most expensive way to pay for capacity that is never switched off. For a steady production system that is commonly a third or more of the compute and database bill paid for flexibility nobody uses.',
  solution:
    'Commit to the capacity that runs all the time (each database and cache instance, the minimum replica count of each service) for one or three years through reserved instances, committed use discounts or savings plans, and keep paying on demand only for the autoscaled peak above it. Reservations are bought per instance family and region (or as a spend commitment for savings plans) and apply to matching running capacity automatically.',
  tradeoffs: {
    cost: 'Typically 20–40 % off on-demand for one year and 50–60 % for three (containers save less: ~15–20 % for one year). The commitment is owed even if the component is shrunk, moved to another region or switched off, and instance-family reservations do not follow a change of family (Graviton migration, new generation).',
    operations: 'Someone owns the reservation inventory: renewals before expiry, coverage and utilisation reports, and resizing decisions checked against commitments. Savings plans and convertible reservations trade part of the discount for that flexibility.',
  },
  avoidWhen:
    'The component is new, its size will change soon (load test pending, migration or re-platforming planned), the workload may move cloud or region within the term, or it runs only part of the day (dev environments, batch nodes): schedule or right-size those first.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const cloud = documentCloud(doc) as Cloud;
    const targets: PatternTarget[] = [];
    for (const c of doc.components) {
      const def = ctx.def(c.id);
      if (!def || !('term' in (def.config.shape as Record<string, unknown>)) || ctx.hasRole(c.id, 'serverless')) continue;
      if (ctx.config(c.id).term !== 'on-demand') continue;
      const kind = kindOf(ctx, c.id);
      // idle components and single-instance compute are left alone: size or retire them before committing to them
      if (ctx.peakRps(c.id) === 0) continue;
      if ((kind === 'containers' || kind === 'vm') && !ctx.hasRole(c.id, 'stateful') && baseline(ctx, c.id) < 2) continue;
      const vendor = def.vendor === 'aws' || def.vendor === 'gcp' || def.vendor === 'azure' ? def.vendor : cloud;
      const discount = DISCOUNTS[kind]![vendor];
      const n = baseline(ctx, c.id);
      const size = (ctx.config(c.id).instanceType as string | undefined) ?? (typeof ctx.config(c.id).vcpus === 'number' ? `${fmt(ctx.config(c.id).vcpus as number)} vCPU` : undefined);
      const standby = !ctx.config(c.id).autoscaling && ctx.config(c.id).multiAz === true && kind === 'database';
      const autoscaled = ctx.config(c.id).autoscaling ? ' (its autoscaling minimum)' : standby ? ' plus a Multi-AZ standby' : '';
      targets.push({
        components: [c.id],
        connections: [],
        reason: `${ctx.name(c.id)} runs ${n} instance${n === 1 ? '' : 's'}${size ? ` of ${size}` : ''}${autoscaled} all month (~${fmt(n * 730 * (standby ? 2 : 1))} instance-hours) at on-demand prices; ${discount.product}: typically ${discount.oneYear} off for 1 year, ${discount.threeYear} for 3.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const ids = target.components.filter((id) => ctx.component(id) && 'term' in (ctx.def(id)!.config.shape as Record<string, unknown>));
    if (ids.length === 0) throw new Error('nothing at this target can be reserved');
    const n = ids.reduce((sum, id) => sum + baseline(ctx, id), 0);
    return patternChangeSet(
      'reserved-capacity',
      `Reserve ${ids.map((id) => ctx.name(id)).join(', ')} for ${p.term === 'reserved-1y' ? '1 year' : '3 years'} (${n} always-on instance${n === 1 ? '' : 's'})`,
      ids.map((id) => ({ op: 'updateComponent' as const, id, config: { term: p.term } })),
    );
  },
  preview: {
    backarch: 1,
    name: 'Reserved capacity',
    description: 'A steady B2B API: its PostgreSQL primary and standby and three service replicas run all month at on-demand prices.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 120 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'accounts', type: 'service', label: 'Accounts', config: { replicas: 3, vcpus: 1, memoryMb: 2048 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Accounts DB', config: { instanceType: 'db.m7g.large', multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'accounts', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'accounts', to: 'db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'accounts', to: 'db', type: 'write', config: { timeoutMs: 2000 } },
    ],
  },
});
