import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

describe('aws.cognito', () => {
  it('monthly active users by plan, federated users at their own rate', () => {
    const bill = billOf('users', [{ id: 'users', type: 'aws.cognito', config: { featurePlan: 'lite', monthlyActiveUsers: 50_000, federatedShare: 0.2, mfa: 'off' } }]);
    expect(bill.product).toBe('Amazon Cognito (Lite)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Monthly active users (Lite, 40,000)', quantity: 40000, unit: 'MAUs', unitPriceUsd: '0.0055', monthlyUsd: '220' }),
      expect.objectContaining({ name: 'Federated monthly active users (SAML/OIDC, 10,000)', quantity: 10000, missing: 'no price for cognito mau-federated in us-east-1' }),
    ]);
    expect(bill.notes).toEqual(['50,000 monthly active users', 'free tier (10,000 MAU a month per account) not applied']);
  });

  it('the Essentials plan is its own price (unknown when the book has only Lite)', () => {
    const bill = billOf('users', [{ id: 'users', type: 'aws.cognito' }]);
    expect(bill.line('Monthly active users (Essentials, 1,000)').missing).toBe('no price for cognito mau in us-east-1');
    expect(bill.notes).toContain('MFA codes sent by SMS or email are billed by SNS/SES (not included)');
  });

  it('a neutral OAuth/OIDC provider is priced as a Cognito user pool; Keycloak runs on VMs', () => {
    const oauth = billOf('idp', [{ id: 'idp', type: 'auth.oauth', config: { monthlyActiveUsers: 2000 } }]);
    expect(oauth.mapping).toBe('priced as a Cognito user pool on the Essentials plan');
    expect(oauth.line('Monthly active users (Essentials, 2,000)').quantity).toBe(2000);
    expect(billOf('kc', [{ id: 'kc', type: 'keycloak' }]).product).toBe('Keycloak on 2 × c6g.large (self-hosted)');
  });
});
