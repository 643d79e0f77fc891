import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { deadlineOf, worstCase } from '../resilience/wiring';
import { connectionById, copyTelemetry, keepConfig, newServiceConfig, num, serviceCallConfig, SERVICE_CALLS, telemetrySibling } from '../scalability/wiring';

const params = z.object({
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(900000)
    .optional()
    .describe(
      'Timeout of the callers’ calls to the translator. Unset: long enough for the translator’s own call to the external system (every attempt and backoff) plus 10 %, or 2 s when that call has no timeout; cut to fit the caller’s own deadline.',
    ),
});

/** Share of a caller's deadline kept for its own work, and of the translator's timeout kept for its own (as the timeout pattern's default margin). */
const MARGIN = 0.1;
const DEFAULT_TIMEOUT_MS = 2000;
const floor50 = (n: number) => Math.max(50, Math.floor(n / 50) * 50);

/**
 * Timeouts that nest: the caller waits for the translator longer than the translator's call to the external system can
 * take (all attempts and backoffs), and no longer than its own caller waits for it. When the original call did not fit
 * the caller's deadline, the translator's per-attempt timeout is cut so that both do.
 */
function nestedTimeouts(ctx: PatternContext, caller: string, inner: Record<string, unknown>, asked: number | undefined): { outer: number; innerTimeoutMs?: number } {
  const innerTimeout = inner.timeoutMs as number | undefined;
  let outer = asked ?? (innerTimeout === undefined ? DEFAULT_TIMEOUT_MS : Math.ceil(worstCase(inner, innerTimeout) / (1 - MARGIN) / 1000) * 1000);
  const deadline = deadlineOf(ctx, caller)?.ms;
  if (deadline !== undefined && outer >= deadline) outer = floor50(deadline * (1 - MARGIN));
  if (innerTimeout === undefined || worstCase(inner, innerTimeout) < outer) return { outer };
  const attempts = ((inner.retries as number | undefined) ?? 0) + 1;
  return { outer, innerTimeoutMs: floor50((outer * (1 - MARGIN) - worstCase(inner, 0)) / attempts) };
}

/** Legacy or third-party systems: the external-api role, or a component named legacy. */
const external = (ctx: PatternContext, id: string) => ctx.hasRole(id, 'external-api') || (/legacy|mainframe/i.test(`${id} ${ctx.component(id)!.label ?? ''}`) && !ctx.hasRole(id, 'datastore'));

/** A translator already: a service of ours whose only work is calling that one external system. */
function translator(ctx: PatternContext, id: string, system: string): boolean {
  return ctx.outgoing(id).every((c) => c.to === system || c.type === 'telemetry') && ctx.incoming(id, SERVICE_CALLS).length > 0;
}

export default definePattern({
  id: 'anti-corruption-layer',
  name: 'Anti-corruption layer',
  category: 'networking',
  difficulty: 'intermediate',
  problem:
    'A service calls a legacy or third-party system directly and speaks its model: its field names, codes, error conventions, pagination and quirks leak into our domain code. Every service that integrates repeats the mapping slightly differently, and when the vendor changes a version or the legacy system is replaced, all of them have to change at once.',
  solution:
    'Put a translator service between our services and the external system. Our services call it in our own domain terms; it maps requests and responses both ways, normalises errors and retries, enforces the external system’s rate limits and credentials in one place, and can cache or queue where the external system is slow. Replacing the external system later means rewriting one adapter.',
  tradeoffs: {
    latency: 'One more internal hop, 1–5 ms within a region, next to external calls that usually take 100 ms or more.',
    cost: 'One more service to run (two small instances, about $36 a month on Fargate) and to keep in step with the external API’s versions.',
    operations: 'The translator becomes the single owner of the integration: its contract tests against the external sandbox, its credentials and its quota dashboards live there, and so does its on-call.',
    consistency: 'The translation must be lossless where it matters: fields our model drops cannot be sent back later, so decide early what the domain keeps.',
  },
  avoidWhen:
    'The external API already matches our model (a well-designed SaaS API used by one service), the integration is a one-off script, or the external system is being decommissioned soon.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const c of doc.connections) {
      if (!(SERVICE_CALLS as readonly string[]).includes(c.type) || !ctx.hasRole(c.from, 'service') || !external(ctx, c.to)) continue;
      if (translator(ctx, c.from, c.to)) continue;
      const rate = ctx.peakRps(c.id);
      targets.push({
        components: [c.from, c.to],
        connections: [c.id],
        reason: `${ctx.name(c.from)} calls ${ctx.name(c.to)} directly${rate > 0 ? ` (~${num(rate)} requests/s at peak)` : ''}: its model, error codes and limits are handled inside ${ctx.name(c.from)}'s own code, alongside its domain logic.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const call = connectionById(doc, target.connections[0]!);
    const [caller, system] = [call.from, call.to];
    const id = idMaker(doc);
    const type = typeFor(doc, 'container-service');
    const adapter = id(`${system}-adapter`);
    const peak = ctx.peakRps(call.id);
    const share = ctx.connectionConfig(call).share as number;
    const sibling = telemetrySibling(ctx, caller);
    // the adapter takes over the call as it was (timeout, retries, backoff, breaker); the caller waits for all of it
    const inner = keepConfig(call.type, call.config, ['share']);
    const { outer, innerTimeoutMs } = nestedTimeouts(ctx, caller, ctx.connectionConfig({ ...call, config: inner }), p.timeoutMs);
    const innerConfig = innerTimeoutMs === undefined ? inner : { ...inner, timeoutMs: innerTimeoutMs };
    const ops: Op[] = [
      { op: 'removeConnection', id: call.id },
      addComponent({
        id: adapter,
        type,
        label: `${ctx.name(system)} adapter`,
        notes: `Anti-corruption layer: translates between our domain model and ${ctx.name(system)}'s API.`,
        config: newServiceConfig(type, peak, peak / ctx.traffic.peakToAverage),
        position: near(ctx, system, -120, 140),
      }),
      // the caller still asks for the same thing (the label), in our terms; what the notes say about the external API now concerns the adapter
      {
        op: 'addConnection',
        connection: { from: caller, to: adapter, type: 'http', ...(call.label !== undefined && { label: call.label }), config: { ...serviceCallConfig(doc, outer), ...(share < 1 && { share }) } },
      },
      {
        op: 'addConnection',
        connection: {
          from: adapter,
          to: system,
          type: call.type,
          ...(call.label !== undefined && { label: call.label }),
          ...(call.notes !== undefined && { notes: call.notes }),
          ...(innerConfig && { config: innerConfig }),
        },
      },
      ...(sibling ? copyTelemetry(ctx, sibling, adapter) : []),
    ];
    return patternChangeSet(
      'anti-corruption-layer',
      `Anti-corruption layer: ${ctx.name(caller)} calls ${ctx.name(system)} adapter (${type}) with a ${num(outer / 1000)} s timeout; the adapter translates to ${ctx.name(system)}${innerTimeoutMs === undefined ? '' : ` (${num(innerTimeoutMs / 1000)} s per attempt, to fit ${ctx.name(caller)}'s deadline)`}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Anti-corruption layer',
    description: 'The Orders service calls the legacy ERP’s SOAP API directly; an adapter service translates between the two models.',
    constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { peakRps: 100 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'erp', type: 'client.external', label: 'Legacy ERP (SOAP)', position: { x: 720, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'orders', type: 'http' },
      { from: 'orders', to: 'erp', type: 'http', config: { timeoutMs: 10000, retries: 2, share: 0.3 } },
      { from: 'orders', to: 'db', type: 'write' },
    ],
  },
});
