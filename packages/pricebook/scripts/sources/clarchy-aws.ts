// aws/clarchy-aws-prices-us-east-1.yaml (trust C: the data comes from the AWS Price List API and carries each AWS SKU,
// but the file has no licence, so it is a cross-check and gap filler). us-east-1 only, as of 2026-10-01.
import { parse } from 'yaml';
import { times } from '../lib/decimal-text';
import { ec2Spec } from '../lib/instance-specs';
import { readSource } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'aws/clarchy-aws-prices-us-east-1.yaml';

interface Entry {
  price: number;
  unit: string;
  sku: string;
  description: string;
  commit_1yr?: number;
  commit_3yr?: number;
}

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  /** multiply the file's price by this to get USD per `unit` */
  factor?: number;
  attributes?: RecordInput['attributes'];
  tiers?: Array<{ from: number; usd: number | 'price' }>;
  /** keep commit_1yr/commit_3yr as reserved-1y/3y */
  commits?: boolean;
  /** a published price replacing a value the generator rounded (SOURCES.md caveat) */
  publishedUsd?: string;
}

const rds = (instanceClass: string, deployment: string): Target => ({
  service: 'rds',
  sku: instanceClass,
  unit: 'hour',
  attributes: { engine: 'postgresql', deployment },
  commits: true,
});

/** The entries we use; the rest (KMS, Route 53, WAF, Bedrock, Glue, …) have no vocabulary row yet. */
const TARGETS: Record<string, Target> = {
  'alb.hours': { service: 'alb', sku: 'hour', unit: 'hour' },
  'alb.lcu_hours': { service: 'alb', sku: 'lcu', unit: 'unit-hour' },
  'apigw.requests': { service: 'api-gateway', sku: 'rest-requests', unit: '1M requests' }, // first 333M per month
  'cloudfront.egress_gb': { service: 'cloudfront', sku: 'data-out', unit: 'GB' }, // first 10 TB per month
  'cloudfront.requests': { service: 'cloudfront', sku: 'https-requests', unit: '1M requests', factor: 100 }, // per 10K
  'cloudwatch.alarms': { service: 'cloudwatch', sku: 'alarms', unit: 'month' },
  'cloudwatch.logs_gb': { service: 'cloudwatch', sku: 'logs-ingest', unit: 'GB' },
  'cognito.mau': { service: 'cognito', sku: 'mau', unit: 'user-month', attributes: { plan: 'lite' } }, // "tier 1" = first paid Lite tier
  'dynamodb.read_units': { service: 'dynamodb', sku: 'read-request-units', unit: '1M requests' },
  'dynamodb.write_units': { service: 'dynamodb', sku: 'write-request-units', unit: '1M requests' },
  // "per GB-Month of storage used beyond first 25 free GB-Months"
  'dynamodb.storage_gb': { service: 'dynamodb', sku: 'storage', unit: 'GB-month', tiers: [{ from: 0, usd: 0 }, { from: 25, usd: 'price' }] },
  'ec2.node_hours': { service: 'ec2', sku: 'm7g.large', unit: 'hour', attributes: { os: 'linux', ...ec2Spec('m7g.large') }, commits: true },
  'eks.cluster_hours': { service: 'eks', sku: 'cluster', unit: 'hour', attributes: { support: 'standard' } },
  'elasticache.large': { service: 'elasticache', sku: 'cache.m7g.large', unit: 'hour', attributes: { engine: 'valkey' }, commits: true },
  'elasticache.small': { service: 'elasticache', sku: 'cache.t4g.medium', unit: 'hour', attributes: { engine: 'valkey' }, commits: true },
  'eventbridge.events': { service: 'eventbridge', sku: 'custom-events', unit: '1M requests' },
  'fargate.gb_hours': { service: 'fargate', sku: 'memory', unit: 'GB-hour', attributes: { arch: 'x86_64' }, commits: true },
  'fargate.vcpu_hours': { service: 'fargate', sku: 'vcpu', unit: 'vCPU-hour', attributes: { arch: 'x86_64' }, commits: true },
  'kinesis.put_units': { service: 'kinesis', sku: 'put-payload-units', unit: '1M requests' },
  'kinesis.shard_hours': { service: 'kinesis', sku: 'shard', unit: 'hour' },
  // SOURCES.md: the generator rounded this SKU to 1.667e-05; AWS publishes 0.0000166667 (togen has the same SKU unrounded)
  'lambda.gb_seconds': { service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', publishedUsd: '0.0000166667' },
  'lambda.requests': { service: 'lambda', sku: 'requests', unit: '1M requests' },
  'rds.large.multi': rds('db.m7g.xlarge', 'multi-az'),
  'rds.large.single': rds('db.m7g.xlarge', 'single-az'),
  'rds.medium.multi': rds('db.m7g.large', 'multi-az'),
  'rds.medium.single': rds('db.m7g.large', 'single-az'),
  'rds.small.multi': rds('db.t4g.medium', 'multi-az'),
  'rds.small.single': rds('db.t4g.medium', 'single-az'),
  'rds.storage_gb.multi': { service: 'rds-storage', sku: 'gp3', unit: 'GB-month', attributes: { deployment: 'multi-az', engine: 'postgresql' } },
  'rds.storage_gb.single': { service: 'rds-storage', sku: 'gp3', unit: 'GB-month', attributes: { deployment: 'single-az', engine: 'postgresql' } },
  's3.get_requests': { service: 's3', sku: 'requests-tier2', unit: '1K requests' },
  's3.put_requests': { service: 's3', sku: 'requests-tier1', unit: '1K requests' },
  's3.storage_gb': { service: 's3', sku: 'storage-standard', unit: 'GB-month' }, // first 50 TB per month
  'glacier.deep_archive_gb': { service: 's3', sku: 'storage-glacier-deep-archive', unit: 'GB-month' },
  'sqs.requests': { service: 'sqs', sku: 'standard-requests', unit: '1M requests' },
};

export function loadClarchyAws(notes: Notes = noNotes): PriceRecord[] {
  const doc = parse(readSource(FILE)) as { region_code: string; as_of: string; prices: Record<string, Entry> };
  const effectiveDate = doc.as_of;
  const region = doc.region_code;
  const records: PriceRecord[] = [];
  for (const [name, entry] of Object.entries(doc.prices)) {
    const target = TARGETS[name];
    if (!target) {
      notes.skip('clarchy-aws', `${name} (no vocabulary row)`);
      continue;
    }
    const usd = target.publishedUsd ?? times(entry.price, target.factor ?? 1);
    const base = {
      cloud: 'aws' as const,
      service: target.service,
      sku: target.sku,
      region,
      unit: target.unit,
      file: FILE,
      key: target.publishedUsd ? `${entry.sku} (file has ${entry.price}, rounded by its generator)` : entry.sku,
      trust: 'C' as const,
      effectiveDate,
    };
    const tiers = target.tiers?.map((tier) => ({ from: tier.from, usd: tier.usd === 'price' ? usd : tier.usd }));
    records.push(priceRecord({ ...base, usd: tiers ? (tiers[0]?.usd ?? usd) : usd, tiers, attributes: target.attributes }));
    if (target.commits) {
      for (const [term, value] of [['reserved-1y', entry.commit_1yr], ['reserved-3y', entry.commit_3yr]] as const) {
        if (value === undefined) continue;
        records.push(
          priceRecord({
            ...base,
            term,
            usd: times(value, target.factor ?? 1),
            // "effective rates with Savings Plans or reservations" (no upfront): which one is not said per entry
            attributes: { ...target.attributes, commitment: 'savings-plan-or-reserved' },
            key: `${entry.sku} commit_${term === 'reserved-1y' ? '1yr' : '3yr'}`,
          }),
        );
      }
    }
  }
  return records;
}
