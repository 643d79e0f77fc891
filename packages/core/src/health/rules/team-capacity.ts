import type { Category } from '../../catalog/types';
import type { Op } from '../../document/change-set';
import { documentCloud } from '../../pricing/engine';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { nameList } from './helpers';

/** Operational load one engineer carries besides building features: upgrades, patching, scaling, on-call. */
export const POINTS_PER_ENGINEER = 4;
/** Each distinct technology (component type) to know, monitor, upgrade and debug. */
export const POINTS_PER_TECHNOLOGY = 1;
/** Categories whose types count as technologies the team runs (not clients, gateways, CDNs, storage, AI APIs). */
export const TECHNOLOGY_CATEGORIES: readonly Category[] = ['compute', 'database', 'cache', 'messaging', 'search', 'vector-db', 'observability'];

/** Neutral types the cloud runs for us unless `managed: false`, and the clouds that have no managed offering of them. */
const MANAGED_FLAG: Readonly<Record<string, readonly string[]>> = {
  kafka: [],
  redis: [],
  memcached: ['azure'],
  mongodb: [],
  prometheus: [],
  grafana: ['gcp'],
  'service-mesh': ['aws'],
};

/** Points of operating one self-run component, by type (the table in the description). */
const SELF_RUN_POINTS: Readonly<Record<string, { points: number; what: string; noun: string }>> = {
  kubernetes: { points: 8, what: 'self-managed Kubernetes with our own nodes', noun: 'a Kubernetes cluster' },
  'kubernetes-provider-nodes': { points: 4, what: 'Kubernetes with provider-run nodes', noun: 'a Kubernetes cluster' },
  kafka: { points: 6, what: 'self-hosted Kafka', noun: 'its own Kafka' },
  elasticsearch: { points: 5, what: 'self-hosted Elasticsearch', noun: 'its own Elasticsearch' },
  mongodb: { points: 5, what: 'self-hosted MongoDB', noun: 'its own MongoDB' },
  rabbitmq: { points: 4, what: 'self-hosted RabbitMQ', noun: 'its own RabbitMQ' },
  keycloak: { points: 4, what: 'self-hosted Keycloak', noun: 'its own Keycloak' },
  'service-mesh': { points: 4, what: 'self-installed service mesh', noun: 'its own service mesh' },
  kong: { points: 3, what: 'self-hosted Kong', noun: 'its own Kong' },
  redis: { points: 3, what: 'self-hosted Redis', noun: 'its own Redis' },
  prometheus: { points: 3, what: 'self-hosted Prometheus', noun: 'its own Prometheus' },
  vm: { points: 2, what: 'VMs', noun: 'its own VMs' },
  'container-hosts': { points: 2, what: 'container hosts (EC2 launch type)', noun: 'its own container hosts' },
  memcached: { points: 2, what: 'self-hosted Memcached', noun: 'its own Memcached' },
  grafana: { points: 2, what: 'self-hosted Grafana', noun: 'its own Grafana' },
  stateful: { points: 3, what: 'self-hosted stateful software', noun: 'it' },
  stateless: { points: 2, what: 'self-hosted software', noun: 'it' },
};

interface SelfRun {
  index: number;
  points: number;
  what: string;
  noun: string;
  /** The config change that hands it to the cloud, when one exists. */
  managed?: Record<string, unknown>;
}

/** What operating component i costs the team beyond knowing its technology, or undefined when the provider runs it. */
function selfRun(ctx: RuleContext, i: number, cloud: string): SelfRun | undefined {
  const type = ctx.graph.defs[i]!;
  const config = ctx.config(i);
  const entry = (key: string, managed?: Record<string, unknown>): SelfRun => ({ index: i, ...SELF_RUN_POINTS[key]!, ...(managed && { managed }) });
  if (type.equivalence === 'kubernetes') {
    const providerNodes = (type.id === 'aws.eks' && config.computeMode !== 'managed-node-group') || (type.id === 'gcp.gke' && config.mode === 'autopilot');
    return entry(providerNodes ? 'kubernetes-provider-nodes' : 'kubernetes');
  }
  if (type.equivalence === 'vm') return entry('vm');
  if (type.id === 'aws.ecs' && config.launchType === 'ec2') return entry('container-hosts');
  const noManagedOffering = MANAGED_FLAG[type.id];
  if (noManagedOffering) {
    if (config.managed === true && !noManagedOffering.includes(cloud)) return undefined;
    return entry(type.id, noManagedOffering.includes(cloud) ? undefined : { managed: true });
  }
  if (!ctx.graph.hasRole(i, 'self-managed')) return undefined;
  return entry(SELF_RUN_POINTS[type.id] ? type.id : ctx.graph.hasRole(i, 'stateful') ? 'stateful' : 'stateless');
}

export default defineRule({
  id: 'team-capacity',
  name: 'Team capacity',
  category: 'operability',
  severity: 'medium',
  description: `The operational load of the design against \`constraints.teamSize\` (no team size, no finding). Each engineer carries ${POINTS_PER_ENGINEER} points besides building features. The load is ${POINTS_PER_TECHNOLOGY} point per distinct technology (component type of the categories ${TECHNOLOGY_CATEGORIES.join(', ')}), plus, for each component the team runs itself: ${Object.values(SELF_RUN_POINTS)
    .map((p) => `${p.what} ${p.points}`)
    .join(', ')} (any other \`self-managed\` type: the last two). Neutral types with \`managed: true\` are the cloud's service and cost nothing extra, except where the cloud has none (Grafana on GCP, a service mesh on AWS, Memcached on Azure). High when the load is more than twice what the team carries, medium otherwise; the fix hands self-hosted Kafka, Redis, Memcached, MongoDB, Prometheus, Grafana or a service mesh to the cloud (\`managed: true\`) when that is enough.`,
  check(ctx) {
    const team = ctx.doc.constraints.teamSize;
    if (team === undefined) return [];
    const { graph } = ctx;
    const cloud = documentCloud(ctx.doc);
    const technologies = new Map<string, number>(); // type → first component of it
    const run: SelfRun[] = [];
    for (let i = 0; i < graph.n; i++) {
      const def = graph.defs[i]!;
      if (TECHNOLOGY_CATEGORIES.includes(def.category) && !technologies.has(def.id)) technologies.set(def.id, i);
      const item = selfRun(ctx, i, cloud);
      if (item) run.push(item);
    }
    const capacity = team * POINTS_PER_ENGINEER;
    const technologyPoints = technologies.size * POINTS_PER_TECHNOLOGY;
    const selfRunPoints = run.reduce((sum, r) => sum + r.points, 0);
    const load = technologyPoints + selfRunPoints;
    if (load <= capacity) return [];

    run.sort((a, b) => b.points - a.points);
    const SHOWN = 7;
    const parts = run.slice(0, SHOWN).map((r) => `${ctx.name(r.index)} (${graph.defs[r.index]!.id}): ${r.what} ${r.points}`);
    if (run.length > SHOWN) parts.push(`${run.length - SHOWN} more components the team runs ${run.slice(SHOWN).reduce((sum, r) => sum + r.points, 0)}`);
    parts.push(`${technologies.size} distinct technolog${technologies.size === 1 ? 'y' : 'ies'} ${technologyPoints}`);
    const engineers = `${team} engineer${team === 1 ? '' : 's'}`;
    // name the one thing to stop running when dropping it alone would be enough
    const biggest = run[0];
    const headline =
      biggest && biggest.noun !== 'it' && load - biggest.points <= capacity
        ? `A team of ${team} shouldn't run ${biggest.noun} (${ctx.name(biggest.index)})`
        : `This design needs more operations than a team of ${team} can carry`;

    // hand what the cloud can run to the cloud, when that is enough
    const handOver = run.filter((r) => r.managed);
    const after = load - handOver.reduce((sum, r) => sum + r.points, 0);
    const ops: Op[] = handOver.map((r) => ({ op: 'updateComponent', id: graph.ids[r.index]!, config: r.managed! }));
    const fix =
      ops.length > 0 && after <= capacity
        ? { origin: 'fix:team-capacity', summary: `Let the cloud run ${nameList(handOver.map((r) => ctx.name(r.index)))} (managed: true)`, ops }
        : undefined;

    const findings: FindingDraft[] = [
      {
        components: run.length ? run.map((r) => graph.ids[r.index]!) : [...technologies.values()].map((i) => graph.ids[i]!),
        connections: [],
        severity: load > 2 * capacity ? 'high' : 'medium',
        message: `${headline}: ${engineers} can carry ${capacity} points of operations (${POINTS_PER_ENGINEER} each); this design needs ${load}: ${nameList(parts, SHOWN + 2)}.`,
        remediation: fix
          ? `Let the cloud run ${nameList(handOver.map((r) => ctx.name(r.index)))} (the fix sets managed: true), which brings the load to ${after} points.`
          : `Prefer managed services to software the team runs itself (serverless or a container platform over Kubernetes and VMs, managed Kafka, search and databases), use fewer distinct technologies, or grow the team.`,
        ...(fix && { fix }),
      },
    ];
    return findings;
  },
});
