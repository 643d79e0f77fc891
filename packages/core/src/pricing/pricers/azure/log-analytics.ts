import type { PricerResult } from '../../types';
import { definePricer } from '../define';
import { usage } from '../helpers';
import { isForeign, managed, num } from '../gcp/common';

/** Data ingested when no `usage.logsGbPerMonth` is given. */
export const DEFAULT_INGEST_GB = 10;

const OWN_TYPES: readonly string[] = [];

/**
 * Log Analytics (Azure Monitor Logs), for logs, metrics and APM on Azure: data ingested per GB on the Analytics
 * plan. Retention up to 31 days is included; longer retention and the free 5 GB a month per billing account are not
 * applied.
 */
export default definePricer({
  id: 'azure.log-analytics',
  cloud: 'azure',
  equivalence: ['logging', 'metrics', 'apm'],
  when: managed,
  price(ctx): PricerResult {
    const u = usage(ctx);
    const gb = u.logsGbPerMonth ?? DEFAULT_INGEST_GB;
    const notes = [
      `${num(gb)} GB ingested a month${u.logsGbPerMonth === undefined ? ' (default; set usage.logsGbPerMonth)' : ''}`,
      'retention up to 31 days included; the free 5 GB a month not applied',
    ];
    const mapping = isForeign(ctx, OWN_TYPES) ? 'billed per GB ingested into a Log Analytics workspace' : undefined;
    return {
      product: 'Log Analytics (Azure Monitor)',
      items: [{ name: 'Data ingestion (Analytics logs)', quantity: gb, unit: 'GB', price: { cloud: 'azure', service: 'log-analytics', sku: 'ingest' }, usageBased: true }],
      notes,
      ...(mapping && { mapping }),
    };
  },
});
