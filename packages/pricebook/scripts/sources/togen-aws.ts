// aws/togen-aws-offer-subset-nat-fargate-alb-lambda-sqs-s3-2026-09-06.json (trust A): rows of the AWS Price List
// bulk offer files (AWS SKU kept) from mooncitizen/togen, 2026-09-06. NAT hours, Fargate and ALB hours in 23
// regions; Lambda, SQS, HTTP API, ElastiCache Redis and S3 in 5. Only first tiers are in the snapshot (`upTo`).
import { times } from '../lib/decimal-text';
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'aws/togen-aws-offer-subset-nat-fargate-alb-lambda-sqs-s3-2026-09-06.json';
const EFFECTIVE_DATE = '2026-09-06';

interface Row {
  sku: string;
  service: string;
  attributes: Record<string, string>;
  unit: string;
  price: number;
  upTo?: number;
}

type Mapped = Pick<RecordInput, 'service' | 'sku' | 'unit' | 'usd'> & { attributes?: RecordInput['attributes'] };

/** Maps one offer-file row to the vocabulary, or undefined for rows we do not use. */
function mapRow(row: Row): Mapped | undefined {
  const usage = row.attributes.usagetype ?? '';
  const perMillion = (unit: PriceUnit = '1M requests') => ({ unit, usd: times(row.price, 1_000_000) });
  switch (row.service) {
    case 'AmazonEC2':
      if (usage.endsWith('NatGateway-Hours')) return { service: 'nat-gateway', sku: 'hour', unit: 'hour', usd: row.price };
      return undefined;
    case 'AmazonECS':
      if (usage.endsWith('Fargate-vCPU-Hours:perCPU')) return { service: 'fargate', sku: 'vcpu', unit: 'vCPU-hour', usd: row.price, attributes: { arch: 'x86_64' } };
      if (usage.endsWith('Fargate-GB-Hours')) return { service: 'fargate', sku: 'memory', unit: 'GB-hour', usd: row.price, attributes: { arch: 'x86_64' } };
      return undefined;
    case 'AWSELB':
      if (row.attributes.productFamily === 'Load Balancer-Application' && usage.endsWith('LoadBalancerUsage')) return { service: 'alb', sku: 'hour', unit: 'hour', usd: row.price };
      return undefined;
    case 'AWSLambda':
      if (usage.endsWith('Request')) return { service: 'lambda', sku: 'requests', ...perMillion() };
      if (usage.endsWith('Lambda-GB-Second')) return { service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', usd: row.price };
      return undefined;
    case 'AWSQueueService':
      if (row.attributes.queueType === 'Standard') return { service: 'sqs', sku: 'standard-requests', ...perMillion() };
      if (row.attributes.queueType?.startsWith('FIFO')) return { service: 'sqs', sku: 'fifo-requests', ...perMillion() };
      return undefined;
    case 'AmazonApiGateway':
      if (usage.endsWith('ApiGatewayHttpRequest')) return { service: 'api-gateway', sku: 'http-requests', ...perMillion() };
      return undefined;
    case 'AmazonElastiCache':
      if (row.attributes.cacheEngine === 'Redis' && row.attributes.instanceType)
        return { service: 'elasticache', sku: row.attributes.instanceType, unit: 'hour', usd: row.price, attributes: { engine: 'redis' } };
      return undefined;
    case 'AmazonS3':
      if (usage.endsWith('TimedStorage-ByteHrs') && row.attributes.volumeType === 'Standard') return { service: 's3', sku: 'storage-standard', unit: 'GB-month', usd: row.price };
      if (usage.endsWith('Requests-Tier1')) return { service: 's3', sku: 'requests-tier1', unit: '1K requests', usd: times(row.price, 1000) };
      if (usage.endsWith('Requests-Tier2')) return { service: 's3', sku: 'requests-tier2', unit: '1K requests', usd: times(row.price, 1000) };
      return undefined;
    default:
      return undefined;
  }
}

export function loadTogenAws(notes: Notes = noNotes): PriceRecord[] {
  const data = readSourceJson<{ skus: Row[] }>(FILE);
  const records: PriceRecord[] = [];
  for (const row of data.skus) {
    const region = row.attributes.regionCode;
    const mapped = mapRow(row);
    if (!mapped || !region) {
      notes.skip('togen-aws', `unmapped row ${row.service} ${row.attributes.usagetype ?? row.attributes.productFamily}`);
      continue;
    }
    if (!(row.price > 0)) throw new Error(`${FILE}: ${row.sku} has no price`);
    records.push(
      priceRecord({
        cloud: 'aws',
        ...mapped,
        region,
        // rows with `upTo` are the first tier of a tiered price; the snapshot has no later tiers, so the record
        // carries the first-tier price only (Lambda GB-s up to 6B, SQS up to 100B, HTTP API up to 300M, S3 up to 50 TB)
        key: row.sku,
        file: FILE,
        trust: 'A',
        effectiveDate: EFFECTIVE_DATE,
      }),
    );
  }
  return records;
}
