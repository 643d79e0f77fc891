import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { ASSUMED_FAILURE_RATE } from '../../health/rules/dead-letter-queue';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import { definePattern } from '../define';
import type { PatternTarget } from '../types';
import { fmt } from './wiring';

const params = z.object({
  maxDeliveries: z.number().int().min(1).max(100).default(5).describe('Deliveries of a message before it moves to the dead-letter queue (Pub/Sub allows 5–100).'),
  retentionDays: z.number().int().min(1).max(31).default(14).describe('Days the dead-letter queue keeps messages, where the type has the setting: long enough to fix the cause and redrive.'),
});

/** Types whose dead-letter queue is built in (a subqueue or exchange of the same broker): switching it on adds no component. */
const BUILT_IN = new Set(['azure.service-bus', 'rabbitmq']);

/**
 * A consumed queue or subscription with nowhere for poison messages: the `dead-letter-queue` rule's test, extended to
 * event buses that have a dead-letter setting (EventBridge targets dead-letter to SQS), which the rule does not check.
 */
function missingDeadLetter(ctx: PatternContext, id: string): boolean {
  const bus = ctx.hasRole(id, 'event-bus') && 'deadLetter' in (ctx.def(id)!.config.shape as Record<string, unknown>);
  if (!ctx.hasRole(id, 'queue') && !ctx.hasRole(id, 'topic') && !bus) return false;
  if (ctx.outgoing(id, ['consume']).length === 0) return false;
  if (ctx.config(id).deadLetter === true || ctx.outgoing(id, ['dead-letter']).length > 0) return false;
  return ctx.incoming(id, ['dead-letter']).length === 0;
}

export default definePattern({
  id: 'dead-letter-queue',
  name: 'Dead-letter queue',
  category: 'resilience',
  difficulty: 'beginner',
  problem:
    'A message that can never be processed — malformed, referring to a deleted record, or hitting a bug — is redelivered again and again. Depending on the broker it blocks the messages behind it (FIFO queues, ordered subscriptions), burns consumer capacity on every retry, and finally expires and disappears with no record of what was lost or why.',
  solution:
    'After a bounded number of deliveries the broker moves the message aside to a dead-letter queue, with its attributes and the failure count. The main queue keeps flowing; an alarm on the dead-letter queue\'s depth tells the team something is wrong; once the cause is fixed the parked messages are redriven to the source queue. The consumer must be idempotent, since a redriven message may have been partly processed before.',
  tradeoffs: {
    latency: 'None for healthy messages; a poison message stops costing retries after maxDeliveries (5 by default) instead of until it expires (4 days on SQS, 7 on Pub/Sub).',
    consistency: 'Dead-lettered messages are processed late or never, and out of order with the messages that followed them; consumers that rely on ordering must tolerate a gap or stop the partition instead.',
    cost: 'An extra queue is nearly free when empty (SQS and Pub/Sub bill per request; Service Bus and RabbitMQ dead-letter inside the existing namespace or broker).',
    operations: 'Someone must own the dead-letter queue: an alarm on its depth and age, a runbook to inspect and redrive, and a retention long enough to fix the cause (14 days here).',
  },
  avoidWhen:
    'Losing a failed message is acceptable and cheaper than handling it (telemetry, best-effort notifications), or the consumer already parks failures itself (a failed-jobs table with its own retry and alerting).',
  addresses: ['dead-letter-queue'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const component of doc.components) {
      const id = component.id;
      if (!missingDeadLetter(ctx, id)) continue;
      const consumers = ctx.outgoing(id, ['consume']);
      const rate = ctx.peakRps(id);
      const perDay = ctx.traffic.components.get(id)?.averageRps ?? 0;
      targets.push({
        components: [id, ...new Set(consumers.map((c) => c.to))],
        connections: consumers.map((c) => c.id),
        reason: `${ctx.name(id)} is consumed by ${[...new Set(consumers.map((c) => ctx.name(c.to)))].join(', ')} with no dead-letter queue${rate > 0 ? `: at ~${fmt(rate)} messages/s peak, even ${ASSUMED_FAILURE_RATE * 100} % poison messages is ~${fmt(perDay * ASSUMED_FAILURE_RATE * 86400)} a day retried until they expire and then lost without a trace` : ': a message that keeps failing is retried until it expires and is then lost without a trace'}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const id = target.components[0]!;
    const component = ctx.component(id);
    if (!component) throw new Error(`${id} is not in the document`);
    const config = ctx.config(id);
    const shape = ctx.def(id)!.config.shape as Record<string, unknown>;
    const name = ctx.name(id);
    const patch: Record<string, unknown> = {};
    if ('deadLetter' in shape) patch.deadLetter = true;
    if ('maxReceiveCount' in shape) patch.maxReceiveCount = p.maxDeliveries;
    if ('maxDeliveryAttempts' in shape) patch.maxDeliveryAttempts = Math.max(5, p.maxDeliveries);
    if ('maxDeliveryCount' in shape) patch.maxDeliveryCount = p.maxDeliveries;
    const ops: Op[] = [];
    let where: string;
    if (BUILT_IN.has(component.type)) {
      where = component.type === 'rabbitmq' ? 'a dead-letter exchange on the same broker' : 'its built-in dead-letter subqueue';
    } else {
      // SNS subscriptions and EventBridge targets dead-letter to an SQS queue; every other queue or topic to one of its own kind
      const type = component.type === 'aws.sns' || component.type === 'aws.eventbridge' ? 'aws.sqs' : component.type;
      const dlq = idMaker(doc)(`${id}-dlq`);
      const copy: Record<string, unknown> = {};
      if (type === component.type && config.fifo === true) copy.fifo = true; // a FIFO queue's dead-letter queue must be FIFO too
      for (const key of ['encryptedAtRest', 'personalData'] as const) if (config[key] !== undefined && config[key] !== false) copy[key] = config[key];
      if (type === 'gcp.pubsub') copy.messageRetentionDays = p.retentionDays;
      ops.push(addComponent({ id: dlq, type, label: `${name} DLQ`, config: copy, position: near(ctx, id, 0, 140) }));
      ops.push(addConnection({ from: id, to: dlq, type: 'dead-letter' }));
      where = `${dlq} (${type})`;
    }
    if (Object.keys(patch).length > 0) ops.push({ op: 'updateComponent', id, config: patch });
    return patternChangeSet('dead-letter-queue', `Dead-letter ${name} after ${p.maxDeliveries} deliveries into ${where}`, ops);
  },
  preview: {
    backarch: 1,
    name: 'Dead-letter queue',
    description: 'Invoices are queued for a PDF renderer; one malformed invoice would be retried until it expires, then vanish.',
    constraints: { cloud: 'aws', region: 'eu-central-1', traffic: { peakRps: 50 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Billing app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.lambda', label: 'Billing API', config: { memoryMb: 512 }, position: { x: 240, y: 0 } },
      { id: 'invoices', type: 'aws.sqs', label: 'Invoices to render', config: { encryptedAtRest: true, visibilityTimeoutS: 120 }, position: { x: 480, y: 0 } },
      { id: 'renderer', type: 'aws.lambda', label: 'PDF renderer', config: { memoryMb: 1024, timeoutMs: 60000 }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http', config: { timeoutMs: 10000 } },
      { from: 'api', to: 'invoices', type: 'publish', config: { retries: 3 } },
      { from: 'invoices', to: 'renderer', type: 'consume', config: { idempotent: true } },
    ],
  },
});
