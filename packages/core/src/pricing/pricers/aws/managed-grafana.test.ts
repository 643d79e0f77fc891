import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.managed-grafana', () => {
  it('bills active editors and viewers per user-month (unknown until the book has the prices)', () => {
    const bill = billOf('g', [{ id: 'g', type: 'grafana', config: { editors: 3, viewers: 10 } }]);
    expect(bill.product).toBe('Amazon Managed Grafana');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Editors and admins (3)', quantity: 3, unit: 'user-months', monthlyUsd: null, missing: 'no price for managed-grafana editor in us-east-1' }),
      expect.objectContaining({ name: 'Viewers (10)', quantity: 10, unit: 'user-months', missing: 'no price for managed-grafana viewer in us-east-1' }),
    ]);
    expect(bill.monthlyUsd).toBeNull();
  });

  it('self-hosted Grafana is priced on EC2', () => {
    expect(billOf('g', [{ id: 'g', type: 'grafana', config: { managed: false } }]).product).toBe('Grafana on 1 × c6g.medium (self-hosted)');
  });
});
