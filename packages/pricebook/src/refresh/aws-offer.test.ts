import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAwsOffer } from './aws-offer';
import { FormatError } from './types';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../../shared/pricing-sources/', import.meta.url).pathname;
const load = (path: string) => JSON.parse(readFileSync(`${SOURCES}/${path}`, 'utf8')) as unknown;
const ITEM = 'formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json';
const OFFER = 'formats/aws-offer-file-excerpt-ec2-us-east-2-opencost.json';

describe('parseAwsOffer: GetProducts item (m5.large, us-east-1)', () => {
  const result = parseAwsOffer(load(ITEM), { sourceFile: ITEM });
  const find = (term: string) => result.records.find((r) => r.sku === 'm5.large' && r.term === term);

  it('books on-demand 0.096/h as ec2 m5.large in us-east-1 with vcpu and memory', () => {
    expect(find('on-demand')).toEqual({
      cloud: 'aws',
      service: 'ec2',
      sku: 'm5.large',
      region: 'us-east-1', // from location "US East (N. Virginia)": this item has no regionCode
      term: 'on-demand',
      unit: 'hour',
      usd: '0.096',
      attributes: { os: 'linux', vcpu: 2, memoryGib: 8 },
      source: { file: ITEM, key: '6C86BEPQVG73ZGGR.JRTCKXETXF', trust: 'A' },
      effectiveDate: '2021-02-05',
    });
  });

  it('books the standard No Upfront reserved rates and notes the upfront alternatives', () => {
    expect(find('reserved-1y')).toMatchObject({
      usd: '0.06',
      attributes: { commitment: 'reserved-instance', offeringClass: 'standard', purchaseOption: 'no-upfront', partialUpfrontUsd: '252', partialUpfrontHourlyUsd: '0.029', allUpfrontUsd: '494' },
      source: { key: '6C86BEPQVG73ZGGR.4NA7Y494T4' },
    });
    expect(find('reserved-3y')).toMatchObject({
      usd: '0.041',
      attributes: { partialUpfrontUsd: '505', partialUpfrontHourlyUsd: '0.019', allUpfrontUsd: '949' },
      source: { key: '6C86BEPQVG73ZGGR.BPH4J8HBKS' },
    });
    expect(result.records).toHaveLength(3); // convertible offers are not booked
    expect(result.skipped).toEqual([]);
  });

  it('reads the same item inside a GetProducts response, also as JSON text (as the API returns it)', () => {
    const item = load(ITEM);
    expect(parseAwsOffer({ FormatVersion: 'aws_v1', PriceList: [JSON.stringify(item)] }, { sourceFile: ITEM }).records).toEqual(result.records);
    expect(parseAwsOffer([item], { sourceFile: ITEM }).records).toEqual(result.records);
  });
});

describe('parseAwsOffer: bulk offer file (EC2 us-east-2 excerpt)', () => {
  const result = parseAwsOffer(load(OFFER), { sourceFile: OFFER });

  it('books gp3 storage from the Storage product', () => {
    expect(result.records).toEqual([
      expect.objectContaining({ service: 'ebs', sku: 'gp3', region: 'us-east-2', unit: 'GB-month', usd: '0.08', effectiveDate: '2023-03-22' }),
    ]);
  });

  it('skips Windows BYOL and the reserved term the excerpt misplaced under OnDemand, with reasons', () => {
    expect(result.skipped).toEqual([
      { key: '8D49XP354UEYTHGM.MZU6U2429S', reason: expect.stringContaining('misplaced') },
      { key: '9ZEEN7WWWQKAG292 (p3.8xlarge)', reason: 'operatingSystem Windows (only Linux is booked)' },
    ]);
  });
});

/** A GetProducts item in the official shape, for mappings the recorded samples do not cover. */
function item(serviceCode: string, productFamily: string, attributes: Record<string, string>, dimensions: Array<{ unit: string; usd: string; begin?: string; end?: string }>, sku = 'TESTSKU000000001') {
  const priceDimensions = Object.fromEntries(
    dimensions.map((d, i) => [`${sku}.JRTCKXETXF.${i}`, { unit: d.unit, beginRange: d.begin ?? '0', endRange: d.end ?? 'Inf', description: '', pricePerUnit: { USD: d.usd } }]),
  );
  return {
    product: { productFamily, attributes: { servicecode: serviceCode, ...attributes }, sku },
    serviceCode,
    terms: { OnDemand: { [`${sku}.JRTCKXETXF`]: { offerTermCode: 'JRTCKXETXF', sku, effectiveDate: '2026-09-01T00:00:00Z', priceDimensions, termAttributes: {} } } },
    publicationDate: '2026-09-04T23:11:17Z',
  };
}

describe('parseAwsOffer: service mappings and unit conversions', () => {
  // Attribute values as AWS publishes them (rows of aws/togen-… in shared/pricing-sources, rebuilt in the API's shape).
  const result = parseAwsOffer(
    {
      PriceList: [
        item('AWSLambda', 'Serverless', { group: 'AWS-Lambda-Requests', regionCode: 'us-east-1', usagetype: 'Request' }, [{ unit: 'Requests', usd: '0.0000002000' }], 'GU2ZS9HVP6QTQ7KE'),
        item(
          'AWSLambda',
          'Serverless',
          { group: 'AWS-Lambda-Duration', regionCode: 'us-east-1', usagetype: 'Lambda-GB-Second' },
          [
            { unit: 'Lambda-GB-Second', usd: '0.0000166667', end: '6000000000' },
            { unit: 'Lambda-GB-Second', usd: '0.0000150000', begin: '6000000000', end: '15000000000' },
            { unit: 'Lambda-GB-Second', usd: '0.0000133334', begin: '15000000000' },
          ],
          'TG3M4CAGBA3NYQBH',
        ),
        item('AWSQueueService', 'API Request', { queueType: 'FIFO (first-in, first-out)', regionCode: 'us-east-1' }, [{ unit: 'Requests', usd: '0.0000005000', end: '100000000000' }, { unit: 'Requests', usd: '0.0000004000', begin: '100000000000' }], '624ZQ7K46KHFAD9Y'),
        item('AmazonS3', 'API Request', { group: 'S3-API-Tier1', regionCode: 'us-east-1', usagetype: 'Requests-Tier1' }, [{ unit: 'Requests', usd: '0.0000050000' }], 'E9YHNFENF4XQBZR6'),
        item('AmazonS3', 'Storage', { regionCode: 'us-east-1', storageClass: 'General Purpose', usagetype: 'TimedStorage-ByteHrs', volumeType: 'Standard' }, [{ unit: 'GB-Mo', usd: '0.0230000000', end: '51200' }, { unit: 'GB-Mo', usd: '0.0220000000', begin: '51200', end: '512000' }, { unit: 'GB-Mo', usd: '0.0210000000', begin: '512000' }], 'WP9ANXZGBYYSGJEA'),
        item('AmazonECS', 'Compute', { regionCode: 'eu-west-1', usagetype: 'EU-Fargate-vCPU-Hours:perCPU' }, [{ unit: 'hours', usd: '0.0404800000' }]),
        item('AWSELB', 'Load Balancer-Application', { regionCode: 'us-east-1', usagetype: 'LoadBalancerUsage' }, [{ unit: 'Hrs', usd: '0.0225000000' }], '37CUWUT8GSNQEPUV'),
        item('AmazonElastiCache', 'Cache Instance', { cacheEngine: 'Redis', instanceType: 'cache.t4g.medium', regionCode: 'us-east-1', usagetype: 'NodeUsage:cache.t4g.medium' }, [{ unit: 'Hrs', usd: '0.0650000000' }], '4MCMS36XAQKRDGW3'),
        item('AmazonEC2', 'NAT Gateway', { regionCode: 'us-east-1', usagetype: 'NatGateway-Hours' }, [{ unit: 'Hrs', usd: '0.0450000000' }], 'M2YSHUBETB3JX4M4'),
        item('AmazonEC2', 'Compute Instance', { instanceType: 'm5.large', regionCode: 'us-east-1', operatingSystem: 'RHEL', tenancy: 'Shared', capacitystatus: 'Used' }, [{ unit: 'Hrs', usd: '0.1' }], 'RHELSKU000000001'),
        item('AmazonEC2', 'Compute Instance', { instanceType: 'm5.large', regionCode: 'us-east-1', operatingSystem: 'Linux', tenancy: 'Dedicated', capacitystatus: 'Used' }, [{ unit: 'Hrs', usd: '0.1' }], 'DEDICATED0000001'),
        item('AmazonEC2', 'Compute Instance', { instanceType: 'm5.large', regionCode: 'us-east-1', operatingSystem: 'Linux', tenancy: 'Shared', capacitystatus: 'UnusedCapacityReservation' }, [{ unit: 'Hrs', usd: '0.096' }], 'UNUSEDCR00000001'),
        item('AmazonCloudWatch', 'Metric', { regionCode: 'us-east-1', usagetype: 'CW:MetricMonitorUsage' }, [{ unit: 'Metrics', usd: '0.3' }], 'CLOUDWATCH000001'),
      ],
    },
    { sourceFile: 'test' },
  );
  const get = (service: string, sku: string) => result.records.find((r) => r.service === service && r.sku === sku);

  it('converts per request to per 1M (Lambda, SQS) and per 1K (S3) requests by a decimal shift', () => {
    expect(get('lambda', 'requests')).toMatchObject({ unit: '1M requests', usd: '0.2' });
    expect(get('sqs', 'fifo-requests')).toMatchObject({ unit: '1M requests', usd: '0.5', tiers: [{ from: '0', usd: '0.5' }, { from: '100000', usd: '0.4' }] });
    expect(get('s3', 'requests-tier1')).toMatchObject({ unit: '1K requests', usd: '0.005' });
  });

  it('turns beginRange/endRange into tiers', () => {
    expect(get('lambda', 'duration-x86_64')).toMatchObject({
      unit: 'GB-second',
      usd: '0.0000166667',
      tiers: [
        { from: '0', usd: '0.0000166667' },
        { from: '6000000000', usd: '0.000015' },
        { from: '15000000000', usd: '0.0000133334' },
      ],
    });
    expect(get('s3', 'storage-standard')?.tiers).toEqual([
      { from: '0', usd: '0.023' },
      { from: '51200', usd: '0.022' },
      { from: '512000', usd: '0.021' },
    ]);
  });

  it('maps Fargate, ALB, ElastiCache and NAT to the vocabulary', () => {
    expect(get('fargate', 'vcpu')).toMatchObject({ region: 'eu-west-1', unit: 'vCPU-hour', usd: '0.04048', attributes: { arch: 'x86_64' } });
    expect(get('alb', 'hour')).toMatchObject({ unit: 'hour', usd: '0.0225' });
    expect(get('elasticache', 'cache.t4g.medium')).toMatchObject({ usd: '0.065', attributes: { engine: 'redis' } });
    expect(get('nat-gateway', 'hour')).toMatchObject({ usd: '0.045' });
    expect(result.records).toHaveLength(9);
  });

  it('skips RHEL, dedicated tenancy, unused capacity reservations and unmapped services with reasons', () => {
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'operatingSystem RHEL (only Linux is booked)',
      'tenancy Dedicated (only shared tenancy is booked)',
      'capacitystatus UnusedCapacityReservation (only Used is booked)',
      'no vocabulary mapping for AmazonCloudWatch: Metric CW:MetricMonitorUsage',
    ]);
  });
});

describe('parseAwsOffer: wrong input', () => {
  it('refuses another cloud’s format with a clear error', () => {
    expect(() => parseAwsOffer(load('formats/azure-retail-prices-eastus-standard_b1s.json'), { sourceFile: 'x' })).toThrow(FormatError);
    expect(() => parseAwsOffer(load('formats/azure-retail-prices-eastus-standard_b1s.json'), { sourceFile: 'x' })).toThrow(
      /not an AWS Price List offer file .* found keys: BillingCurrency, CustomerEntityId, CustomerEntityType, Items/,
    );
  });
});
