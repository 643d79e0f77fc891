import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'datadog',
  name: 'Datadog',
  description:
    'Observability SaaS for metrics, traces, logs and dashboards, billed per monitored host per month, per GB of logs ingested and per million log events indexed.',
  category: 'observability',
  vendor: 'datadog',
  roles: [
    'observability.metrics',
    'observability.traces',
    'observability.logs',
    'observability.dashboards',
    'stateful',
    'ha-managed',
  ],
  equivalence: 'apm',
  config: {
    site: z
      .enum(['US1', 'US3', 'US5', 'EU1', 'AP1', 'AP2', 'US1-FED'])
      .default('US1')
      .describe('Datadog site that stores the data; EU1 keeps it in the EU.'),
    plan: z.enum(['pro', 'enterprise']).default('pro').describe('Infrastructure Monitoring plan, billed per host.'),
    billing: z
      .enum(['annual', 'on-demand'])
      .default('annual')
      .describe('Annual commitment is cheaper per host than month-to-month on-demand billing.'),
    infraHosts: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .optional()
      .describe('Hosts billed for Infrastructure Monitoring. Unset means counted from the compute on the canvas.'),
    apm: z.boolean().default(true).describe('APM and distributed tracing on the monitored hosts, billed per APM host.'),
    logRetentionDays: z
      .literal([3, 7, 15, 30])
      .default(15)
      .describe('Days indexed logs stay searchable; longer retention costs more per million events.'),
    logsIndexedShare: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('Fraction of ingested logs that are indexed (0–1); exclusion filters lower indexing cost.'),
    personalData: fields.personalData,
  },
});
