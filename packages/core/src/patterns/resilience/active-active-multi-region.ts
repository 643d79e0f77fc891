import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { copyIdMaker, idMaker, inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { copyConnection, copyInRegion, fmt, regionOf, secondaryRegion } from './wiring';

const params = z.object({
  region: z
    .string()
    .regex(/^([a-z0-9-]+)?$/)
    .max(40)
    .default('')
    .describe("Second serving region; empty picks the provider's paired or usual second region in the same geography."),
});

/** Datastores that accept writes in several regions natively, and whether one is already multi-region. */
const MULTI_WRITE: Record<string, { multiRegion: (c: Record<string, unknown>) => boolean; how: string; caveat: string }> = {
  'aws.dynamodb': { multiRegion: (c) => Array.isArray(c.globalTableRegions) && c.globalTableRegions.length > 0, how: 'a DynamoDB global table', caveat: 'concurrent writes to one item resolve by last writer wins, so read-modify-write updates must be conditional or owned by one region' },
  'azure.cosmosdb': { multiRegion: (c) => (c.additionalRegions as number) > 0 && c.multiRegionWrites === true, how: 'Cosmos DB multi-region writes', caveat: 'conflicting writes resolve by last writer wins on _ts or a custom conflict procedure, so read-modify-write updates must be designed for it' },
  'gcp.firestore': { multiRegion: (c) => c.locationType === 'multi-region', how: 'a Firestore multi-region location', caveat: 'replication is synchronous and strongly consistent, so there are no conflicts, but each write waits for a second region' },
};

/** Services in the datastore's region that read or write it. */
function accessors(ctx: PatternContext, id: string): string[] {
  const home = regionOf(ctx, id);
  return [...new Set(ctx.incoming(id, ['read', 'write']).map((c) => c.from))].filter((s) => ctx.hasRole(s, 'service') && regionOf(ctx, s) === home);
}

export default definePattern({
  id: 'active-active-multi-region',
  name: 'Active-active multi-region',
  category: 'resilience',
  difficulty: 'advanced',
  problem:
    'A system served from one region is down for everyone when that region is, and far-away users pay the round trip on every request. A warm standby fixes the first only after a failover of tens of minutes; for services that must stay up through a regional outage with no failover step, and serve users near where they are, both regions have to take traffic all the time.',
  solution:
    'Run the serving stack in two regions at full size behind latency- or geo-based routing (Route 53 latency records, Azure Front Door, a global load balancer) with health checks that drain a failing region automatically. The data lives in a store that accepts writes in every region and replicates between them — DynamoDB global tables, Cosmos DB multi-region writes — or in a multi-region store with synchronous replication (Firestore multi-region). Relational databases need a conflict-resolution layer and are a different, harder project.',
  tradeoffs: {
    latency: 'Users are served by the nearer region (tens of ms saved across a continent). With synchronous multi-region stores (Firestore multi-region) each write waits for a second region, adding tens of ms to commits.',
    consistency: 'With multi-region writes, replication is asynchronous (typically under a second for DynamoDB global tables and Cosmos DB): a read in one region may miss a write just made in the other, and concurrent writes to the same item resolve by last writer wins — read-modify-write updates (counters, balances, stock) can lose updates unless they are partitioned by home region or made conditional.',
    cost: 'Compute at full size in both regions (about 2×), and replicated writes billed in every region (a DynamoDB global table bills each write once per replica region, plus cross-region transfer); Cosmos DB multiplies provisioned throughput by the number of regions.',
    operations: 'Every deploy, secret and migration goes to both regions; data models must be designed for conflicts (idempotent, commutative updates, region-scoped keys), and both regions need capacity to absorb the other\'s traffic when one drains.',
  },
  avoidWhen:
    'The data needs strict serializable transactions across items (inventory reservations, ledgers) and no multi-region strongly consistent store fits; a warm standby meets the recovery objectives; or the team cannot yet operate one region well.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const store = MULTI_WRITE[component.type];
      if (!store || store.multiRegion(ctx.config(component.id))) continue;
      const id = component.id;
      const users = accessors(ctx, id);
      if (users.length === 0) continue;
      const home = regionOf(ctx, id);
      const rps = ctx.peakRps(id);
      targets.push({
        components: [id, ...users],
        connections: ctx.incoming(id, ['read', 'write']).filter((c) => users.includes(c.from)).map((c) => c.id),
        reason: `${ctx.name(id)} and the services that use it (${users.map((u) => ctx.name(u)).join(', ')}) serve ${rps > 0 ? `~${fmt(rps)} requests/s at peak ` : ''}from ${home} only, and it can take writes in several regions: ${store.how} with a second serving region (${secondaryRegion(home)}) keeps them up through a regional outage without a failover step — ${store.caveat}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [id, ...users] = target.components as [string, ...string[]];
    const component = ctx.component(id);
    if (!component || !MULTI_WRITE[component.type]) throw new Error(`${id} does not support multi-region writes`);
    const home = regionOf(ctx, id);
    const region = p.region || secondaryRegion(home);
    if (region === home) throw new Error(`the second region must differ from ${home}`);
    const config = ctx.config(id);
    const ops: Op[] = [];
    let storeChange: string;
    if (component.type === 'aws.dynamodb') {
      ops.push({ op: 'updateComponent', id, config: { globalTableRegions: [...((config.globalTableRegions as string[]) ?? []), region] } });
      storeChange = `gets a global table replica in ${region}`;
    } else if (component.type === 'azure.cosmosdb') {
      const strong = config.consistency === 'strong';
      ops.push({ op: 'updateComponent', id, config: { additionalRegions: Math.max(1, config.additionalRegions as number), multiRegionWrites: true, ...(strong && { consistency: 'session' }) } });
      storeChange = `takes writes in ${region} too${strong ? ' (strong consistency is not available with multi-region writes: session)' : ''}`;
    } else {
      ops.push({ op: 'updateComponent', id, config: { locationType: 'multi-region' } });
      storeChange = 'moves to a multi-region location';
    }
    const makeId = idMaker(doc);
    const copies: string[] = [];
    const copyId = copyIdMaker(doc);
    for (const u of users) {
      const copy = copyInRegion(
        ctx,
        u,
        makeId(`${u}-${region}`),
        region,
        `${ctx.name(u)} (${region})`,
        {},
        `Serves ${region} at full size. Route users to the nearer region (latency or geo records with health checks); its other dependencies need regional copies too.`,
        280,
        copyId,
      );
      ops.push(...copy.ops);
      for (const c of ctx.outgoing(u, ['read', 'write']).filter((c) => c.to === id)) ops.push(copyConnection(copyId, c, { from: copy.id }));
      copies.push(ctx.name(u));
    }
    return patternChangeSet('active-active-multi-region', `Active-active in ${home} and ${region}: ${ctx.name(id)} ${storeChange}; ${copies.join(', ')} also run in ${region}`, ops);
  },
  preview: {
    backarch: 1,
    name: 'Active-active multi-region',
    description: 'A session and profile API on DynamoDB, served from us-east-1 only.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'profiles', type: 'aws.lambda', label: 'Profiles API', config: { memoryMb: 512 }, position: { x: 480, y: 0 } },
      { id: 'table', type: 'aws.dynamodb', label: 'Profiles table', position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'mobile', to: 'api', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'api', to: 'profiles', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'profiles', to: 'table', type: 'read', config: { timeoutMs: 500 } },
      { from: 'profiles', to: 'table', type: 'write', config: { timeoutMs: 1000, share: 0.2 } },
    ],
  },
});
