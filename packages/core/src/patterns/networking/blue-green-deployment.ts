import { z } from 'zod';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { connectionById, num } from '../scalability/wiring';
import { addCopy, routedServices } from './release';

const params = z.object({
  live: z.enum(['blue', 'green']).default('blue').describe('Which copy takes the traffic after applying: blue (the current one, green idle and ready) or green (cut over).'),
});

export default definePattern({
  id: 'blue-green-deployment',
  name: 'Blue-green deployment',
  category: 'networking',
  difficulty: 'intermediate',
  problem:
    'A service behind a load balancer is updated in place: instances are replaced one by one while traffic flows. During the roll-out old and new versions answer side by side, a bad release is only noticed once it is serving users, and rolling back means another full deployment of the old version, minutes of errors at best.',
  solution:
    'Run two complete copies of the service: blue serves all traffic, green gets the new version and is tested in place (smoke tests, synthetic traffic on a separate listener) while it receives none. The cut-over switches the load balancer’s weights from 1/0 to 0/1 in one step; rolling back is switching them back, in seconds, as long as blue is kept running. After a quiet period blue is scaled down and becomes the next green.',
  tradeoffs: {
    cost: 'Both copies run at full size during each release: for the time the green copy is up, the service costs twice as much (and the whole time if green is kept warm between releases).',
    consistency:
      'Both versions share the database: every schema change must work with the old and the new code at once (expand, migrate, contract over several releases), and messages or cache entries written by green must still be readable by blue after a rollback.',
    operations:
      'The switch must drain in-flight requests and long-lived connections (WebSockets, gRPC streams) on the old side; sessions held in instance memory are lost at the cut-over. Deploy tooling (CodeDeploy, Argo Rollouts, weighted target groups) drives the weights.',
    latency: 'None in steady state; right after the cut-over green runs with cold caches and connection pools, so the first minutes can be slower.',
  },
  avoidWhen:
    'Schema changes cannot be made backward compatible, the service holds state in its instances, or the service is large enough that doubling it for every release is not affordable (a canary release needs far less spare capacity).',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = routedServices(ctx, ['load-balancer']).map((c) => {
      const rate = ctx.peakRps(c.id);
      return {
        components: [c.to, c.from],
        connections: [c.id],
        reason: `${ctx.name(c.from)} routes${rate > 0 ? ` ~${num(rate)} requests/s at peak` : ''} to a single copy of ${ctx.name(c.to)}: every release replaces it in place, and a rollback is another deployment.`,
      };
    });
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const route = connectionById(doc, target.connections[0]!);
    const { ops } = addCopy(ctx, route, 'green', '(green)', p.live === 'green' ? 1 : 0);
    return patternChangeSet(
      'blue-green-deployment',
      `Blue-green: ${ctx.name(route.to)} (green) beside ${ctx.name(route.to)}, ${ctx.name(route.from)} weights blue/green ${p.live === 'blue' ? '1/0' : '0/1'}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Blue-green deployment',
    description: 'The orders service sits behind an application load balancer; a green copy beside it takes the next release and the load balancer switches over in one step.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'alb', type: 'aws.alb', label: 'Internal ALB', config: { public: false }, position: { x: 480, y: 0 } },
      { id: 'orders', type: 'aws.ecs', label: 'Orders', config: { replicas: 3 }, position: { x: 720, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true }, position: { x: 960, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'alb', type: 'http' },
      { from: 'alb', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'db', type: 'write' },
    ],
  },
});
