import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, copiedConfig, idMaker, inSelection, near, patternChangeSet, patternContext, round3, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, connect, copyOutgoing, isDeadLetterQueue, names, num, queueConfig } from './wiring';

const params = z.object({
  urgentShare: z.number().min(0.01).max(0.9).default(0.1).describe('Share of the messages that are urgent and go to the high-priority queue (0.01–0.9).'),
});

/** Producers of a queue (distinct, in connection order). */
function producers(ctx: PatternContext, queue: string): string[] {
  return [...new Set(ctx.incoming(queue, ['publish']).map((c) => c.from))];
}

/** Whether the queue already has a priority sibling: one of its producers also publishes to another work queue of the same type. */
function split(ctx: PatternContext, queue: string): boolean {
  const type = ctx.component(queue)!.type;
  return producers(ctx, queue).some((p) =>
    ctx.outgoing(p, ['publish']).some((c) => c.to !== queue && ctx.component(c.to)?.type === type && ctx.hasRole(c.to, 'queue') && !isDeadLetterQueue(ctx, c.to)),
  );
}

export default definePattern({
  id: 'priority-queue',
  name: 'Priority queue',
  category: 'scalability',
  difficulty: 'intermediate',
  problem:
    'Several producers share one queue, so urgent work (a password reset, a paid order, a user waiting on a screen) sits behind bulk work (nightly exports, re-indexing, marketing sends) in arrival order. When a bulk job floods the queue, the urgent messages wait as long as the backlog takes to drain, and scaling the consumers only helps once the whole backlog is paid for.',
  solution:
    'Split the traffic: producers send urgent messages to a second, high-priority queue and bulk work to the original one. Each queue has its own consumer pool, so the urgent pool is never behind a bulk backlog; it can be kept small and always warm, and the bulk pool can be scaled, throttled or paused on its own. Both queues keep a dead-letter queue.',
  tradeoffs: {
    latency:
      'Urgent messages wait only behind other urgent messages: seconds instead of the length of the bulk backlog. Bulk latency is unchanged or longer, since it no longer borrows the urgent pool.',
    consistency:
      'There is no ordering between the two queues: an urgent update can overtake an earlier bulk message about the same entity, so handlers must compare versions or timestamps rather than trust arrival order.',
    cost: 'A second consumer pool that is idle most of the time: at least two small instances (about $36 a month for two 0.5 vCPU Fargate tasks) plus a second queue, which costs nothing beyond its requests on SQS or Pub/Sub.',
    operations:
      'Producers must classify every message correctly, and the classification drifts ("everything is urgent"): watch the urgent queue’s share and age. Two queues, two dead-letter flows and two scaling policies to run.',
  },
  avoidWhen:
    'All messages have the same urgency, the broker already supports priorities natively and the volume is small (RabbitMQ priority queues, for a few levels), or strict ordering across all messages is required.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const queue of ctx.withRole('queue')) {
      if (isDeadLetterQueue(ctx, queue)) continue;
      const from = producers(ctx, queue);
      const consumers = ctx.outgoing(queue, ['consume']);
      if (from.length < 2 || consumers.length === 0 || split(ctx, queue)) continue;
      const rate = ctx.peakRps(queue);
      targets.push({
        components: [queue, ...from, ...consumers.map((c) => c.to)],
        connections: [...ctx.incoming(queue, ['publish']).map((c) => c.id), ...consumers.map((c) => c.id)],
        reason: `${ctx.name(queue)} carries the work of ${names(from.map((p) => ctx.name(p)))}${rate > 0 ? ` (~${num(rate)} messages/s at peak)` : ''} in one line for ${names(consumers.map((c) => ctx.name(c.to)))}: a burst from one producer delays every other producer’s messages until the backlog drains.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const queue = target.components[0]!;
    const original = ctx.component(queue);
    if (!original) throw new Error(`component ${queue} is not in the document`);
    const id = idMaker(doc);
    const urgent = id(`${queue}-urgent`);
    const ops: Op[] = [
      addComponent({
        id: urgent,
        type: original.type,
        label: `${ctx.name(queue)} (urgent)`,
        config: queueConfig(original.type, copiedConfig(original.config)),
        position: near(ctx, queue, 0, 140),
      }),
      ...ctx.outgoing(queue, ['dead-letter']).map((c) => connect(urgent, c.to, 'dead-letter')),
    ];
    for (const c of ctx.incoming(queue, ['publish'])) {
      const share = ctx.connectionConfig(c).share as number;
      ops.push({ op: 'updateConnection', id: c.id, config: { share: round3(share * (1 - p.urgentShare)) } });
      ops.push(connect(c.from, urgent, 'publish', { ...c.config, share: round3(share * p.urgentShare) }));
    }
    const pools: string[] = [];
    for (const c of ctx.outgoing(queue, ['consume'])) {
      const consumer = ctx.component(c.to)!;
      const pool = id(`${consumer.id}-urgent`);
      pools.push(pool);
      const config = copiedConfig(consumer.config);
      const replicas = ctx.config(consumer.id).replicas;
      if (configKeys(consumer.type).has('replicas') && !ctx.hasRole(consumer.id, 'serverless')) config.replicas = Math.max(2, typeof replicas === 'number' ? replicas : 1);
      ops.push(
        addComponent({ id: pool, type: consumer.type, label: `${ctx.name(consumer.id)} (urgent)`, config, position: near(ctx, consumer.id, 0, 140) }),
        connect(urgent, pool, 'consume', c.config),
        ...copyOutgoing(ctx, consumer.id, pool),
      );
    }
    return patternChangeSet(
      'priority-queue',
      `Priority queue: ${Math.round(p.urgentShare * 100)} % of the messages of ${ctx.name(queue)} go to ${ctx.name(queue)} (urgent), consumed by ${pools.length === 1 ? 'its own pool' : `${pools.length} pools of their own`}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Priority queue',
    description: 'Orders and the nightly catalogue re-index share one job queue; a second queue for urgent jobs with its own workers keeps orders moving while the re-index runs.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'catalog', type: 'service', label: 'Catalogue admin', position: { x: 480, y: 140 } },
      { id: 'jobs', type: 'aws.sqs', label: 'Jobs', config: { deadLetter: true }, position: { x: 720, y: 0 } },
      { id: 'worker', type: 'service', label: 'Job worker', position: { x: 960, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Shop DB', config: { multiAz: true }, position: { x: 1200, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http', config: { share: 0.9 } },
      { from: 'api', to: 'catalog', type: 'http', config: { share: 0.1 } },
      { from: 'orders', to: 'jobs', type: 'publish', config: { share: 0.5 } },
      { from: 'catalog', to: 'jobs', type: 'publish' },
      { from: 'jobs', to: 'worker', type: 'consume' },
      { from: 'worker', to: 'db', type: 'write' },
    ],
  },
});
