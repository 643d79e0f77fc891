import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { count } from './links';

/** Monthly active users when the config gives none. */
export const DEFAULT_MONTHLY_ACTIVE_USERS = 1000;
/** Cognito's feature plan for identity providers of other kinds (its default plan). */
export const DEFAULT_PLAN = 'essentials';

const PLAN_NAME: Record<string, string> = { lite: 'Lite', essentials: 'Essentials', plus: 'Plus' };

/**
 * Cognito user pools: monthly active users by feature plan (Lite, Essentials, Plus; volume tiers from the book), and
 * users who sign in through a SAML or OIDC federated identity provider at their own MAU rate. Also prices the neutral
 * OAuth/OIDC provider (as Essentials). The free tier (10,000 MAU a month per account on Lite and Essentials) is not
 * applied; SMS and email messages for MFA are billed by SNS/SES and not included.
 */
export default definePricer({
  id: 'aws.cognito',
  cloud: 'aws',
  equivalence: ['identity-provider'],
  price(ctx) {
    const mau = (ctx.config.monthlyActiveUsers as number | undefined) ?? DEFAULT_MONTHLY_ACTIVE_USERS;
    const configured = ctx.config.featurePlan as string | undefined;
    const plan = configured ?? DEFAULT_PLAN;
    const planName = PLAN_NAME[plan] ?? plan;
    const federated = mau * ((ctx.config.federatedShare as number | undefined) ?? 0);
    const direct = mau - federated;
    const items: CostItem[] = [
      {
        name: `Monthly active users (${planName}, ${count(direct)})`,
        quantity: direct,
        unit: 'MAUs',
        price: { cloud: 'aws', service: 'cognito', sku: 'mau', attributes: { plan } },
        usageBased: true,
      },
    ];
    if (federated > 0) {
      items.push({
        name: `Federated monthly active users (SAML/OIDC, ${count(federated)})`,
        quantity: federated,
        unit: 'MAUs',
        price: { cloud: 'aws', service: 'cognito', sku: 'mau-federated', attributes: { plan } },
        usageBased: true,
      });
    }
    const notes = [`${count(mau)} monthly active users${ctx.config.monthlyActiveUsers === undefined ? ' (default; set monthlyActiveUsers)' : ''}`, 'free tier (10,000 MAU a month per account) not applied'];
    if (ctx.config.mfa !== undefined && ctx.config.mfa !== 'off') notes.push('MFA codes sent by SMS or email are billed by SNS/SES (not included)');
    const mapping = configured === undefined ? `priced as a Cognito user pool on the ${planName} plan` : undefined;
    return { product: `Amazon Cognito (${planName})`, items, notes, ...(mapping && { mapping }) };
  },
});
