import { defineRule } from '../define';
import type { FindingDraft } from '../types';
import { dominators } from '../../graph/graph';
import { fmt } from '../../format';
import { isRedundant, nameList } from './helpers';

export default defineRule({
  id: 'spof',
  name: 'Single points of failure',
  category: 'resilience',
  severity: 'high',
  description:
    'A component running one instance is a single point of failure when every path from the clients to other components passes through it (dominators of the request graph, computed in near-linear time), when it holds state with no standby or replica, or when it is a service on the request path with one instance and no autoscaling. Services that are highly available by design (the catalog marks them `ha-managed`: S3, SQS, DynamoDB, Pub/Sub, Lambda, Cloud Run…) and components with replicas, Multi-AZ or an autoscaling minimum of 2 are not flagged.',
  check(ctx) {
    const { graph } = ctx;
    const flow = (e: number) => graph.carrying[e] === 1;
    const { idom, reached } = dominators(graph, graph.entrypoints, flow);
    const n = graph.n;
    const live = new Uint8Array(n);
    for (let k = 0; k < reached.length; k++) live[reached[k]!] = 1;
    // subtree sizes: each component comes after its dominator in `reached`, so a backward sweep adds children into parents
    const subtree = new Int32Array(n);
    for (let k = reached.length - 1; k >= 0; k--) {
      const v = reached[k]!;
      if (idom[v]! >= 0) subtree[idom[v]!]! += subtree[v]! + 1;
    }
    // dominator tree children as compressed rows (child[childStart[v] .. childStart[v + 1])), to name what each
    // component cuts off
    const childStart = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) if (idom[v]! >= 0) childStart[idom[v]! + 1]!++;
    for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
    const child = new Int32Array(childStart[n]!);
    const fill = childStart.slice(0, n);
    for (let v = 0; v < n; v++) if (idom[v]! >= 0) child[fill[idom[v]!]!++] = v;
    const liveCount = reached.length - graph.entrypoints.length;

    const findings: FindingDraft[] = [];
    for (let i = 0; i < graph.n; i++) {
      if (!live[i] || graph.hasRole(i, 'entrypoint') || isRedundant(ctx, i)) continue;
      const cut = subtree[i]!;
      const stateful = graph.hasRole(i, 'stateful');
      const service = graph.hasRole(i, 'service');
      if (cut === 0 && !stateful && !service) continue;

      const id = graph.ids[i]!;
      const name = ctx.name(i);
      const peak = ctx.traffic.componentPeakRps[i]!;
      const rate = peak > 0 ? ` (${fmt(peak)} requests/s at peak)` : '';
      const reasons: string[] = [];
      if (cut > 0) {
        const names: string[] = [];
        // breadth-first through the dominator tree, nearest first, stopping at six names
        const queue = [i];
        for (let head = 0; head < queue.length && names.length < 6; head++) {
          const v = queue[head]!;
          if (v !== i) names.push(ctx.name(v));
          for (let k = childStart[v]!; k < childStart[v + 1]! && queue.length <= 7; k++) queue.push(child[k]!);
        }
        const shown = cut > names.length ? [...names.slice(0, 5), `${cut - 5} more`] : names;
        reasons.push(`every path from the clients to ${cut} component${cut === 1 ? '' : 's'} (${nameList(shown, 6)}) passes through it, so if it fails they are unreachable${rate}`);
      }
      if (stateful) reasons.push('it holds state with no standby or replica, so a failure loses what was written since the last backup and stops everything that needs it until it is restored');
      else if (service && cut === 0) reasons.push(`a crash or a deploy takes it offline${rate}`);

      const shape = graph.defs[i]!.config.shape as Record<string, unknown>;
      let patch: Record<string, unknown> | undefined;
      if ('multiAz' in shape) patch = { multiAz: true, ...('readReplicas' in shape && graph.hasRole(i, 'cache') && { readReplicas: 1 }) };
      else if ('replicas' in shape) patch = { replicas: stateful ? 3 : 2 };
      else if ('nodeCount' in shape) patch = { nodeCount: 2 };
      else if ('multiZone' in shape) patch = { multiZone: true };

      findings.push({
        components: [id],
        connections: [],
        message: `${name} is a single point of failure: it runs one instance and ${reasons.join('; ')}.`,
        remediation: stateful
          ? 'Run a synchronous standby in a second zone (Multi-AZ / high availability) or a replicated cluster, and test failover.'
          : 'Run at least two instances in different zones behind the load balancer (or autoscale with a minimum of two).',
        severity: cut > 0 && cut * 2 >= liveCount ? ('critical' as const) : ('high' as const),
        ...(patch && {
          fix: { origin: 'fix:spof', summary: `Make ${name} redundant (${Object.entries(patch).map(([k, v]) => `${k}: ${v}`).join(', ')})`, ops: [{ op: 'updateComponent' as const, id, config: patch }] },
        }),
      });
    }
    return findings;
  },
});
