import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { instanceCount, monthlyHours, monthlyRequests, termLabel, usage } from '../helpers';
import { count, isForeign, num, recordFor } from '../gcp/common';

/** Run time of one request when no `usage.averageDurationMs` is given. */
export const DEFAULT_REQUEST_DURATION_MS = 200;
/** Container Apps' default HTTP scale rule: 10 concurrent requests per replica. */
export const DEFAULT_CONCURRENCY = 10;

const OWN_TYPES = ['azure.container-apps'];

/** Replicas that run all month: Container Apps' and Cloud Run's minimum, or the replicas of a service / ECS tasks. */
function alwaysOn(ctx: PricerContext): number {
  const c = ctx.config;
  if (c.minInstances !== undefined) return c.minInstances as number;
  return instanceCount(ctx).count;
}

/**
 * Azure Container Apps. Consumption plan: vCPU-seconds while replicas are active (requests × duration ÷ concurrency),
 * the rest of the always-on replicas' time as idle vCPU-seconds (a lower rate), memory GiB-seconds for the whole
 * replica time (active and idle cost the same), and requests. The monthly free grant (per subscription) applies only
 * where the book's prices carry it as tiers. Dedicated plan: the plan management fee plus workload-profile node hours.
 */
export default definePricer({
  id: 'azure.container-apps',
  cloud: 'azure',
  equivalence: ['container-service'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const term = ctx.term === 'on-demand' ? '' : `${termLabel(ctx.term)}, `;
    const replicas = alwaysOn(ctx);
    if (c.plan === 'dedicated') {
      const profile = (c.workloadProfile as string | undefined) ?? 'D4';
      const nodes = Math.max(1, replicas);
      return {
        product: `Azure Container Apps (Dedicated, ${profile})`,
        items: [
          { name: 'Dedicated plan management', quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'azure', service: 'container-apps', sku: 'dedicated-management' }, usageBased: false },
          {
            name: `Workload profile nodes (${term}${profile} × ${nodes})`,
            quantity: monthlyHours(nodes),
            unit: 'hours',
            price: { cloud: 'azure', service: 'container-apps', sku: `dedicated-${profile.toLowerCase()}`, term: ctx.term },
            usageBased: false,
          },
        ],
        notes: [`${nodes} node${nodes > 1 ? 's' : ''} of the ${profile} profile (minInstances, at least 1)`],
      };
    }
    const vcpus = (c.vcpus as number | undefined) ?? 0.5;
    const memoryGib = ((c.memoryMb as number | undefined) ?? 1024) / 1024;
    const requests = monthlyRequests(ctx);
    const durationMs = u.averageDurationMs ?? DEFAULT_REQUEST_DURATION_MS;
    const concurrency = (c.concurrency as number | undefined) ?? DEFAULT_CONCURRENCY;
    const busy = (requests * (durationMs / 1000)) / concurrency;
    const total = Math.max(replicas * SECONDS_PER_MONTH, busy);
    const idle = total - busy;
    const items: CostItem[] = [
      {
        name: `vCPU, active (${term}${num(vcpus)} vCPU)`,
        quantity: busy * vcpus,
        unit: 'vCPU-seconds',
        price: { cloud: 'azure', service: 'container-apps', sku: 'vcpu', term: ctx.term },
        usageBased: true,
      },
    ];
    if (idle > 0) {
      items.push({
        name: `vCPU, idle (${term}${replicas} always-on × ${num(vcpus)} vCPU)`,
        quantity: idle * vcpus,
        unit: 'vCPU-seconds',
        price: { cloud: 'azure', service: 'container-apps', sku: 'vcpu-idle', term: ctx.term },
        usageBased: false,
      });
    }
    items.push(
      {
        name: `Memory (${term}${num(memoryGib)} GiB, active and idle)`,
        quantity: total * memoryGib,
        unit: 'GB-seconds',
        price: { cloud: 'azure', service: 'container-apps', sku: 'memory', term: ctx.term },
        usageBased: replicas === 0,
      },
      { name: 'Requests', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'container-apps', sku: 'requests' }, usageBased: true },
    );
    const notes = [
      `${count(requests)} requests a month × ${Math.round(durationMs)} ms${u.averageDurationMs === undefined ? ' (default; set usage.averageDurationMs)' : ''} ÷ ${concurrency} concurrent requests per replica${c.concurrency === undefined ? ' (HTTP scale rule default)' : ''} = ${count(busy)} active replica-seconds`,
      `${replicas} replica${replicas === 1 ? '' : 's'} always on${replicas > 0 ? `: ${count(total)} replica-seconds in all` : ''}`,
    ];
    if (ctx.term === 'spot') notes.push('Container Apps has no Spot capacity: the vCPU and memory lines stay unknown (price the service on-demand to compare)');
    const vcpuRecord = recordFor(ctx, { cloud: 'azure', service: 'container-apps', sku: 'vcpu', term: ctx.term });
    if (!vcpuRecord?.tiers) notes.push('monthly free grant (180,000 vCPU-s, 360,000 GiB-s, 2M requests per subscription) not applied: the book has no tiers for these prices');
    const mapping = isForeign(ctx, OWN_TYPES) ? `${num(vcpus)} vCPU / ${num(memoryGib)} GiB replicas → consumption plan, ${replicas} always on` : undefined;
    return { product: 'Azure Container Apps (Consumption)', items, notes, ...(mapping && { mapping }) };
  },
});
