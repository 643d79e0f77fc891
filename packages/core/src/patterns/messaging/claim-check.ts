import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { configKeys, connect, fits, num } from '../scalability/wiring';

const params = z.object({
  thresholdKb: z
    .number()
    .min(1)
    .max(102400)
    .default(256)
    .describe('Messages larger than this (KB) are stored in object storage and sent as a reference; lower than the broker’s limit, since large messages cost more (SQS bills per 64 KB).'),
  referenceSizeKb: z.number().min(0.1).max(64).default(1).describe('Size of the message that still travels: the object key plus metadata, in KB.'),
  retentionDays: z.number().int().min(1).max(3650).default(14).describe('Days a stored payload is kept (lifecycle rule); longer than the queue’s retention plus redrive time.'),
});

/** Largest message each broker accepts, in KB (provider limits; Service Bus depends on the tier). */
function limitKb(ctx: PatternContext, id: string): number | undefined {
  const type = ctx.component(id)!.type;
  switch (type) {
    case 'aws.sqs':
    case 'aws.eventbridge':
      return 1024;
    case 'aws.sns':
      return 256;
    case 'aws.kinesis':
    case 'azure.event-hubs':
    case 'kafka':
      return 1024;
    case 'gcp.pubsub':
      return 10240;
    case 'azure.service-bus':
      return ctx.config(id).sku === 'Premium' ? 102400 : 256;
    case 'rabbitmq':
      return 131072;
    default:
      return undefined;
  }
}

const MESSAGING = ['queue', 'topic', 'stream', 'event-bus'] as const;

function messageSizeKb(ctx: PatternContext, id: string): number | undefined {
  const usage = ctx.config(id).usage as { requestSizeKb?: number } | undefined;
  return usage?.requestSizeKb;
}

/**
 * The fraction of a consumer's traffic that is deliveries from the channel: a consumer that also serves other requests
 * fetches a payload only for the messages it receives. 1 when the traffic model has no rate for it.
 */
function deliveredShare(ctx: PatternContext, channel: string, consumer: string): number {
  const total = ctx.peakRps(consumer);
  if (!(total > 0)) return 1;
  const delivered = ctx
    .outgoing(channel, ['consume'])
    .filter((c) => c.to === consumer)
    .reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
  return Math.min(1, Math.round((delivered / total) * 1e6) / 1e6);
}

export default definePattern({
  id: 'claim-check',
  name: 'Claim check',
  category: 'messaging',
  difficulty: 'intermediate',
  problem:
    'Messages carry large payloads (documents, images, long prompts, big JSON batches) through the broker. They hit the broker’s size limit (256 KB on SNS and Service Bus Standard, 1 MB on SQS, EventBridge and Kafka by default), they are billed by size (SQS counts every 64 KB as one request), and they slow every hop: each retry, each dead-letter move and each subscriber copies the whole payload.',
  solution:
    'The producer writes the payload to object storage under a unique key and publishes a small message holding only the key (the claim check) and the metadata consumers route on. Consumers fetch the payload from storage when they process the message. A lifecycle rule deletes payloads after the retention window, so the bucket does not grow forever.',
  tradeoffs: {
    latency: 'One object write for the producer and one read per consumer: 20–100 ms each on S3, GCS or Blob Storage in the same region, on top of the message itself.',
    consistency:
      'The message and the object are written separately: a producer that crashes in between leaves an orphan object (harmless, the lifecycle rule removes it) or must write the object first so a message never points at nothing. Payloads must be immutable once referenced.',
    cost: 'Object storage is billed per request and per GB-month: S3 charges $0.005 per 1,000 PUTs and $0.0004 per 1,000 GETs in us-east-1, usually less than the per-64 KB charges of large SQS messages, and the broker throughput drops to a few KB per message.',
    operations: 'Access to the bucket must be granted to every consumer and kept in step with the subscriptions; payloads holding personal data need the same encryption and deletion rules as the rest of the data.',
  },
  avoidWhen:
    'Messages are small (a few KB: an id and a status), consumers need the payload to filter or route without fetching it, or the producer and consumers cannot share a storage account.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const { thresholdKb } = params.parse({});
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole(...MESSAGING)) {
      const size = messageSizeKb(ctx, id);
      const limit = limitKb(ctx, id);
      if (size === undefined || size <= Math.min(thresholdKb, limit ?? Infinity)) continue;
      const publishes = ctx.incoming(id, ['publish']).filter((c) => !ctx.hasRole(c.from, 'object-storage'));
      const reads = ctx.outgoing(id, ['consume']);
      if (publishes.length === 0) continue;
      const rate = ctx.peakRps(id);
      const gbPerDay = (rate / ctx.traffic.peakToAverage) * 86400 * size / (1024 * 1024);
      targets.push({
        components: [id, ...new Set(publishes.map((c) => c.from)), ...new Set(reads.map((c) => c.to))],
        connections: [...publishes.map((c) => c.id), ...reads.map((c) => c.id)],
        reason: `${ctx.name(id)} carries ~${num(size)} KB messages${limit !== undefined && size > limit ? `, above the ${num(limit)} KB limit of ${ctx.component(id)!.type}` : ''}${ctx.component(id)!.type === 'aws.sqs' ? ` (each billed as ${Math.ceil(size / 64)} requests of 64 KB)` : ''}${rate > 0 ? `; at ~${num(rate)} messages/s at peak that is ~${num(gbPerDay)} GB a day through the broker` : ''}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const channel = target.components[0]!;
    const component = ctx.component(channel);
    if (!component) throw new Error(`component ${channel} is not in the document`);
    const id = idMaker(doc);
    const type = typeFor(doc, 'object-storage');
    const bucket = id(`${channel}-payloads`);
    const keys = configKeys(type);
    const personal = ctx.config(channel).personalData === true;
    const storageConfig: Record<string, unknown> = {
      ...(keys.has('encryptedAtRest') && { encryptedAtRest: true }),
      ...(keys.has('personalData') && personal && { personalData: true }),
    };
    const ops: Op[] = [
      addComponent({
        id: bucket,
        type,
        label: `${ctx.name(channel)} payloads`,
        config: storageConfig,
        notes: `Claim-check store: producers write each payload here and publish its key; lifecycle rule deletes objects after ${p.retentionDays} days.`,
        position: near(ctx, channel, 0, 140),
      }),
    ];
    const size = messageSizeKb(ctx, channel) ?? 0;
    const usage = (component.config?.usage ?? {}) as Record<string, unknown>;
    ops.push({ op: 'updateComponent', id: channel, config: { usage: { ...usage, requestSizeKb: p.referenceSizeKb } } });
    // each payload write replaces a publish and each read a delivery: the store connections carry the messages' rate,
    // not the producer's or consumer's whole request rate
    const writers = new Set<string>();
    for (const c of ctx.incoming(channel, ['publish'])) {
      if (ctx.hasRole(c.from, 'object-storage') || writers.has(c.from) || !fits('write', ctx.component(c.from)!.type, type)) continue;
      writers.add(c.from);
      const publishes = ctx.incoming(channel, ['publish']).filter((d) => d.from === c.from);
      const share = Math.min(1, publishes.reduce((sum, d) => sum + (ctx.connectionConfig(d).share as number), 0));
      ops.push(connect(c.from, bucket, 'write', { timeoutMs: 5000, retries: 3, ...(share < 1 && { share }) }));
    }
    const readers = new Set<string>();
    for (const c of ctx.outgoing(channel, ['consume'])) {
      if (readers.has(c.to) || !fits('read', ctx.component(c.to)!.type, type)) continue;
      readers.add(c.to);
      const share = deliveredShare(ctx, channel, c.to);
      ops.push(connect(c.to, bucket, 'read', { timeoutMs: 5000, retries: 3, ...(share < 1 && { share }) }));
    }
    return patternChangeSet(
      'claim-check',
      `Claim check: ${[...writers].map((w) => ctx.name(w)).join(', ')} ${writers.size === 1 ? 'stores' : 'store'} ~${num(size)} KB payloads in ${ctx.name(channel)} payloads (${type}) and send ${p.referenceSizeKb} KB references`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Claim check',
    description: 'The export service queues 600 KB report batches on SQS, each billed as ten 64 KB requests and copied on every retry; storing them in S3 and queueing only the key keeps messages at 1 KB.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 50 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Back office', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'exports', type: 'service', label: 'Export service', position: { x: 480, y: 0 } },
      { id: 'batches', type: 'aws.sqs', label: 'Report batches', config: { deadLetter: true, usage: { requestSizeKb: 600 } }, position: { x: 720, y: 0 } },
      { id: 'renderer', type: 'service', label: 'Report renderer', position: { x: 960, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'exports', type: 'http' },
      { from: 'exports', to: 'batches', type: 'publish', config: { share: 0.2 } },
      { from: 'batches', to: 'renderer', type: 'consume' },
    ],
  },
});
