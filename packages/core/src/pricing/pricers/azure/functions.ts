import { SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { monthlyHours, monthlyRequests, termLabel, usage } from '../helpers';
import { count, isForeign, recordFor, smallestCovering } from '../gcp/common';

/** Run time of one execution when no `usage.averageDurationMs` is given (the same default as Lambda's pricer). */
export const DEFAULT_DURATION_MS = 200;
/** Flex Consumption instance memory sizes (MB): a function runs on the smallest one that holds its memory. */
export const FLEX_MEMORY_MB = [512, 2048, 4096].map((size) => ({ size }));
/** Consumption plan: memory is billed rounded up to 128 MB, at most 1,536 MB; an execution at least 100 ms. */
export const CONSUMPTION_MEMORY_STEP_MB = 128;
export const CONSUMPTION_MAX_MEMORY_MB = 1536;
export const CONSUMPTION_MIN_DURATION_MS = 100;
/** Elastic Premium instance sizes. */
export const PREMIUM_SIZES: Record<string, { vcpu: number; memoryGb: number }> = { EP1: { vcpu: 1, memoryGb: 3.5 }, EP2: { vcpu: 2, memoryGb: 7 }, EP3: { vcpu: 4, memoryGb: 14 } };

const OWN_TYPES = ['azure.functions'];

/**
 * Azure Functions. Flex Consumption (the default): on-demand executions and execution time in GB-seconds of the
 * instance memory (512, 2,048 or 4,096 MB), plus the always-ready instances' baseline; the free grant applies through
 * the book's tiers. Consumption (legacy): executions and GB-seconds (memory rounded up to 128 MB, at least 100 ms),
 * free grant likewise. Premium: Elastic Premium instances' vCPU and memory hours (at least one). Dedicated: App
 * Service plan instance hours.
 */
export default definePricer({
  id: 'azure.functions',
  cloud: 'azure',
  equivalence: ['serverless-function'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    // Lambda, Cloud Functions and the neutral types carry no plan: they are per-use functions
    const plan = (c.plan as string | undefined) ?? 'flex-consumption';
    const executions = monthlyRequests(ctx);
    const durationMs = u.averageDurationMs ?? DEFAULT_DURATION_MS;
    const memoryMb = (c.memoryMb as number | undefined) ?? 2048;
    const alwaysReady = (c.alwaysReadyInstances as number | undefined) ?? (c.provisionedConcurrency as number | undefined) ?? (c.minInstances as number | undefined) ?? 0;
    const term = termLabel(ctx.term);
    const durationNote = `${count(executions)} executions a month × ${Math.round(durationMs)} ms${u.averageDurationMs === undefined ? ' (default; set usage.averageDurationMs)' : ''}`;
    const items: CostItem[] = [];
    const notes: string[] = [];
    let product: string;

    if (plan === 'premium' || plan === 'dedicated') {
      const instances = Math.max(1, alwaysReady);
      if (plan === 'premium') {
        const name = (c.instanceType as string | undefined)?.toUpperCase() ?? 'EP1';
        const size = PREMIUM_SIZES[name] ?? PREMIUM_SIZES.EP1!;
        items.push(
          { name: `vCPU (${term}, ${name} × ${instances})`, quantity: monthlyHours(instances * size.vcpu), unit: 'vCPU-hours', price: { cloud: 'azure', service: 'functions', sku: 'premium-vcpu', term: ctx.term }, usageBased: false },
          { name: `Memory (${term}, ${name} × ${instances})`, quantity: monthlyHours(instances * size.memoryGb), unit: 'GB-hours', price: { cloud: 'azure', service: 'functions', sku: 'premium-memory', term: ctx.term }, usageBased: false },
        );
        product = `Azure Functions Premium (${name})`;
        notes.push(`${instances} pre-warmed instance${instances > 1 ? 's' : ''} (${size.vcpu} vCPU, ${size.memoryGb} GB each) all month; executions are included`);
      } else {
        const name = (c.instanceType as string | undefined) ?? 'P1v3';
        items.push({ name: `App Service plan (${term}, ${name} × ${instances})`, quantity: monthlyHours(instances), unit: 'hours', price: { cloud: 'azure', service: 'app-service', sku: name, term: ctx.term }, usageBased: false });
        product = `Azure Functions on App Service (${name})`;
        notes.push(`${instances} App Service plan instance${instances > 1 ? 's' : ''} all month; executions are included`);
      }
    } else if (plan === 'consumption') {
      const billedMb = Math.min(CONSUMPTION_MAX_MEMORY_MB, Math.ceil(memoryMb / CONSUMPTION_MEMORY_STEP_MB) * CONSUMPTION_MEMORY_STEP_MB);
      const gbSeconds = executions * (Math.max(durationMs, CONSUMPTION_MIN_DURATION_MS) / 1000) * (billedMb / 1024);
      items.push(
        { name: 'Executions', quantity: executions / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'functions', sku: 'executions' }, usageBased: true },
        { name: `Execution time (${billedMb} MB)`, quantity: gbSeconds, unit: 'GB-seconds', price: { cloud: 'azure', service: 'functions', sku: 'execution-time' }, usageBased: true },
      );
      product = 'Azure Functions (Consumption)';
      notes.push(durationNote + (billedMb !== memoryMb ? `; memory billed as ${billedMb} MB` : ''));
    } else {
      const instanceMb = smallestCovering(FLEX_MEMORY_MB, memoryMb).size;
      const gbSeconds = executions * (durationMs / 1000) * (instanceMb / 1024);
      items.push(
        { name: 'On-demand executions', quantity: executions / 1e6, unit: '1M requests', price: { cloud: 'azure', service: 'functions', sku: 'flex-executions' }, usageBased: true },
        { name: `On-demand execution time (${instanceMb} MB instances)`, quantity: gbSeconds, unit: 'GB-seconds', price: { cloud: 'azure', service: 'functions', sku: 'flex-execution-time' }, usageBased: true },
      );
      if (alwaysReady > 0) {
        items.push({
          name: `Always-ready baseline (${alwaysReady} × ${instanceMb} MB)`,
          quantity: alwaysReady * (instanceMb / 1024) * SECONDS_PER_MONTH,
          unit: 'GB-seconds',
          price: { cloud: 'azure', service: 'functions', sku: 'flex-always-ready-baseline' },
          usageBased: false,
        });
        notes.push('executions on always-ready instances are priced at the on-demand rates');
      }
      product = `Azure Functions (Flex Consumption, ${instanceMb} MB)`;
      notes.push(`${durationNote} × ${instanceMb} MB instance memory${instanceMb !== memoryMb ? ` (${memoryMb} MB fits the ${instanceMb} MB size)` : ''}`);
    }
    if (plan === 'consumption' || plan === 'flex-consumption') {
      const sku = plan === 'consumption' ? 'execution-time' : 'flex-execution-time';
      if (!recordFor(ctx, { cloud: 'azure', service: 'functions', sku })?.tiers) notes.push('monthly free grant not applied: the book has no tiers for this price');
    }
    const mapping = isForeign(ctx, OWN_TYPES) ? `${memoryMb} MB${alwaysReady > 0 ? `, ${alwaysReady} kept warm as always-ready instances` : ''}` : undefined;
    return { product, items, notes, ...(mapping && { mapping }) };
  },
});
