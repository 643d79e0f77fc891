import { z } from 'zod';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, instanceBounds, num } from './wiring';

const params = z.object({
  minInstances: z.number().int().min(1).max(100).default(2).describe('Fewest instances the autoscaler keeps, whatever the load (2 survives losing one).'),
  targetUtilisationPercent: z
    .number()
    .min(30)
    .max(95)
    .default(70)
    .describe('Share of one instance’s catalog capacity the bounds are sized for; the rest is headroom for the minutes a scale-up takes.'),
});

/** A change-data-capture relay (fed by a stream out of a database) must run as one active instance: not a pool. */
function singleWriter(ctx: PatternContext, id: string): boolean {
  return ctx.incoming(id, ['stream']).some((c) => ctx.hasRole(c.from, 'datastore'));
}

function bounds(ctx: PatternContext, id: string, minInstances: number, utilisation: number) {
  const component = ctx.component(id)!;
  const peak = ctx.peakRps(id);
  return instanceBounds(component.type, ctx.config(id), peak, peak / ctx.traffic.peakToAverage, minInstances, utilisation);
}

export default definePattern({
  id: 'autoscaling-worker-pool',
  name: 'Autoscaling worker pool',
  category: 'scalability',
  difficulty: 'intermediate',
  problem:
    'A service or queue worker runs a fixed number of instances. Sized for the average, it falls behind at the daily peak (requests queue up and time out, or the queue backlog grows for hours); sized for the peak, it pays for idle instances the rest of the day. Either way a traffic spike beyond the plan has nowhere to go.',
  solution:
    'Give the pool autoscaling bounds and a scaling signal. The minimum carries the average load at a safe utilisation and never drops below two instances; the maximum carries the peak from the traffic model at the same utilisation, using the catalog’s throughput figure per vCPU or per instance. The autoscaler adds instances on CPU or request rate for services, and on queue depth or message age for workers, and removes them after a cool-down.',
  tradeoffs: {
    latency:
      'Scaling reacts, it does not predict: metrics arrive every 60 s, an alarm needs one to three periods, and a new Fargate or Kubernetes pod takes 30–90 s to pull its image, start and pass health checks (a VM 2–4 min). A spike steeper than that is absorbed by the headroom left by the target utilisation, or by the queue.',
    cost: 'Off-peak the pool shrinks to its minimum: with the default peak-to-average ratio of 3, a pool sized for the peak costs about a third as much outside the peak hours. The maximum bounds the bill when traffic (or a retry storm) exceeds the plan.',
    operations:
      'Instances start cold: JIT warm-up, empty connection pools and caches make the first requests slow, so use readiness probes and pre-warming; scale-in must drain in-flight requests and leave queue messages to their visibility timeout. Database connections grow with the instance count: check the connection limit at the maximum.',
  },
  avoidWhen:
    'The component must run as one active instance (a change-data-capture relay, a scheduler holding a lock, a stateful stream processor with local state), load is flat around the clock, or the platform scales per request already (Lambda, Cloud Run, Container Apps).',
  addresses: ['spof', 'capacity'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const defaults = params.parse({});
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      if (ctx.hasRole(id, 'serverless') || singleWriter(ctx, id)) continue;
      const keys = configKeys(ctx.component(id)!.type);
      if (!keys.has('replicas') || !keys.has('autoscaling')) continue;
      const config = ctx.config(id);
      if (config.autoscaling !== undefined) continue;
      const peak = ctx.peakRps(id);
      if (!(peak > 0) || !Number.isFinite(peak)) continue;
      const b = bounds(ctx, id, defaults.minInstances, defaults.targetUtilisationPercent / 100);
      if (!b || b.max <= b.min) continue; // the load does not vary enough over the day to need more than the floor
      const replicas = typeof config.replicas === 'number' ? config.replicas : 1;
      const average = peak / ctx.traffic.peakToAverage;
      const carries = replicas * b.perInstanceRps;
      const consumer = ctx.incoming(id, ['consume']).length > 0;
      const unit = !consumer ? 'requests' : ctx.incoming(id).some((c) => c.type !== 'consume' && c.type !== 'telemetry') ? 'requests and messages' : 'messages';
      targets.push({
        components: [id],
        connections: [],
        reason: `${ctx.name(id)} runs a fixed ${replicas} instance${replicas === 1 ? '' : 's'} (~${num(carries)}/s at ${num(b.perInstanceRps)}/s each) and ${consumer ? 'handles' : 'receives'} ~${num(peak)} ${unit}/s at peak, ~${num(average)}/s on average: ${carries < peak ? 'it cannot carry the peak' : 'most of the day the instances sized for the peak sit idle'}; ${b.min}–${b.max} instances follow the load.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [id] = target.components as [string];
    if (!ctx.component(id)) throw new Error(`component ${id} is not in the document`);
    const b = bounds(ctx, id, p.minInstances, p.targetUtilisationPercent / 100);
    const min = b?.min ?? p.minInstances;
    const max = Math.max(min, b?.max ?? min * 2);
    const signal = ctx.incoming(id, ['consume']).length > 0 ? 'queue depth' : 'CPU and request rate';
    return patternChangeSet(
      'autoscaling-worker-pool',
      `Autoscale ${ctx.name(id)} between ${min} and ${max} instances on ${signal} (sized at ${p.targetUtilisationPercent} % of ${num(b?.perInstanceRps ?? 0)}/s per instance)`,
      [{ op: 'updateComponent', id, config: { replicas: min, autoscaling: { min, max } } }],
    );
  },
  preview: {
    backarch: 1,
    name: 'Autoscaling worker pool',
    description: 'The notification worker runs two small fixed instances while the event log delivers far more at peak; autoscaling bounds from the traffic model let it keep up.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'aws.lambda', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'events', type: 'aws.sqs', label: 'Order events', config: { deadLetter: true }, position: { x: 720, y: 0 } },
      { id: 'notifier', type: 'service', label: 'Notification worker', config: { replicas: 1, vcpus: 0.5 }, position: { x: 960, y: 0 } },
      { id: 'push', type: 'aws.sns', label: 'Push notifications', position: { x: 1200, y: 0 } },
    ],
    connections: [
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http' },
      { from: 'orders', to: 'events', type: 'publish' },
      { from: 'events', to: 'notifier', type: 'consume' },
      { from: 'notifier', to: 'push', type: 'publish' },
    ],
  },
});
