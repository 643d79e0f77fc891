import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.cloudwatch',
  name: 'Amazon CloudWatch',
  description: "AWS's built-in metrics, logs, dashboards and alarms, billed per GB of logs ingested and stored, per custom metric, per dashboard and per alarm.",
  category: 'observability',
  vendor: 'aws',
  roles: ['observability.metrics', 'observability.logs', 'observability.dashboards', 'stateful', 'ha-managed'],
  equivalence: 'metrics',
  config: {
    // The only retention values CloudWatch Logs accepts.
    logRetentionDays: z
      .literal([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653])
      .default(30)
      .describe('Days log events are kept (one of the values CloudWatch Logs allows).'),
    logClass: z
      .enum(['standard', 'infrequent-access'])
      .default('standard')
      .describe('Infrequent Access halves the ingestion price but drops features such as metric filters and live tail.'),
    dashboardCount: z.number().int().min(0).max(1000).default(1).describe('Custom dashboards (the first three are free each month).'),
    alarmCount: z.number().int().min(0).max(10000).default(10).describe('Metric alarms, billed per alarm per month.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Log groups are encrypted with a customer-managed KMS key. Unset means the AWS-managed default encryption.'),
    personalData: fields.personalData,
  },
});
