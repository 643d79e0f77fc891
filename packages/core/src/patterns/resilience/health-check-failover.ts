import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt, isRedundant, twoInstances } from './wiring';

const params = z.object({
  path: z.string().regex(/^\/[^\s]*$/).max(200).default('/healthz').describe('Path each target answers health probes on: cheap, and failing only when this instance cannot serve.'),
  intervalSeconds: z.number().int().min(1).max(300).default(10).describe('Seconds between two probes of one target.'),
  unhealthyThreshold: z.number().int().min(1).max(10).default(3).describe('Consecutive failed probes before a target is taken out of rotation.'),
});

const FORWARDS = ['http', 'grpc', 'graphql', 'websocket'];

/** Balancers that can probe their targets (the types with a `healthCheck` field). */
function balancer(ctx: PatternContext, id: string): boolean {
  const shape = ctx.def(id)?.config.shape as Record<string, unknown> | undefined;
  return !!shape && 'healthCheck' in shape && (ctx.hasRole(id, 'load-balancer') || ctx.hasRole(id, 'gateway'));
}

/** Backends behind a balancer that run instances it must route around: our services, not managed ones that fail over on their own. */
function backends(ctx: PatternContext, id: string): string[] {
  const out = new Set<string>();
  for (const c of ctx.outgoing(id, FORWARDS)) {
    if (!ctx.hasRole(c.to, 'service') || ctx.hasRole(c.to, 'ha-managed')) continue;
    // a single instance we cannot make two of would stay a single point of failure: leave it out
    if (!isRedundant(ctx, c.to) && !twoInstances(ctx, c.to)) continue;
    out.add(c.to);
  }
  return [...out];
}

export default definePattern({
  id: 'health-check-failover',
  name: 'Health checks and failover behind a load balancer',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'A load balancer that only notices a dead instance when connections are refused keeps sending it requests while it hangs, deadlocks or has lost its database pool — a third of requests fail with three instances. Worse, a service that runs a single instance behind the balancer has nowhere to fail over to: a crash, an out-of-memory kill or a routine deploy takes it offline, and everything behind it goes with it.',
  solution:
    'Run at least two instances of each service behind the balancer, spread over zones, and have the balancer probe each one on a cheap health endpoint every few seconds. After a few consecutive failures the instance leaves rotation and its traffic goes to the healthy ones; when it passes again it returns. The health endpoint checks the instance itself (process up, able to take work), not its shared dependencies, so a database blip does not eject every instance at once.',
  tradeoffs: {
    latency: 'Detection takes interval × threshold (10 s × 3 = 30 s by default); requests sent to a failing instance in that window fail or time out, so pair it with retries on idempotent calls.',
    cost: 'A second instance of each single-instance service doubles its compute cost; probes themselves are free on managed load balancers and negligible in load.',
    operations: 'Every service needs a health endpoint that is honest and cheap; deploys must drain connections before an instance leaves (deregistration delay), and a health check that tests shared dependencies can eject every instance at once.',
  },
  avoidWhen:
    'The backends are managed services that fail over on their own (Lambda, Cloud Run, Container Apps), or a service mesh or orchestrator readiness probe already removes unhealthy instances from the balancer.',
  addresses: ['spof'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const id = component.id;
      if (!balancer(ctx, id)) continue;
      const behind = backends(ctx, id);
      if (behind.length === 0) continue;
      const single = behind.filter((b) => !isRedundant(ctx, b));
      const lbSingle = !isRedundant(ctx, id) && twoInstances(ctx, id) !== undefined;
      const probed = ctx.config(id).healthCheck !== undefined;
      if (probed && single.length === 0 && !lbSingle) continue;
      const parts: string[] = [];
      if (single.length > 0) {
        parts.push(
          `${single.map((b) => `${ctx.name(b)} (${fmt(ctx.peakRps(b))} requests/s at peak)`).join(', ')} ${single.length === 1 ? 'runs' : 'run'} one instance behind it, so a crash or deploy leaves the balancer nothing to fail over to`,
        );
      }
      if (lbSingle) parts.push(`${ctx.name(id)} itself runs one node`);
      if (!probed) parts.push(`${ctx.name(id)} does not probe its ${behind.length} backend${behind.length === 1 ? '' : 's'}, so a hung instance keeps receiving its share of requests until it refuses connections`);
      targets.push({
        components: [id, ...behind],
        connections: ctx.outgoing(id, FORWARDS).filter((c) => behind.includes(c.to)).map((c) => c.id),
        reason: `${parts.join('; ')}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [lb, ...behind] = target.components as [string, ...string[]];
    const ops: Op[] = [];
    const lbPatch: Record<string, unknown> = { healthCheck: { path: p.path, intervalSeconds: p.intervalSeconds, unhealthyThreshold: p.unhealthyThreshold } };
    if (!isRedundant(ctx, lb)) Object.assign(lbPatch, twoInstances(ctx, lb));
    ops.push({ op: 'updateComponent', id: lb, config: lbPatch });
    const doubled: string[] = [];
    for (const b of behind) {
      if (isRedundant(ctx, b)) continue;
      const patch = twoInstances(ctx, b);
      if (!patch) continue;
      ops.push({ op: 'updateComponent', id: b, config: patch });
      doubled.push(ctx.name(b));
    }
    return patternChangeSet(
      'health-check-failover',
      `${ctx.name(lb)} probes ${p.path} every ${p.intervalSeconds} s, ejects after ${p.unhealthyThreshold} failures (~${p.intervalSeconds * p.unhealthyThreshold} s)${doubled.length ? `; second instance for ${doubled.join(', ')}` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Health checks and failover',
    description: 'An ALB in front of a web API that runs one task: a crash or a deploy takes the API down, and the ALB does not probe it.',
    constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { peakRps: 80 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Load balancer', position: { x: 240, y: 0 } },
      { id: 'api', type: 'aws.ecs', label: 'Accounts API', config: { vcpus: 1, memoryMb: 2048, replicas: 1 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Accounts DB', config: { instanceType: 'db.t4g.medium', multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'alb', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'alb', to: 'api', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'api', to: 'db', type: 'read', config: { timeoutMs: 1000 } },
      { from: 'api', to: 'db', type: 'write', config: { timeoutMs: 1000, share: 0.2 } },
    ],
  },
});
