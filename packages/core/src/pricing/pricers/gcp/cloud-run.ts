import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { PriceTerm } from '../../price-book';
import type { CostItem, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { instanceCount, monthlyRequests, termLabel, usage } from '../helpers';
import { count, isForeign, num, plural } from './common';

/** Run time of one request when no `usage.averageDurationMs` is given. */
export const DEFAULT_REQUEST_DURATION_MS = 200;
/** Cloud Run's default maximum concurrent requests per instance, for configs that do not set `concurrency`. */
export const DEFAULT_CONCURRENCY = 80;

export type CloudRunBilling = 'request' | 'instance';

export interface CloudRunUsage {
  vcpus: number;
  memoryGib: number;
  requests: number;
  durationMs: number;
  concurrency: number;
  /** Request-based: instances kept warm (idle time billed at the idle rate). Instance-based: instances always on. */
  minInstances: number;
  billing: CloudRunBilling;
  term: PriceTerm;
  /** Bill the requests on `cloud-run` `requests` (Cloud Run services and Cloud Run functions). */
  requestLine?: string;
}

/**
 * Cloud Run compute as cost items. Request-based billing: vCPU-seconds and GiB-seconds only while requests are served,
 * i.e. requests × duration ÷ concurrency instance-seconds (requests sharing an instance are billed once), plus the
 * idle time of the minimum instances at the idle rate, plus requests. Instance-based billing: the whole lifetime of
 * the instances (the always-on ones, or more when the traffic needs more instance-seconds), no request fee.
 */
export function cloudRunItems(u: CloudRunUsage): { items: CostItem[]; busySeconds: number } {
  const busySeconds = (u.requests * (u.durationMs / 1000)) / u.concurrency;
  const vcpu = (seconds: number, billing: string, name: string): CostItem => ({
    name,
    quantity: seconds * u.vcpus,
    unit: 'vCPU-seconds',
    price: { cloud: 'gcp', service: 'cloud-run', sku: 'vcpu', term: u.term, attributes: { billing } },
    usageBased: billing !== 'instance',
  });
  const memory = (seconds: number, billing: string, name: string): CostItem => ({
    name,
    quantity: seconds * u.memoryGib,
    unit: 'GB-seconds',
    price: { cloud: 'gcp', service: 'cloud-run', sku: 'memory', term: u.term, attributes: { billing } },
    usageBased: billing !== 'instance',
  });
  const size = `${num(u.vcpus)} vCPU, ${num(u.memoryGib)} GiB`;
  const term = u.term === 'on-demand' ? '' : `${termLabel(u.term)}, `;
  const items: CostItem[] = [];
  if (u.billing === 'instance') {
    const seconds = Math.max(u.minInstances * SECONDS_PER_MONTH, busySeconds);
    items.push(
      vcpu(seconds, 'instance', `CPU (${term}instance-based, ${plural(seconds / SECONDS_PER_MONTH, 'instance')} × ${num(u.vcpus)} vCPU)`),
      memory(seconds, 'instance', `Memory (${term}instance-based, ${plural(seconds / SECONDS_PER_MONTH, 'instance')} × ${num(u.memoryGib)} GiB)`),
    );
    return { items, busySeconds };
  }
  items.push(
    vcpu(busySeconds, 'request', `CPU while serving requests (${term}${size})`),
    memory(busySeconds, 'request', `Memory while serving requests (${term}${size})`),
  );
  const idle = Math.max(0, u.minInstances * SECONDS_PER_MONTH - busySeconds);
  if (idle > 0) {
    items.push(
      vcpu(idle, 'idle', `Idle minimum instances CPU (${term}${u.minInstances} × ${num(u.vcpus)} vCPU)`),
      memory(idle, 'idle', `Idle minimum instances memory (${term}${u.minInstances} × ${num(u.memoryGib)} GiB)`),
    );
  }
  items.push({
    name: u.requestLine ?? 'Requests',
    quantity: u.requests / 1e6,
    unit: '1M requests',
    price: { cloud: 'gcp', service: 'cloud-run', sku: 'requests' },
    usageBased: true,
  });
  return { items, busySeconds };
}

const OWN_TYPES = ['gcp.cloud-run'];

/** How a config of any container-service type maps onto Cloud Run. */
function billingOf(ctx: PricerContext): { billing: CloudRunBilling; minInstances: number; why?: string } {
  const c = ctx.config;
  if (c.billing === 'request' || c.billing === 'instance') return { billing: c.billing, minInstances: (c.minInstances as number | undefined) ?? 0 };
  if (c.plan !== undefined) {
    // Azure Container Apps: consumption scales with requests; dedicated workload profiles run all the time
    const min = (c.minInstances as number | undefined) ?? 0;
    return c.plan === 'dedicated'
      ? { billing: 'instance', minInstances: Math.max(1, min), why: `dedicated plan → instance-based billing, ${plural(Math.max(1, min), 'always-on instance')}` }
      : { billing: 'request', minInstances: min, why: `consumption plan → request-based billing, ${plural(min, 'minimum instance')}` };
  }
  // `service`, ECS tasks…: replicas that run all month
  const { count: replicas } = instanceCount(ctx);
  return { billing: 'instance', minInstances: replicas, why: `${plural(replicas, 'replica')} running all month → instance-based billing, ${plural(replicas, 'always-on instance')}` };
}

/**
 * Cloud Run services (and any container service mapped here: the neutral `service`, ECS tasks, Container Apps).
 * Request-based billing charges vCPU and memory only while requests are served (requests × duration ÷ concurrency),
 * the idle time of minimum instances and the requests; instance-based billing charges the always-on instances for the
 * whole month and no request fee. The monthly free tier (per billing account) is not applied.
 */
export default definePricer({
  id: 'gcp.cloud-run',
  cloud: 'gcp',
  equivalence: ['container-service'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const vcpus = (c.vcpus as number | undefined) ?? 1;
    const memoryGib = ((c.memoryMb as number | undefined) ?? 512) / 1024;
    const requests = monthlyRequests(ctx);
    const durationMs = u.averageDurationMs ?? DEFAULT_REQUEST_DURATION_MS;
    const { billing, minInstances, why } = billingOf(ctx);
    const askedConcurrency = (c.concurrency as number | undefined) ?? DEFAULT_CONCURRENCY;
    // Cloud Run serves one request at a time on instances with less than 1 vCPU
    const concurrency = vcpus < 1 ? 1 : askedConcurrency;
    const { items, busySeconds } = cloudRunItems({ vcpus, memoryGib, requests, durationMs, concurrency, minInstances, billing, term: ctx.term });
    const notes = [
      `${count(requests)} requests a month × ${Math.round(durationMs)} ms${u.averageDurationMs === undefined ? ' (default; set usage.averageDurationMs)' : ''} ÷ concurrency ${concurrency}${
        c.concurrency === undefined && vcpus >= 1 ? ' (Cloud Run default)' : ''
      } = ${count(busySeconds)} instance-seconds serving requests`,
    ];
    if (vcpus < 1 && askedConcurrency > 1) notes.push(`instances with less than 1 vCPU serve one request at a time: concurrency 1, not ${askedConcurrency}`);
    if (billing === 'instance' && busySeconds > minInstances * SECONDS_PER_MONTH) notes.push(`the traffic needs more than ${plural(minInstances, 'always-on instance')}: billed for ${count(busySeconds)} instance-seconds`);
    notes.push('monthly free tier (per billing account) not applied');
    if (ctx.term === 'spot') notes.push('Cloud Run has no Spot capacity: the CPU and memory lines stay unknown (price the service on-demand to compare)');
    const mapping = isForeign(ctx, OWN_TYPES) && why ? `${num(vcpus)} vCPU / ${num(memoryGib)} GiB; ${why}` : undefined;
    return {
      product: `Cloud Run (${billing}-based billing)`,
      items,
      notes,
      ...(mapping && { mapping }),
    };
  },
});
