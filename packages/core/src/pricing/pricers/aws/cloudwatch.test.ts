import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.cloudwatch', () => {
  it('logs ingested and stored for the retention period, custom metrics, alarms and dashboards', () => {
    const bill = billOf('cw', [{ id: 'cw', type: 'aws.cloudwatch', config: { logRetentionDays: 90, alarmCount: 10, dashboardCount: 2, usage: { logsGbPerMonth: 50, metricSeries: 20 } } }]);
    expect(bill.product).toBe('Amazon CloudWatch');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Logs ingested (Standard)', quantity: 50, unit: 'GB', unitPriceUsd: '0.5', monthlyUsd: '25' }),
      expect.objectContaining({ name: 'Logs stored (90 days)', quantity: 150, unit: 'GB-months', unitPriceUsd: '0.03', monthlyUsd: '4.5' }),
      expect.objectContaining({ name: 'Custom metrics (20)', quantity: 20, unit: 'metric-months', monthlyUsd: null, missing: 'no price for cloudwatch metrics in us-east-1' }),
      expect.objectContaining({ name: 'Alarms (standard resolution, 10)', quantity: 10, unit: 'alarm-months', unitPriceUsd: '0.1', monthlyUsd: '1' }),
      expect.objectContaining({ name: 'Dashboards (2)', quantity: 2, unit: 'dashboard-months', missing: 'no price for cloudwatch dashboards in us-east-1' }),
    ]);
    expect(bill.monthlyUsd).toBe('30.5');
    expect(bill.notes).toEqual([
      '50 GB of logs a month, kept 90 days: storage at steady state, before compression (CloudWatch bills compressed bytes, so it is an upper bound)',
      '20 custom metrics',
      'account-wide free tier (10 metrics, 10 alarms, 3 dashboards, 5 GB of logs a month) not applied',
    ]);
  });

  it('defaults: 10 GB of logs, 100 custom metrics; the Infrequent Access log class has its own price', () => {
    const bill = billOf('cw', [{ id: 'cw', type: 'aws.cloudwatch', config: { logClass: 'infrequent-access' } }]);
    expect(bill.line('Logs ingested (Infrequent Access)')).toMatchObject({ quantity: 10, missing: 'no price for cloudwatch logs-ingest-infrequent-access in us-east-1' });
    expect(bill.line('Logs stored (30 days)')).toMatchObject({ quantity: 10, monthlyUsd: '0.3' });
    expect(bill.line('Custom metrics (100)').quantity).toBe(100);
    expect(bill.notes[0]).toBe('10 GB of logs a month (default; set usage.logsGbPerMonth), kept 30 days: storage at steady state, before compression (CloudWatch bills compressed bytes, so it is an upper bound)');
  });

  it('stands in for managed Prometheus as custom metrics, and says so', () => {
    const bill = billOf('prom', [{ id: 'prom', type: 'prometheus', config: { usage: { metricSeries: 5000 } } }]);
    expect(bill.mapping).toBe('managed Prometheus priced as CloudWatch custom metrics (Amazon Managed Service for Prometheus is not in the price book)');
    expect(bill.costComponents.map((l) => [l.name, l.quantity])).toEqual([['Custom metrics (5000)', 5000]]);
  });

  it('self-hosted Prometheus is not CloudWatch', () => {
    expect(billOf('prom', [{ id: 'prom', type: 'prometheus', config: { managed: false } }]).product).toBe('Prometheus on 1 × m6g.large (self-hosted)');
  });
});
