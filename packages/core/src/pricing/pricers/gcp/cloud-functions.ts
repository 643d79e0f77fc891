import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyRequests, termLabel, usage } from '../helpers';
import { cloudRunItems } from './cloud-run';
import { count, isForeign, num, smallestCovering } from './common';

/** Run time of one invocation when no `usage.averageDurationMs` is given (the same default as Lambda's pricer). */
export const DEFAULT_DURATION_MS = 200;
export const DEFAULT_MEMORY_MB = 256;

/** 2nd gen (Cloud Run functions): the vCPUs a function gets with each memory size (Google's defaults). */
export const GEN2_VCPU_BY_MEMORY: ReadonlyArray<{ size: number; vcpu: number }> = [
  { size: 128, vcpu: 0.083 },
  { size: 256, vcpu: 0.167 },
  { size: 512, vcpu: 0.333 },
  { size: 1024, vcpu: 0.583 },
  { size: 2048, vcpu: 1 },
  { size: 4096, vcpu: 2 },
  { size: 8192, vcpu: 2 },
  { size: 16384, vcpu: 4 },
  { size: 32768, vcpu: 8 },
];

/** 1st gen: the memory sizes offered and the CPU clock each comes with, in GHz. */
export const GEN1_GHZ_BY_MEMORY: ReadonlyArray<{ size: number; ghz: number }> = [
  { size: 128, ghz: 0.2 },
  { size: 256, ghz: 0.4 },
  { size: 512, ghz: 0.8 },
  { size: 1024, ghz: 1.4 },
  { size: 2048, ghz: 2.4 },
  { size: 4096, ghz: 4.8 },
  { size: 8192, ghz: 4.8 },
];

const OWN_TYPES = ['gcp.cloud-functions'];

/**
 * Cloud Functions. 2nd gen (the default; now Cloud Run functions) is billed as Cloud Run request-based: vCPU-seconds
 * and GiB-seconds while invocations run (invocations × duration ÷ concurrency), the idle time of minimum instances,
 * and invocations at the Cloud Run request price. 1st gen bills invocations, GB-seconds and GHz-seconds of the memory
 * size's CPU clock, each invocation rounded up to 100 ms. The free tier (per billing account) is not applied.
 */
export default definePricer({
  id: 'gcp.cloud-functions',
  cloud: 'gcp',
  equivalence: ['serverless-function'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    const invocations = monthlyRequests(ctx);
    const durationMs = u.averageDurationMs ?? DEFAULT_DURATION_MS;
    const memoryMb = (c.memoryMb as number | undefined) ?? DEFAULT_MEMORY_MB;
    // Lambda's provisioned concurrency and Azure's always-ready instances are kept warm like minimum instances
    const minInstances = (c.minInstances as number | undefined) ?? (c.provisionedConcurrency as number | undefined) ?? (c.alwaysReadyInstances as number | undefined) ?? 0;
    const gen1 = c.generation === 'gen1';
    const durationNote = `${count(invocations)} invocations a month × ${Math.round(durationMs)} ms${u.averageDurationMs === undefined ? ' (default; set usage.averageDurationMs)' : ''}`;
    const notes: string[] = [];
    let items: CostItem[];
    let product: string;
    if (!gen1) {
      const vcpus = smallestCovering(GEN2_VCPU_BY_MEMORY, memoryMb).vcpu;
      const concurrency = (c.concurrency as number | undefined) ?? 1;
      items = cloudRunItems({
        vcpus,
        memoryGib: memoryMb / 1024,
        requests: invocations,
        durationMs,
        concurrency,
        minInstances,
        billing: 'request',
        term: ctx.term,
        requestLine: 'Invocations',
      }).items;
      product = `Cloud Run functions (2nd gen, ${memoryMb} MB)`;
      notes.push(`${durationNote} ÷ concurrency ${concurrency}; ${num(vcpus)} vCPU with ${memoryMb} MB`, '2nd gen is billed at Cloud Run request-based prices');
    } else {
      const tier = smallestCovering(GEN1_GHZ_BY_MEMORY, memoryMb);
      const billedSeconds = invocations * (Math.ceil(durationMs / 100) * 100) / 1000;
      const first = { generation: '1st-gen' };
      items = [
        { name: 'Invocations', quantity: invocations / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'cloud-functions', sku: 'invocations', attributes: first }, usageBased: true },
        {
          name: `Memory (${tier.size} MB)`,
          quantity: billedSeconds * (tier.size / 1024),
          unit: 'GB-seconds',
          price: { cloud: 'gcp', service: 'cloud-functions', sku: 'memory', term: ctx.term, attributes: first },
          usageBased: true,
        },
        {
          name: `CPU (${tier.ghz} GHz)`,
          quantity: billedSeconds * tier.ghz,
          unit: 'GHz-seconds',
          price: { cloud: 'gcp', service: 'cloud-functions', sku: 'cpu', term: ctx.term, attributes: first },
          usageBased: true,
        },
      ];
      if (minInstances > 0) {
        const idle = minInstances * SECONDS_PER_MONTH;
        const term = ctx.term === 'on-demand' ? '' : `${termLabel(ctx.term)}, `;
        items.push(
          { name: `Idle minimum instances memory (${term}${minInstances} × ${tier.size} MB)`, quantity: idle * (tier.size / 1024), unit: 'GB-seconds', price: { cloud: 'gcp', service: 'cloud-functions', sku: 'memory-idle', term: ctx.term, attributes: first }, usageBased: false },
          { name: `Idle minimum instances CPU (${term}${minInstances} × ${tier.ghz} GHz)`, quantity: idle * tier.ghz, unit: 'GHz-seconds', price: { cloud: 'gcp', service: 'cloud-functions', sku: 'cpu-idle', term: ctx.term, attributes: first }, usageBased: false },
        );
      }
      product = `Cloud Functions (1st gen, ${tier.size} MB)`;
      notes.push(`${durationNote}, rounded up to 100 ms`);
      if (tier.size !== memoryMb) notes.push(`${memoryMb} MB rounded up to the ${tier.size} MB size`);
    }
    notes.push('free tier (2M invocations a month per billing account, and compute) not applied');
    const mapping = isForeign(ctx, OWN_TYPES) ? `${memoryMb} MB${minInstances > 0 ? `, ${minInstances} kept warm as minimum instances` : ''}` : undefined;
    return { product, items, notes, ...(mapping && { mapping }) };
  },
});
