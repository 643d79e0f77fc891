import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, connectionById, instanceBounds, num } from './wiring';

const params = z.object({
  minConsumers: z.number().int().min(2).max(100).default(2).describe('Consumer instances kept running, so one crash or deploy does not stop the queue.'),
  idempotent: z.boolean().default(true).describe('Mark the consume connection idempotent: consumers record processed message ids and skip redeliveries.'),
});

/** Sources whose messages a group of consumers can share: queues, subscriptions and partitioned logs. */
const SOURCES = ['queue', 'topic', 'stream'] as const;

/** Instances a consumer runs, and whether it can run more than one at all (function platforms scale on their own). */
function instances(ctx: PatternContext, id: string): number | undefined {
  if (ctx.hasRole(id, 'serverless')) return undefined;
  const keys = configKeys(ctx.component(id)!.type);
  if (!keys.has('replicas')) return undefined;
  const config = ctx.config(id);
  const autoscaling = config.autoscaling as { min: number; max: number } | undefined;
  if (autoscaling) return autoscaling.max;
  return typeof config.replicas === 'number' ? config.replicas : 1;
}

export default definePattern({
  id: 'competing-consumers',
  name: 'Competing consumers',
  category: 'scalability',
  difficulty: 'beginner',
  problem:
    'One consumer instance reads a queue. Its throughput is the ceiling of the whole flow: when producers outrun it the backlog grows and every message waits longer, and when it crashes or is redeployed nothing is processed at all while messages pile up.',
  solution:
    'Run several instances of the consumer against the same queue (or the same consumer group on a log). Each message is handed to one of them: the broker hides it from the others while it is in flight (SQS visibility timeout, Service Bus peek-lock, Pub/Sub ack deadline) and redelivers it if the holder dies. Throughput grows with the instance count, an autoscaler can follow the queue depth, and losing one instance only slows the flow down.',
  tradeoffs: {
    consistency:
      'Order is lost: two messages for the same order can be processed at once by different instances, and the second can finish first. Keep order per key with FIFO message groups, Service Bus sessions, Pub/Sub ordering keys or Kafka partition keys, which caps parallelism at the number of keys (or partitions) in flight.',
    operations:
      'Delivery is at-least-once: a consumer that dies after its side effects but before acknowledging makes the message reappear on another instance. Handlers must be idempotent (a processed-id table or conditional writes), and the visibility timeout must exceed the slowest handler or messages run twice while still in progress.',
    cost: 'Each extra instance is billed: a second 0.5 vCPU / 1 GB Fargate task is about $18 a month on demand; with queue-depth autoscaling the extra instances run only while there is a backlog.',
  },
  avoidWhen:
    'Messages must be processed strictly in publish order across the whole queue, the consumer holds in-memory state across messages (windowed aggregates), or a Kafka topic has fewer partitions than the consumers you would add (the extra ones sit idle).',
  addresses: ['spof'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const source of ctx.withRole(...SOURCES)) {
      for (const c of ctx.outgoing(source, ['consume'])) {
        const consumer = c.to;
        const running = instances(ctx, consumer);
        if (running === undefined || running > 1) continue;
        const rate = ctx.peakRps(c.id);
        const average = rate / ctx.traffic.peakToAverage;
        const stream = ctx.hasRole(source, 'stream') && !ctx.hasRole(source, 'queue');
        const partitions = ctx.config(source).partitions;
        targets.push({
          components: [consumer, source],
          connections: [c.id],
          reason: `${ctx.name(consumer)} is the only instance reading ${ctx.name(source)}${rate > 0 ? ` (~${num(rate)} messages/s at peak, ~${num(average)}/s on average)` : ''}: its throughput caps the flow and a crash or deploy stops processing while ${ctx.name(source)} backs up${stream && typeof partitions === 'number' ? `; the ${num(partitions)} partitions allow up to ${num(partitions)} members in its consumer group` : ''}.`,
        });
      }
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const [consumer, source] = target.components as [string, string];
    const component = ctx.component(consumer);
    if (!component) throw new Error(`component ${consumer} is not in the document`);
    const keys = configKeys(component.type);
    const rate = ctx.peakRps(consumer);
    const bounds = instanceBounds(component.type, ctx.config(consumer), rate, rate / ctx.traffic.peakToAverage, p.minConsumers);
    const min = bounds?.min ?? p.minConsumers;
    const max = Math.max(bounds?.max ?? 0, min * 2);
    const config: Record<string, unknown> = {};
    if (keys.has('replicas')) config.replicas = min;
    if (keys.has('autoscaling')) config.autoscaling = { min, max };
    const ops: Op[] = [{ op: 'updateComponent', id: consumer, config }];
    if (p.idempotent) {
      for (const id of target.connections) {
        const c = connectionById(doc, id);
        if (c.type === 'consume' && c.config?.idempotent !== true) ops.push({ op: 'updateConnection', id, config: { idempotent: true } });
      }
    }
    const scale = keys.has('autoscaling') ? `${min}–${max} instances` : `${min} instances`;
    return patternChangeSet(
      'competing-consumers',
      `Competing consumers: ${ctx.name(consumer)} runs ${scale} on ${ctx.name(source)}${p.idempotent ? ', idempotent handling' : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Competing consumers',
    description: 'One fulfilment worker drains the placed-orders queue; several instances sharing the queue keep up with the backlog and survive losing one.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Storefront', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'queue', type: 'aws.sqs', label: 'Placed orders', config: { deadLetter: true }, position: { x: 720, y: 0 } },
      { id: 'worker', type: 'service', label: 'Fulfilment worker', config: { replicas: 1 }, position: { x: 960, y: 0 } },
      { id: 'db', type: 'aws.dynamodb', label: 'Shipments', position: { x: 1200, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http' },
      { from: 'orders', to: 'queue', type: 'publish', config: { share: 0.3 } },
      { from: 'queue', to: 'worker', type: 'consume' },
      { from: 'worker', to: 'db', type: 'write' },
    ],
  },
});
