import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { usage } from '../helpers';

/** Logs ingested per month when no `usage.logsGbPerMonth` is given, in GB. */
export const DEFAULT_LOGS_GB_PER_MONTH = 10;
/** Custom metrics (metric series) when no `usage.metricSeries` is given. */
export const DEFAULT_METRIC_SERIES = 100;
/** Log retention when the config gives none, in days. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;
const DAYS_PER_MONTH = 30;

/**
 * CloudWatch: logs ingested per GB (Standard or Infrequent Access class) and stored per GB-month for the retention
 * period (steady state, before compression: an upper bound), custom metrics per metric-month (volume tiers from the
 * book), alarms per alarm-month and dashboards per dashboard-month — each only for the observability roles the
 * component has. The account-wide free tier (10 metrics, 10 alarms, 3 dashboards, 5 GB of logs) is not applied.
 * Stands in for managed Prometheus on AWS (as custom metrics: Amazon Managed Service for Prometheus is not in the
 * price book); self-hosted Prometheus (`managed: false`) is priced by the self-hosted pricer.
 */
export default definePricer({
  id: 'aws.cloudwatch',
  cloud: 'aws',
  equivalence: ['metrics', 'logging', 'dashboards', 'apm'],
  when: (config) => config.managed !== false,
  price(ctx) {
    const u = usage(ctx);
    const roles = ctx.def.roles;
    const items: CostItem[] = [];
    const notes: string[] = [];
    if (roles.includes('observability.logs')) {
      const ingestGb = u.logsGbPerMonth ?? DEFAULT_LOGS_GB_PER_MONTH;
      const retentionDays = (ctx.config.logRetentionDays as number | undefined) ?? (ctx.config.retentionDays as number | undefined) ?? DEFAULT_LOG_RETENTION_DAYS;
      const infrequent = ctx.config.logClass === 'infrequent-access';
      items.push(
        {
          name: `Logs ingested (${infrequent ? 'Infrequent Access' : 'Standard'})`,
          quantity: ingestGb,
          unit: 'GB',
          price: { cloud: 'aws', service: 'cloudwatch', sku: infrequent ? 'logs-ingest-infrequent-access' : 'logs-ingest' },
          usageBased: true,
        },
        {
          name: `Logs stored (${retentionDays} days)`,
          quantity: (ingestGb * retentionDays) / DAYS_PER_MONTH,
          unit: 'GB-months',
          price: { cloud: 'aws', service: 'cloudwatch', sku: 'logs-storage' },
          usageBased: true,
        },
      );
      notes.push(
        `${ingestGb} GB of logs a month${u.logsGbPerMonth === undefined ? ' (default; set usage.logsGbPerMonth)' : ''}, kept ${retentionDays} days: storage at steady state, before compression (CloudWatch bills compressed bytes, so it is an upper bound)`,
      );
    }
    if (roles.includes('observability.metrics')) {
      const series = u.metricSeries ?? DEFAULT_METRIC_SERIES;
      items.push({ name: `Custom metrics (${series})`, quantity: series, unit: 'metric-months', price: { cloud: 'aws', service: 'cloudwatch', sku: 'metrics' }, usageBased: true });
      notes.push(`${series} custom metrics${u.metricSeries === undefined ? ' (default; set usage.metricSeries)' : ''}`);
      const alarms = ctx.config.alarmCount as number | undefined;
      if (alarms) items.push({ name: `Alarms (standard resolution, ${alarms})`, quantity: alarms, unit: 'alarm-months', price: { cloud: 'aws', service: 'cloudwatch', sku: 'alarms' }, usageBased: false });
    }
    if (roles.includes('observability.dashboards')) {
      const dashboards = (ctx.config.dashboardCount as number | undefined) ?? 1;
      if (dashboards > 0) {
        items.push({ name: `Dashboards (${dashboards})`, quantity: dashboards, unit: 'dashboard-months', price: { cloud: 'aws', service: 'cloudwatch', sku: 'dashboards' }, usageBased: false });
      }
    }
    notes.push('account-wide free tier (10 metrics, 10 alarms, 3 dashboards, 5 GB of logs a month) not applied');
    const mapping =
      ctx.def.id === 'aws.cloudwatch'
        ? undefined
        : ctx.def.id === 'prometheus'
          ? 'managed Prometheus priced as CloudWatch custom metrics (Amazon Managed Service for Prometheus is not in the price book)'
          : `${ctx.def.name} priced as Amazon CloudWatch`;
    return { product: 'Amazon CloudWatch', items, notes, ...(mapping && { mapping }) };
  },
});
