// The committed AWS, GCP and Azure price book (data/aws.json, gcp.json, azure.json), checked record by record and
// against well-known list prices. The build is re-run in-process to prove the files are exactly what
// scripts/build-book.ts makes from shared/pricing-sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decimal, div, mul, toText } from '../../core/src/pricing/decimal';
import type { PriceQuery, PriceRecord } from '../../core/src/pricing/price-book';
import { createPriceBook, priceRecordSchema } from '../../core/src/pricing/price-book';
import { buildBook, CLOUDS, README_END, README_START, sourcesMeta, withSummary } from '../scripts/build-book';
import { PRICEBOOK_DIR, SOURCES_DIR } from '../scripts/lib/paths';
import { identityKey } from '../scripts/lib/record';
import { HOURS_PER_MONTH, RESERVED_DIGITS } from '../scripts/sources/cyclenerd-gcp';
import { PRICE_BOOK_FILES } from './index';

const files = CLOUDS.map((cloud) => [cloud, PRICE_BOOK_FILES[cloud]] as const);
const records: PriceRecord[] = files.flatMap(([, file]) => file.records);
const book = createPriceBook(records);

/** The record the engine would pick (best trust, then newest) for exactly this query. */
function price(query: PriceQuery): PriceRecord {
  const found = book.find(query);
  if (!found) throw new Error(`no price for ${JSON.stringify(query)}`);
  return found;
}

/** What each source file is trusted as (SOURCES.md), and the date its prices are valid. */
const PROVENANCE: Record<string, { trust: string[]; dates?: string[] }> = {
  'aws/karpenter-ec2-ondemand-linux-us-east-1.json': { trust: ['A'], dates: ['2026-07-20'] },
  'aws/coroot-aws-rds-elasticache-egress-2024-08.json': { trust: ['B'], dates: ['2024-08-09'] },
  'aws/togen-aws-offer-subset-nat-fargate-alb-lambda-sqs-s3-2026-09-06.json': { trust: ['A'], dates: ['2026-09-06'] },
  'aws/clarchy-aws-prices-us-east-1.yaml': { trust: ['C'], dates: ['2026-10-01'] },
  'formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json': { trust: ['B'], dates: ['2021-02-05'] },
  'gcp/cyclenerd-pricing.yml': { trust: ['A'], dates: ['2026-07-30'] },
  'gcp/clarchy-gcp-prices-us-central1-HANDCOMPILED.yaml': { trust: ['C'], dates: ['2026-10-01'] },
  'multi/infracost-golden-unit-prices-aws-gcp-azure-2024-2026.csv': { trust: ['B', 'C'], dates: ['2024-07-01', '2024-12-04', '2025-07-04', '2026-05-03'] },
  'azure/karpenter-azure-vm-linux-payg-57regions-2026-06-18.json': { trust: ['B'], dates: ['2026-06-18'] },
  'azure/radar-azure-retail-vm-eu5-2026-08-22.json': { trust: ['A'], dates: ['2026-08-22'] },
  'azure/radar-azure-retail-storage-westeurope-northeurope-2026-08-22.json': { trust: ['A'], dates: ['2026-08-22'] },
  'azure/togen-azure-mysql-postgres-redis-10regions-2026-09-06.json': { trust: ['A'], dates: ['2026-09-06'] },
  'azure/clarchy-azure-prices.yaml': { trust: ['C'], dates: ['2026-10-02'] },
  'formats/azure-retail-prices-eastus-standard_b1s.json': { trust: ['B'], dates: ['2026-06-01'] },
  'formats/azure-retail-prices-eastus-standard_d2s_v3-consumption.json': { trust: ['B'], dates: ['2026-06-01'] },
  'formats/azure-retail-prices-eastus-functions-consumption.json': { trust: ['B'], dates: ['2026-06-01'] },
};

describe('the committed price book (AWS, GCP, Azure)', () => {
  it('[BOOK1] every record passes priceRecordSchema and sits in its cloud’s file', () => {
    for (const [cloud, file] of files) {
      expect(file.meta.cloud).toBe(cloud);
      for (const record of file.records) {
        const parsed = priceRecordSchema.safeParse(record);
        expect(parsed.success, `${JSON.stringify(record)}: ${parsed.error?.message}`).toBe(true);
        expect(record.cloud).toBe(cloud);
      }
    }
  });

  it('[BOOK2] holds more than 1,000 records, at least 250 per cloud', () => {
    expect(records.length).toBeGreaterThan(1000);
    for (const [cloud, file] of files) expect(file.records.length, cloud).toBeGreaterThanOrEqual(250);
  });

  it('[BOOK3] covers the required regions, and the main services in them', () => {
    const has = (cloud: string, service: string, region: string) => records.some((r) => r.cloud === cloud && r.service === service && r.region === region);
    const required: Array<[string, string[], string[]]> = [
      ['aws', ['us-east-1', 'eu-west-1'], ['rds', 'elasticache', 'alb', 'nat-gateway', 'fargate', 'lambda', 's3', 'sqs', 'data-transfer', 'api-gateway']],
      ['gcp', ['us-central1', 'europe-west1'], ['compute-engine', 'persistent-disk', 'gcs', 'data-transfer', 'nat-gateway']],
      ['azure', ['eastus', 'westeurope'], ['vm', 'mysql-flexible', 'postgresql-flexible', 'redis', 'blob']],
    ];
    for (const [cloud, regions, services] of required)
      for (const region of regions) for (const service of services) expect(has(cloud, service, region), `${cloud} ${service} ${region}`).toBe(true);
    // EC2 exists only for us-east-1 in the sources (SOURCES.md gap): other regions are priced by fallback
    expect(has('aws', 'ec2', 'us-east-1')).toBe(true);
  });

  it('[BOOK4] one source says one thing once: no duplicate (cloud, service, sku, region, term, attributes, file)', () => {
    const seen = new Set<string>();
    for (const record of records) {
      const key = identityKey(record);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('[BOOK5] no zero price outside a tier; tiers start at 0, ascend and agree with usd', () => {
    for (const r of records) {
      if (!r.tiers) {
        expect(Number(r.usd), JSON.stringify(r)).toBeGreaterThan(0);
        continue;
      }
      expect(r.tiers[0]!.from).toBe('0');
      expect(r.tiers[0]!.usd).toBe(r.usd);
      for (let i = 1; i < r.tiers.length; i++) expect(Number(r.tiers[i]!.from)).toBeGreaterThan(Number(r.tiers[i - 1]!.from));
      expect(r.tiers.some((t) => Number(t.usd) > 0), JSON.stringify(r)).toBe(true);
    }
  });

  it('[BOOK6] prices are plain exact decimals: no exponent, no float noise, no trailing zeros', () => {
    const values = records.flatMap((r) => [r.usd, ...(r.tiers ?? []).flatMap((t) => [t.from, t.usd])]);
    for (const value of values) {
      expect(value).toMatch(/^\d+(\.\d+)?$/);
      expect(value, 'canonical form').toBe(toText(decimal(value)));
      expect(value.split('.')[1]?.length ?? 0, value).toBeLessThanOrEqual(12);
      const significant = (value.split('.')[1] ?? '').replace(/^0+/, '');
      expect(significant, `${value}: float artefact`).not.toMatch(/0{5,}|9{5,}/);
    }
  });

  it('[BOOK7] every record names its source file, key, trust and date as SOURCES.md says; meta.sources adds up', () => {
    for (const r of records) {
      const expected = PROVENANCE[r.source.file];
      expect(expected, r.source.file).toBeDefined();
      expect(expected!.trust, `${r.source.file} trust`).toContain(r.source.trust);
      if (expected!.dates) expect(expected!.dates, `${r.source.file} date`).toContain(r.effectiveDate);
      expect(r.source.key.length).toBeGreaterThan(0);
    }
    for (const [, file] of files) expect(file.meta.sources).toEqual(sourcesMeta(file.records));
  });

  it('[BOOK8] EC2 list prices in us-east-1 (Karpenter, trust A)', () => {
    const ec2 = (sku: string) => price({ cloud: 'aws', service: 'ec2', sku, region: 'us-east-1', attributes: { os: 'linux' } });
    expect(ec2('t3.large').usd).toBe('0.0832');
    expect(ec2('t3.xlarge').usd).toBe('0.1664');
    expect(ec2('m5.large').usd).toBe('0.096');
    expect(ec2('m7g.large').usd).toBe('0.0816');
    expect(ec2('t3.large').source.trust).toBe('A');
    expect(ec2('t3.large').attributes).toMatchObject({ vcpu: 2, memoryGib: 8 });
    // the GetProducts item's own specs agree with the naming rule the book uses for every other size
    const getProducts = records.find((r) => r.source.file.startsWith('formats/aws-pricing-api') && r.term === 'on-demand');
    expect(getProducts?.attributes).toMatchObject({ vcpu: 2, memoryGib: 8 });
    expect(price({ cloud: 'aws', service: 'ec2', sku: 'm5.large', region: 'us-east-1', term: 'reserved-1y' }).usd).toBe('0.06');
  });

  it('[BOOK9] RDS, ElastiCache and the other AWS services', () => {
    const rds = (deployment: string) =>
      price({ cloud: 'aws', service: 'rds', sku: 'db.t4g.medium', region: 'us-east-1', attributes: { engine: 'postgresql', deployment } });
    expect(rds('single-az').usd).toBe('0.065');
    expect(rds('multi-az').usd).toBe('0.129');
    const aws = (service: string, sku: string, region = 'us-east-1') => price({ cloud: 'aws', service, sku, region });
    expect(aws('lambda', 'requests').usd).toBe('0.2');
    expect(aws('lambda', 'requests').unit).toBe('1M requests');
    expect(aws('lambda', 'duration-x86_64').usd).toBe('0.0000166667');
    expect(aws('s3', 'storage-standard').usd).toBe('0.023');
    expect(aws('s3', 'storage-standard').unit).toBe('GB-month');
    expect(aws('s3', 'requests-tier2').usd).toBe('0.0004');
    expect(aws('sqs', 'standard-requests').usd).toBe('0.4');
    expect(aws('nat-gateway', 'hour').usd).toBe('0.045');
    expect(aws('nat-gateway', 'hour', 'eu-west-1').usd).toBe('0.048');
    expect(aws('nat-gateway', 'data').usd).toBe('0.045');
    expect(aws('alb', 'hour').usd).toBe('0.0225');
    expect(aws('alb', 'lcu').usd).toBe('0.008');
    expect(aws('nlb', 'lcu').usd).toBe('0.006');
    expect(aws('api-gateway', 'http-requests').usd).toBe('1');
    expect(aws('dynamodb', 'read-request-units').usd).toBe('0.125');
    expect(aws('cloudfront', 'https-requests').usd).toBe('1');
    expect(aws('eks', 'cluster').usd).toBe('0.1');
    expect(price({ cloud: 'aws', service: 'fargate', sku: 'vcpu', region: 'us-east-1', attributes: { arch: 'x86_64' } }).usd).toBe('0.04048');
    expect(price({ cloud: 'aws', service: 'elasticache', sku: 'cache.t4g.medium', region: 'eu-west-1', attributes: { engine: 'redis' } }).usd).toBe('0.068');
    expect(aws('sns', 'requests').tiers).toEqual([{ from: '0', usd: '0' }, { from: '1', usd: '0.5' }]);
    expect(aws('lambda', 'duration-arm64').tiers?.map((t) => t.usd)).toEqual(['0.0000133334', '0.0000120001', '0.0000106667']);
    // coroot's float32 artefacts rounded back to the published tiers
    expect(aws('data-transfer', 'internet-egress').tiers).toEqual([
      { from: '0', usd: '0.09' },
      { from: '10240', usd: '0.085' },
      { from: '51200', usd: '0.07' },
      { from: '153600', usd: '0.05' },
    ]);
  });

  it('[BOOK10] GCP Compute Engine from Cyclenerd: hour, hour_spot, month_1y/month_3y ÷ 730, never the SUD `month`', () => {
    const source = parse(readFileSync(join(SOURCES_DIR, 'gcp/cyclenerd-pricing.yml'), 'utf8')) as {
      compute: { instance: Record<string, { cost: Record<string, Record<string, number>> }> };
    };
    const cost = source.compute.instance['n2-standard-2']!.cost['us-central1']!;
    const n2 = (term: PriceQuery['term']) => price({ cloud: 'gcp', service: 'compute-engine', sku: 'n2-standard-2', region: 'us-central1', term });
    expect(n2('on-demand').usd).toBe('0.097118');
    expect(n2('spot').usd).toBe(toText(decimal(cost.hour_spot!)));
    const perHour = (month: number) => toText(div(decimal(month), decimal(HOURS_PER_MONTH), RESERVED_DIGITS));
    expect(n2('reserved-1y').usd).toBe(perHour(cost.month_1y!));
    expect(n2('reserved-3y').usd).toBe(perHour(cost.month_3y!));
    expect(n2('reserved-1y').usd).toBe('0.061182');
    // the `month` figure includes the sustained-use discount: on-demand × 730 is more
    expect(Number(toText(mul(decimal(n2('on-demand').usd), decimal(730))))).toBeGreaterThan(cost.month!);
    expect(n2('on-demand').attributes).toMatchObject({ vcpu: 2, memoryGib: 8 });
  });

  it('[BOOK11] other GCP services', () => {
    const gcp = (service: string, sku: string, attributes?: PriceQuery['attributes'], region = 'us-central1') => price({ cloud: 'gcp', service, sku, region, attributes });
    expect(gcp('cloud-sql', 'vcpu', { availability: 'zonal' }).usd).toBe('0.0413');
    expect(gcp('cloud-sql', 'memory', { availability: 'zonal' }).usd).toBe('0.007');
    expect(gcp('cloud-sql', 'memory', { availability: 'regional' }).usd).toBe('0.014');
    expect(gcp('memorystore', 'capacity', { tier: 'basic', capacityTier: 'M1' }).usd).toBe('0.049');
    expect(gcp('pubsub', 'throughput').usd).toBe('0.0390625'); // 40 per TiB
    expect(gcp('firestore', 'reads').source.trust).toBe('C');
    expect(gcp('gcs', 'storage-standard', { locationType: 'region' }).usd).toBe('0.02');
    expect(gcp('persistent-disk', 'pd-balanced').usd).toBe('0.1');
    expect(gcp('load-balancer', 'forwarding-rule').usd).toBe('0.025');
    expect(gcp('load-balancer', 'forwarding-rule-additional').usd).toBe('0.01');
    expect(gcp('cloud-run', 'vcpu', { billing: 'request' }, 'europe-west3').usd).toBe('0.0000336');
    expect(gcp('data-transfer', 'internet-egress').tiers).toEqual([
      { from: '0', usd: '0.12' },
      { from: '1024', usd: '0.11' },
      { from: '10240', usd: '0.08' },
    ]);
  });

  it('[BOOK12] Azure VMs and services', () => {
    const vm = (sku: string, region = 'eastus', term: PriceQuery['term'] = 'on-demand') => price({ cloud: 'azure', service: 'vm', sku, region, term, attributes: { os: 'linux' } });
    expect(vm('Standard_D2s_v5').usd).toBe('0.096');
    expect(vm('Standard_B2s').usd).toBe('0.0416');
    expect(vm('Standard_B2s').attributes).toMatchObject({ vcpu: 2, memoryGib: 4 });
    expect(vm('Standard_D2s_v5', 'westeurope').usd).toBe('0.115');
    expect(vm('Standard_D2s_v5', 'westeurope').source.trust).toBe('A');
    expect(vm('Standard_D2as_v5', 'westeurope').usd).toBe('0.104');
    expect(vm('Standard_D2s_v5', 'northeurope', 'reserved-1y').usd).toBe('0.0806352');
    // Karpenter's suspect Cloud Services value (0.178) is not in the book
    expect(records.some((r) => r.service === 'vm' && r.sku === 'Standard_D2as_v5' && r.region === 'eastus')).toBe(false);
    const azure = (service: string, sku: string, attributes?: PriceQuery['attributes'], region = 'eastus') => price({ cloud: 'azure', service, sku, region, attributes });
    expect(azure('functions', 'executions').tiers).toEqual([{ from: '0', usd: '0' }, { from: '1', usd: '0.2' }]);
    expect(azure('functions', 'execution-time').tiers).toEqual([{ from: '0', usd: '0' }, { from: '400000', usd: '0.000016' }]);
    expect(azure('postgresql-flexible', 'B1ms').usd).toBe('0.017');
    expect(azure('postgresql-flexible', 'storage').usd).toBe('0.115');
    expect(azure('mysql-flexible', 'gp-vcore').usd).toBe('0.0855');
    expect(azure('redis', 'standard-c1').usd).toBe('0.069');
    expect(azure('redis', 'premium-p1').usd).toBe('0.277');
    expect(azure('container-apps', 'vcpu').usd).toBe('0.000024');
    expect(azure('front-door', 'requests').usd).toBe('0.9');
  });

  it('[BOOK14] where independent sources price the same thing, they agree (the cross-check the C records are kept for)', () => {
    const groups = new Map<string, PriceRecord[]>();
    for (const r of records) {
      const key = [r.cloud, r.service, r.sku, r.region, r.term, JSON.stringify(Object.entries(r.attributes).sort())].join('|');
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    // a free-grant tier is not a disagreement: compare the first price actually charged
    const charged = (r: PriceRecord) => r.tiers?.find((t) => Number(t.usd) > 0)?.usd ?? r.usd;
    const overlapping = [...groups.values()].filter((list) => list.length > 1);
    expect(overlapping.length).toBeGreaterThan(100);
    const disagreements = overlapping
      .filter((list) => new Set(list.map(charged)).size > 1)
      .map((list) => list.map((r) => `${r.sku} ${r.region} ${charged(r)} (${r.source.file})`).join(' vs '));
    expect(disagreements).toEqual([]);
  });

  it('[BOOK13] rebuilding from shared/pricing-sources gives exactly the committed files and README counts', () => {
    const built = buildBook();
    for (const cloud of CLOUDS) expect(built.files[cloud] === readFileSync(join(PRICEBOOK_DIR, 'data', `${cloud}.json`), 'utf8'), `data/${cloud}.json is stale: npm run build:book -w @backarch/pricebook`).toBe(true);
    const readme = readFileSync(join(PRICEBOOK_DIR, 'README.md'), 'utf8');
    expect(readme).toContain(README_START);
    expect(readme).toContain(README_END);
    expect(withSummary(readme, built.summary) === readme, 'README.md counts are stale: npm run build:book -w @backarch/pricebook').toBe(true);
    expect(built.warnings).toEqual([]);
  }, 30_000);
});
