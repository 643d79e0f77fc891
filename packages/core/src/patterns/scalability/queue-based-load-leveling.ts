import { z } from 'zod';
import { capacityOf } from '../../capacity/capacity';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { connect, connectionById, num, queueConfig, SERVICE_CALLS } from './wiring';

const params = z.object({
  retries: z.number().int().min(0).max(20).default(3).describe('Deliveries retried by the consumer before a message goes to the dead-letter queue.'),
  idempotent: z.boolean().default(true).describe('The consumer skips messages it has already processed (the queue delivers at least once).'),
});

/** A call whose timeout is at least this long waits on a slow backend. */
const SLOW_CALL_MS = 5000;

/**
 * Whether a service changes state (writes a datastore that is not a cache): its calls are commands, which can be
 * queued, rather than queries whose answer the caller needs.
 */
function doesWork(ctx: PatternContext, id: string): boolean {
  return ctx.outgoing(id, ['write']).some((c) => !ctx.hasRole(c.to, 'cache'));
}

/** What a callee carries with the instances it runs now (autoscaling minimum), or undefined when the catalog cannot tell. */
function runningCapacity(ctx: PatternContext, id: string): { rps: number; instances: number } | undefined {
  const component = ctx.component(id)!;
  if (ctx.hasRole(id, 'serverless')) return undefined;
  const capacity = capacityOf(component, undefined, false);
  return capacity && { rps: capacity.totalRps, instances: capacity.instances };
}

export default definePattern({
  id: 'queue-based-load-leveling',
  name: 'Queue-based load leveling',
  category: 'scalability',
  difficulty: 'intermediate',
  problem:
    'A service hands work to a slower backend with a synchronous call. Every burst from the callers reaches the backend at once: when it cannot keep up, calls time out, retries pile onto it, and the caller’s own requests fail with it. The backend has to be sized (and paid for) for the worst burst, not for the average.',
  solution:
    'The caller publishes the work as a message to a queue and returns at once; the backend consumes the queue at the pace it can sustain. Bursts wait in the queue instead of hitting the backend, which now only has to keep up with the average rate. A message that keeps failing goes to a dead-letter queue after a few deliveries instead of being lost or retried forever.',
  tradeoffs: {
    latency:
      'The caller no longer gets the result in its response: it answers 202 Accepted with a request id, and the outcome arrives later (polling, a webhook, a notification). Queue wait adds from tens of milliseconds when the consumer keeps up to minutes during a burst.',
    consistency:
      'The work happens after the caller has answered: the client must handle "pending" states, and a message can be delivered twice, so the consumer must be idempotent. Failures surface in the dead-letter queue, not as an error to the user.',
    cost: 'A managed queue costs little (SQS: $0.40 per million requests, about three requests per message), and the backend can be sized for the average instead of the peak: a third of the instances at the default peak-to-average ratio of 3.',
    operations: 'Alarm on queue depth, oldest message age and dead-letter queue depth; someone must redrive dead letters after fixing the cause.',
  },
  avoidWhen:
    'The caller needs the answer to reply (a price, a stock check, a payment authorisation shown to the user), the call is a read, or the end-to-end latency budget is a few hundred milliseconds.',
  addresses: ['circuit-breaker'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const c of doc.connections) {
      if (!(SERVICE_CALLS as readonly string[]).includes(c.type)) continue;
      if (!ctx.hasRole(c.from, 'service') || !ctx.hasRole(c.to, 'service') || c.from === c.to) continue;
      if (!doesWork(ctx, c.to)) continue;
      const timeoutMs = ctx.connectionConfig(c).timeoutMs as number | undefined;
      const peak = ctx.peakRps(c.to);
      const capacity = runningCapacity(ctx, c.to);
      const slow = timeoutMs !== undefined && timeoutMs >= SLOW_CALL_MS;
      const short = capacity !== undefined && peak > capacity.rps;
      if (!slow && !short) continue;
      const rate = ctx.peakRps(c.id);
      const why = [
        ...(short ? [`${ctx.name(c.to)} carries ~${num(capacity!.rps)}/s with the ${capacity!.instances} instance${capacity!.instances === 1 ? '' : 's'} it runs${ctx.config(c.to).autoscaling ? ' (autoscaling adds more only after a minute or two)' : ''} but receives ~${num(peak)}/s at peak`] : []),
        ...(slow ? [`the call may take up to ${num(timeoutMs! / 1000)} s`] : []),
      ];
      targets.push({
        components: [c.from, c.to],
        connections: [c.id],
        reason: `${ctx.name(c.from)} calls ${ctx.name(c.to)} synchronously${rate > 0 ? ` (~${num(rate)} requests/s at peak)` : ''} to have work done (${ctx.name(c.to)} writes ${ctx.name(ctx.outgoing(c.to, ['write']).find((w) => !ctx.hasRole(w.to, 'cache'))!.to)}): ${why.join(', and ')}. If ${ctx.name(c.from)} does not need the result to answer, a queue absorbs the bursts.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [caller, backend] = target.components as [string, string];
    const call = connectionById(doc, target.connections[0]!);
    const id = idMaker(doc);
    const type = typeFor(doc, 'queue', 'pubsub');
    const queue = id(`${backend}-queue`);
    const share = ctx.connectionConfig(call).share as number;
    const ops: Op[] = [
      { op: 'removeConnection', id: call.id },
      addComponent({
        id: queue,
        type,
        label: `${ctx.name(backend)} work queue`,
        config: queueConfig(type),
        position: near(ctx, backend, -120, 140),
      }),
      connect(caller, queue, 'publish', { retries: 3, ...(share < 1 && { share }) }),
      connect(queue, backend, 'consume', { retries: p.retries, ...(p.idempotent && { idempotent: true }) }),
    ];
    return patternChangeSet(
      'queue-based-load-leveling',
      `Queue-based load leveling: ${ctx.name(caller)} publishes to ${ctx.name(backend)} work queue (${type}, dead-letter queue on) instead of calling ${ctx.name(backend)}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Queue-based load leveling',
    description: 'Checkout calls the invoicing service synchronously and waits up to 10 s for the PDF to be rendered and stored; a queue lets checkout answer at once.',
    constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', position: { x: 480, y: 0 } },
      { id: 'invoicing', type: 'service', label: 'Invoicing', config: { replicas: 2, vcpus: 1 }, position: { x: 720, y: 0 } },
      { id: 'invoices', type: 'postgresql', label: 'Invoices DB', config: { multiAz: true }, position: { x: 960, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'checkout', type: 'http' },
      { from: 'checkout', to: 'invoicing', type: 'http', config: { timeoutMs: 10000, share: 0.4 } },
      { from: 'invoicing', to: 'invoices', type: 'write' },
    ],
  },
});
