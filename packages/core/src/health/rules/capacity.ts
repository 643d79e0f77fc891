import { inOf } from '../../graph/graph';
import type { z } from 'zod';
import { capacityOf, INSTANCE_COUNT_KEYS, instancesNeeded } from '../../capacity/capacity';
import type { Op } from '../../document/change-set';
import { TARGET_UTILISATION } from '../../pricing/alternatives';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { fmt } from '../../format';
import { nameList } from './helpers';

/** Load above this multiple of the capacity is critical: more than a third of the requests would fail or queue. */
export const CRITICAL_OVERLOAD = 1.5;

/** Modes where the provider sizes and adds the capacity (serverless caches, provider-run Kubernetes nodes): the configured count says nothing. */
function providerScaled(type: string, config: Record<string, unknown>): boolean {
  return config.serverless === true || (type === 'aws.eks' && config.computeMode !== 'managed-node-group') || (type === 'gcp.gke' && config.mode === 'autopilot');
}

/**
 * 1 for each connection the receiver pulls from a queue, topic or log at its own pace (`consume`, or `stream` out of a
 * stream or datastore), worked out in document order: the passes below visit connections in graph order.
 */
function pulledConnections(ctx: RuleContext): Uint8Array {
  const { graph } = ctx;
  const pulled = new Uint8Array(graph.from.length);
  for (let e = 0; e < pulled.length; e++) {
    const type = graph.connectionDefs[e]!.id;
    const source = graph.from[e]!;
    if (type === 'consume' || (type === 'stream' && (graph.hasRole(source, 'stream') || graph.hasRole(source, 'datastore')))) pulled[e] = 1;
  }
  return pulled;
}

/**
 * For each component, the share of its traffic-model peak it must serve at once. Messages pulled from a queue wait
 * there, so a consumer need only keep up with their average (peak ÷ peak-to-average ratio), and what it calls in
 * turn sees that smoothed rate too. One depth-first pass over the incoming connections, O(n + m); on a cycle the
 * share is taken as 1 (no smoothing assumed).
 */
function immediateShares(ctx: RuleContext, rates: Float64Array, pulled: Uint8Array): Float64Array {
  const { graph } = ctx;
  const { carrying } = graph;
  const k = ctx.traffic.peakToAverage;
  const share = new Float64Array(graph.n).fill(1);
  const state = new Uint8Array(graph.n); // 0 new, 1 in progress, 2 done
  const stackNode = new Int32Array(graph.n);
  const stackNext = new Int32Array(graph.n);
  for (let root = 0; root < graph.n; root++) {
    if (state[root]) continue;
    let top = 0;
    stackNode[0] = root;
    stackNext[0] = 0;
    state[root] = 1;
    while (top >= 0) {
      const v = stackNode[top]!;
      const next = stackNext[top]!;
      const first = graph.inStart[v]!;
      const end = graph.inStart[v + 1]!;
      if (first + next < end) {
        stackNext[top] = next + 1;
        const e = graph.inEdges[first + next]!;
        const u = graph.inFrom[first + next]!;
        if (state[u] === 0 && carrying[e] && !pulled[e]) {
          state[u] = 1;
          top++;
          stackNode[top] = u;
          stackNext[top] = 0;
        }
        continue;
      }
      let total = 0;
      let served = 0;
      for (let at = first; at < end; at++) {
        const e = graph.inEdges[at]!;
        if (!carrying[e]) continue;
        const rate = rates[e]!;
        total += rate;
        const u = graph.inFrom[at]!;
        served += rate * (pulled[e] ? 1 / k : state[u] === 2 ? share[u]! : 1);
      }
      share[v] = total > 0 ? served / total : 1;
      state[v] = 2;
      top--;
    }
  }
  return share;
}

/** Whether each patched field is valid for the type (its bounds), checked field by field rather than the whole config. */
function fitsSchema(shape: Record<string, unknown>, patch: Record<string, unknown>): boolean {
  return Object.entries(patch).every(([key, value]) => (shape[key] as z.ZodType | undefined)?.safeParse(value).success ?? false);
}

export default defineRule({
  id: 'capacity',
  name: 'Capacity',
  category: 'resilience',
  severity: 'high',
  description: `A component whose propagated peak load (the traffic model) exceeds what its instances can carry: the catalog's planning figure per vCPU or per instance (or the component's measured \`capacityRpsPerInstance\`) × its instance size × its instance count, counting the autoscaling maximum. Consumers of queues, topics and logs need only keep up with the average rate, since the peak waits in the queue; reads are spread over read replicas. Critical above ${CRITICAL_OVERLOAD}× the capacity, high above 1×. Components whose capacity cannot be told (managed services that scale on their own, serverless caches, unknown instance sizes, Kubernetes whose nodes the provider runs) are not checked.`,
  check(ctx) {
    const { graph } = ctx;
    const findings: FindingDraft[] = [];
    const rates = ctx.traffic.connectionPeakRps;
    let shares: Float64Array | undefined;
    let pulledFrom: Uint8Array | undefined;
    for (let i = 0; i < graph.n; i++) {
      if (graph.hasRole(i, 'entrypoint')) continue;
      const component = ctx.doc.components[i]!;
      const peak = ctx.traffic.componentPeakRps[i]!;
      if (!(peak > 0) || !Number.isFinite(peak)) continue; // no load, or fan-out beyond any figure
      const config = ctx.config(i);
      if (providerScaled(component.type, config)) continue;
      const capacity = capacityOf(component, ctx.book, true, config);
      if (!capacity || !(capacity.perInstanceRps > 0)) continue;
      pulledFrom ??= pulledConnections(ctx);
      shares ??= immediateShares(ctx, rates, pulledFrom);

      // what it must serve at once: requests at their peak, queued messages at their average, smoothed upstream
      const k = ctx.traffic.peakToAverage;
      let total = 0;
      let served = 0;
      let readsServed = 0;
      let queuedRate = 0;
      let messageRate = 0;
      // made on the first queue: most components are called, not fed
      let queues: string[] | undefined;
      let wholeFeeds: string[] | undefined; // topics and logs whose every message the model sends here (no share set)
      for (let at = graph.inStart[i]!; at < graph.inStart[i + 1]!; at++) {
        const e = graph.inEdges[at]!;
        const def = graph.connectionDefs[e]!;
        if (!graph.carrying[e]) continue;
        const rate = rates[e]!;
        total += rate;
        if (def.carries === 'message') messageRate += rate;
        const pulled = pulledFrom[e] === 1;
        const part = rate * (pulled ? 1 / k : shares[graph.inFrom[at]!]!);
        served += part;
        if (pulled) {
          queuedRate += rate;
          const source = graph.from[e]!;
          (queues ??= []).push(ctx.name(source));
          const fanOut = graph.hasRole(source, 'topic') || graph.hasRole(source, 'stream');
          if (fanOut && ctx.doc.connections[e]!.config?.share === undefined) (wholeFeeds ??= []).push(ctx.name(source));
        } else if (def.id === 'read') readsServed += part;
      }
      const demand = total > 0 ? (peak * served) / total : peak;
      const reads = total > 0 ? (peak * readsServed) / total : 0;
      const readReplicas = typeof config.readReplicas === 'number' ? config.readReplicas : 0;
      // the primaries carry everything but the reads the replicas take
      const primary = demand - reads + reads / (1 + readReplicas);
      const ratio = primary / capacity.totalRps;
      if (!(ratio > 1)) continue;

      const id = component.id;
      const name = ctx.name(i);
      const unit = total > 0 && messageRate === total ? 'messages' : messageRate > 0 ? 'requests and messages' : 'requests';
      const allQueued = total > 0 && queuedRate === total;
      let what: string;
      if (allQueued) what = `${name} consumes ${fmt(demand)} ${unit}/s on average from ${nameList([...new Set(queues)])} (${fmt(peak)} at peak; the peaks wait there, but the average must be kept up with)`;
      else if (demand < peak * 0.999) what = `${name} must keep up with ${fmt(demand)} ${unit}/s (the traffic model's peak is ${fmt(peak)}/s, but part of it comes through queues, which spread it to the average)`;
      else what = `${name} receives ${fmt(peak)} ${unit}/s at peak`;
      if (readReplicas > 0 && reads > 0) {
        what += `; ${fmt(reads)}/s of it are reads spread over the primary and ${readReplicas} read replica${readReplicas === 1 ? '' : 's'}, so the primary carries ${fmt(primary)}/s,`;
      }
      const backlog = allQueued ? ': the backlog grows without bound' : '';
      const feeds = [...new Set(wholeFeeds)];
      const subscription = feeds.length
        ? ` The traffic model gives it every message of ${nameList(feeds)}; if it reads only some topics, set share on its consume connection.`
        : '';

      // the fix raises what capacityOf counts to the number needed
      const needed = instancesNeeded(primary, capacity.perInstanceRps, TARGET_UTILISATION);
      const def = graph.defs[i]!;
      const shape = def.config.shape as Record<string, unknown>;
      const autoscaling = config.autoscaling as { min: number; max: number } | undefined;
      const at = `at ${TARGET_UTILISATION * 100} % utilisation`;
      let patch: Record<string, unknown> | undefined;
      let would: string;
      const countKey = INSTANCE_COUNT_KEYS.find(([k]) => typeof config[k] === 'number') ?? ('replicas' in shape ? INSTANCE_COUNT_KEYS[0] : undefined);
      if (def.id === 'aws.lambda' && typeof config.reservedConcurrency === 'number') {
        patch = { reservedConcurrency: needed };
        would = `a reserved concurrency of ${needed} would do ${at}`;
      } else if (autoscaling) {
        patch = { autoscaling: { min: autoscaling.min, max: needed } };
        would = `an autoscaling maximum of ${needed} would do ${at}`;
      } else if (countKey) {
        patch = { [countKey[0]]: needed };
        would = `${needed} ${needed === 1 ? countKey[1] : countKey[2]} would do ${at}`;
      } else {
        would = `carrying it ${at} takes ${fmt(primary / TARGET_UTILISATION)}/s, ${fmt(primary / TARGET_UTILISATION / capacity.totalRps)}× what it has`;
        // one primary: more read replicas help when the rest fits on it
        const room = capacity.totalRps * TARGET_UTILISATION - (demand - reads);
        const replicas = reads > 0 && room > 0 ? Math.ceil(reads / room) - 1 : -1;
        if ('readReplicas' in shape && replicas > readReplicas) {
          patch = { readReplicas: replicas };
          would = `${replicas} read replica${replicas === 1 ? '' : 's'} taking the reads would do ${at}`;
        }
      }
      if (patch && !fitsSchema(shape, patch)) patch = undefined;

      findings.push({
        components: [id],
        connections: inOf(graph, i).filter((e) => graph.carrying[e] === 1).map((e) => ctx.doc.connections[e]!.id),
        message: `${what} but ${capacity.basis} = ${fmt(capacity.totalRps)}/s${backlog}; ${would}.${subscription}`,
        remediation: patch
          ? `Raise ${Object.keys(patch)[0]} as the fix does, or use larger instances; if the planning figure is wrong for this code, measure the throughput of one instance and set capacityRpsPerInstance.`
          : 'Use a larger instance size or take load off it (read replicas, a cache, sharding); if the planning figure is wrong for this code, measure the throughput of one instance and set capacityRpsPerInstance.',
        severity: ratio > CRITICAL_OVERLOAD ? 'critical' : 'high',
        ...(patch && {
          fix: {
            origin: 'fix:capacity',
            summary: `Scale ${name} to carry its load (${Object.entries(patch)
              .map(([k, v]) => `${k}: ${typeof v === 'object' ? `max ${(v as { max: number }).max}` : v}`)
              .join(', ')})`,
            ops: [{ op: 'updateComponent', id, config: patch } satisfies Op],
          },
        }),
      });
    }
    return findings;
  },
});
