import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { connect, connectionById, copyTelemetry, keepConfig, newServiceConfig, num, serviceCallConfig, SERVICE_CALLS, telemetrySibling } from '../scalability/wiring';

const params = z.object({
  timeoutMs: z.number().int().min(100).max(60000).default(2000).describe('Timeout of the callers’ calls to the translator.'),
});

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
      connect(caller, adapter, 'http', { ...serviceCallConfig(doc, p.timeoutMs), ...(share < 1 && { share }) }),
      connect(adapter, system, call.type, keepConfig(call.type, call.config, ['share'])),
      ...(sibling ? copyTelemetry(ctx, sibling, adapter) : []),
    ];
    return patternChangeSet(
      'anti-corruption-layer',
      `Anti-corruption layer: ${ctx.name(caller)} calls ${ctx.name(system)} adapter (${type}), which translates to ${ctx.name(system)}`,
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
