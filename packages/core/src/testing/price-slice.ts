import type { PriceRecord } from '../pricing/price-book';

const karpenter = (sku: string, usd: string, vcpu: number, memoryGib: number): PriceRecord => ({
  cloud: 'aws',
  service: 'ec2',
  sku,
  region: 'us-east-1',
  term: 'on-demand',
  unit: 'hour',
  usd,
  attributes: { os: 'linux', vcpu, memoryGib },
  source: { file: 'aws/karpenter-ec2-ondemand-linux-us-east-1.json', key: `prices.us-east-1.${sku}`, trust: 'A' },
  effectiveDate: '2026-07-20',
});

const coroot = (sku: string, deployment: string, usd: string): PriceRecord => ({
  cloud: 'aws',
  service: 'rds',
  sku,
  region: 'us-east-1',
  term: 'on-demand',
  unit: 'hour',
  usd,
  attributes: { engine: 'postgresql', deployment },
  source: { file: 'aws/coroot-aws-rds-elasticache-egress-2024-08.json', key: `aws.managed_db.us-east-1.postgres.${sku}.${deployment.replace('-', '_')}`, trust: 'B' },
  effectiveDate: '2024-08-09',
});

const togen = (service: string, sku: string, unit: PriceRecord['unit'], usd: string, key: string, tiers?: PriceRecord['tiers']): PriceRecord => ({
  cloud: 'aws',
  service,
  sku,
  region: 'us-east-1',
  term: 'on-demand',
  unit,
  usd,
  ...(tiers && { tiers }),
  attributes: {},
  source: { file: 'aws/togen-aws-offer-subset-nat-fargate-alb-lambda-sqs-s3-2026-09-06.json', key, trust: 'A' },
  effectiveDate: '2026-09-06',
});

const litellm = (sku: string, tokens: string, usd: string): PriceRecord => ({
  cloud: 'anthropic',
  service: 'llm',
  sku,
  region: 'global',
  term: 'on-demand',
  unit: '1M tokens',
  usd,
  attributes: { tokens },
  source: { file: 'llm/litellm-model_prices_and_context_window.json', key: sku, trust: 'A' },
  effectiveDate: '2026-07-24',
});

/**
 * A small slice of real price-book records (values as published in the sources named on each record), so pricing
 * tests do not depend on the whole book.
 */
export const PRICE_SLICE: PriceRecord[] = [
  karpenter('t3.medium', '0.0416', 2, 4),
  karpenter('t3.large', '0.0832', 2, 8),
  karpenter('t3.xlarge', '0.1664', 4, 16),
  karpenter('m5.large', '0.096', 2, 8),
  coroot('db.t4g.medium', 'single-az', '0.065'),
  coroot('db.t4g.medium', 'multi-az', '0.129'),
  togen('lambda', 'requests', '1M requests', '0.2', 'GU2ZS9HVP6QTQ7KE'),
  togen('lambda', 'duration-x86_64', 'GB-second', '0.0000166667', 'TG3M4CAGBA3NYQBH'),
  togen('sqs', 'standard-requests', '1M requests', '0', '8RN6B8U4MERHRXP3', [
    { from: '0', usd: '0' },
    { from: '1', usd: '0.4' },
  ]),
  litellm('claude-sonnet-4-5', 'input', '3'),
  litellm('claude-sonnet-4-5', 'output', '15'),
];
