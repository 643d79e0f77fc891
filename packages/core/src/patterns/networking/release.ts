import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { addComponent, copiedConfig, idMaker, near, type PatternContext } from '../context';
import { configKeys, connect, copyOutgoing } from '../scalability/wiring';

/**
 * Shared by blue-green deployment and canary release: a second copy of a service behind the component that routes to
 * it, splitting the router's traffic between the two by `share`.
 */

export const ROUTED = ['http', 'grpc', 'graphql'];

/** The outgoing connections of a component as a comparable signature: target and type of each, telemetry included. */
function signature(ctx: PatternContext, id: string): string {
  return ctx
    .outgoing(id)
    .map((c) => `${c.to}|${c.type}`)
    .sort()
    .join(',');
}

/** Whether `id` already has a copy behind `router`: same type, same outgoing connections. */
export function hasTwin(ctx: PatternContext, router: string, id: string): boolean {
  const type = ctx.component(id)!.type;
  const mine = signature(ctx, id);
  return ctx.outgoing(router, ROUTED).some((c) => c.to !== id && ctx.component(c.to)?.type === type && signature(ctx, c.to) === mine);
}

/** Routed connections from a router (by role) to a service of ours with no copy behind it yet. */
export function routedServices(ctx: PatternContext, routerRoles: ReadonlyArray<'load-balancer' | 'gateway'>): Connection[] {
  return ctx.doc.connections.filter(
    (c) =>
      ROUTED.includes(c.type) &&
      routerRoles.some((r) => ctx.hasRole(c.from, r)) &&
      ctx.hasRole(c.to, 'service') &&
      ctx.incoming(c.to, ROUTED).filter((i) => i.from === c.from).length === 1 &&
      !hasTwin(ctx, c.from, c.to),
  );
}

/**
 * Ops adding a copy of the service `route` leads to, with the same config (at least two instances where the type has
 * replicas; without the `usage` override, as the copy's load comes over its own connection), the same outgoing
 * connections, and a connection from the router carrying `newShare` of what `route` carried; `route` keeps the rest.
 */
export function addCopy(ctx: PatternContext, route: Connection, suffix: string, labelSuffix: string, newShare: number): { id: string; ops: Op[] } {
  const service = ctx.component(route.to)!;
  const id = idMaker(ctx.doc)(`${service.id}-${suffix}`);
  const share = ctx.connectionConfig(route).share as number;
  const config = copiedConfig(service.config);
  const replicas = ctx.config(service.id).replicas;
  if (configKeys(service.type).has('replicas') && !ctx.hasRole(service.id, 'serverless') && !(typeof replicas === 'number' && replicas >= 2)) config.replicas = 2;
  const round = (n: number) => Math.round(n * 10000) / 10000;
  const ops: Op[] = [
    addComponent({ id, type: service.type, label: `${ctx.name(service.id)} ${labelSuffix}`, config, position: near(ctx, service.id, 0, 140) }),
    { op: 'updateConnection', id: route.id, config: { share: round(share * (1 - newShare)) } },
    connect(route.from, id, route.type, { ...route.config, share: round(share * newShare) }),
    ...copyOutgoing(ctx, service.id, id),
  ];
  return { id, ops };
}
