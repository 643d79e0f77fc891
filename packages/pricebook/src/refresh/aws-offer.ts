/**
 * AWS Price List → price records.
 *
 * Reads both official shapes:
 * - the bulk offer file (`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<Offer>/current/<region>/index.json`):
 *   `{offerCode, publicationDate, products: {sku → product}, terms: {OnDemand: {sku → {termKey → term}}, Reserved: …}}`;
 *   (or an array of such files, e.g. several offers and regions fetched in one refresh);
 * - the Pricing API `GetProducts` response `{PriceList: [item | JSON text of an item]}`, a bare item
 *   `{product, serviceCode, terms: {OnDemand: {termKey → term}, Reserved: …}, publicationDate}`, or an array of items.
 *
 * Each product is mapped to a vocabulary service (VOCABULARY.md) or skipped with a reason. EC2 instances: Linux,
 * shared tenancy, no pre-installed software, no BYOL, capacitystatus Used only (Windows/RHEL/SUSE/dedicated/capacity
 * reservations are skipped). On-demand terms give `on-demand`; for instance services (EC2, RDS, ElastiCache) the
 * Reserved terms give `reserved-1y` / `reserved-3y` (`commitment: "reserved-instance"`) = the **standard, No Upfront**
 * hourly rate, and the same lease's
 * standard Partial/All Upfront fees are noted on that record as `partialUpfrontUsd`, `partialUpfrontHourlyUsd` and
 * `allUpfrontUsd` (convertible offers are not booked). `beginRange`/`endRange` steps become `tiers`.
 * Prices are the API's own decimal strings, converted by decimal-point shifts only (per request → per 1M requests).
 */
import type { PriceRecord, PriceUnit } from '@backarch/core';
import { compare, decimalText, isDecimal, shift } from './decimal-text';
import { datePart, dedupe, describeKeys, FormatError, isObject, tiered, type ParseOptions, type ParseResult, type Skipped, type TierStep } from './types';

interface AwsDimension {
  rateCode?: string;
  description?: string;
  unit?: string;
  beginRange?: string;
  endRange?: string;
  pricePerUnit?: Record<string, string>;
}

interface AwsTerm {
  offerTermCode?: string;
  sku?: string;
  effectiveDate?: string;
  priceDimensions?: Record<string, AwsDimension>;
  termAttributes?: Record<string, string>;
}

interface AwsProduct {
  sku: string;
  productFamily?: string;
  attributes: Record<string, string>;
}

interface AwsOffer {
  serviceCode: string;
  product: AwsProduct;
  onDemand: AwsTerm[];
  reserved: AwsTerm[];
  publicationDate?: string;
}

/** AWS Price List `location` names → region codes, for items that carry no `regionCode` (older GetProducts items). */
export const AWS_LOCATIONS: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'AWS GovCloud (US-East)': 'us-gov-east-1',
  'AWS GovCloud (US-West)': 'us-gov-west-1',
  'AWS GovCloud (US)': 'us-gov-west-1',
  'Africa (Cape Town)': 'af-south-1',
  'Asia Pacific (Hong Kong)': 'ap-east-1',
  'Asia Pacific (Taipei)': 'ap-east-2',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Asia Pacific (Hyderabad)': 'ap-south-2',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Osaka)': 'ap-northeast-3',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Jakarta)': 'ap-southeast-3',
  'Asia Pacific (Melbourne)': 'ap-southeast-4',
  'Asia Pacific (Malaysia)': 'ap-southeast-5',
  'Asia Pacific (Thailand)': 'ap-southeast-7',
  'Canada (Central)': 'ca-central-1',
  'Canada West (Calgary)': 'ca-west-1',
  'EU (Frankfurt)': 'eu-central-1',
  'EU (Zurich)': 'eu-central-2',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'EU (Milan)': 'eu-south-1',
  'EU (Spain)': 'eu-south-2',
  'EU (Stockholm)': 'eu-north-1',
  'Israel (Tel Aviv)': 'il-central-1',
  'Mexico (Central)': 'mx-central-1',
  'Middle East (Bahrain)': 'me-south-1',
  'Middle East (UAE)': 'me-central-1',
  'South America (Sao Paulo)': 'sa-east-1',
};

/** What a product becomes: vocabulary service/sku, the record unit, and how the AWS unit converts to it. */
interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  /** AWS units this target accepts (case-insensitive), e.g. "Hrs". */
  awsUnits: string[];
  /** Price × 10^scale converts AWS's unit to the record's (per request → per 1M requests: 6). Tier starts get ÷. */
  scale: number;
  attributes: Record<string, string | number | boolean>;
  /** Book Reserved terms (instance services). */
  reserved?: boolean;
}

const HOURS = ['Hrs', 'Hours', 'hours', 'Hour'];

/** "8 GiB" → 8, "0.5 GiB" → 0.5, "1,952 GiB" → 1952. */
function gib(text: string | undefined): number | undefined {
  const match = /^([\d,.]+)\s*GiB$/i.exec(text?.trim() ?? '');
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

const usage = (a: Record<string, string>) => a.usagetype ?? '';
/** usagetype without its region prefix: "USE2-BoxUsage:m5.large" → "BoxUsage:m5.large". */
const usageEnds = (a: Record<string, string>, suffix: string) => usage(a) === suffix || usage(a).endsWith(`-${suffix}`);

const RDS_ENGINES: Record<string, string> = {
  PostgreSQL: 'postgresql',
  MySQL: 'mysql',
  'Aurora PostgreSQL': 'aurora-postgresql',
  'Aurora MySQL': 'aurora-mysql',
};
const RDS_DEPLOYMENTS: Record<string, string> = { 'Single-AZ': 'single-az', 'Multi-AZ': 'multi-az' };
const RDS_VOLUMES: Record<string, string> = { 'General Purpose-GP3': 'gp3', 'General Purpose': 'gp2', 'Provisioned IOPS': 'io1' };
const S3_CLASSES: Record<string, string> = {
  Standard: 'storage-standard',
  'Standard - Infrequent Access': 'storage-standard-ia',
  'One Zone - Infrequent Access': 'storage-onezone-ia',
  'Glacier Instant Retrieval': 'storage-glacier-instant-retrieval',
  'Amazon Glacier': 'storage-glacier-flexible-retrieval',
  'Glacier Deep Archive': 'storage-glacier-deep-archive',
};

function mapEc2Instance(a: Record<string, string>): Target | string {
  if (a.operatingSystem !== 'Linux') return `operatingSystem ${a.operatingSystem ?? 'missing'} (only Linux is booked)`;
  if (a.tenancy !== 'Shared') return `tenancy ${a.tenancy ?? 'missing'} (only shared tenancy is booked)`;
  if (a.capacitystatus !== undefined && a.capacitystatus !== 'Used') return `capacitystatus ${a.capacitystatus} (only Used is booked)`;
  if (a.preInstalledSw !== undefined && a.preInstalledSw !== 'NA') return `pre-installed software ${a.preInstalledSw}`;
  if (a.licenseModel !== undefined && a.licenseModel !== 'No License required') return `licenseModel ${a.licenseModel}`;
  if (a.marketoption !== undefined && a.marketoption !== 'OnDemand') return `marketoption ${a.marketoption}`;
  if (!a.instanceType) return 'no instanceType';
  const attributes: Target['attributes'] = { os: 'linux' };
  const vcpu = Number(a.vcpu);
  if (a.vcpu && Number.isFinite(vcpu)) attributes.vcpu = vcpu;
  const memory = gib(a.memory);
  if (memory !== undefined) attributes.memoryGib = memory;
  return { service: 'ec2', sku: a.instanceType, unit: 'hour', awsUnits: HOURS, scale: 0, attributes, reserved: true };
}

function mapProduct(serviceCode: string, product: AwsProduct): Target | string {
  const a = product.attributes;
  const family = product.productFamily ?? '';
  const unsupported = `no vocabulary mapping for ${serviceCode}: ${family || '(no productFamily)'}${a.usagetype ? ` ${a.usagetype}` : ''}`;
  switch (serviceCode) {
    case 'AmazonEC2':
      if (family === 'Compute Instance' || family === 'Compute Instance (bare metal)') return mapEc2Instance(a);
      if (family === 'Storage' && a.volumeApiName) return { service: 'ebs', sku: a.volumeApiName, unit: 'GB-month', awsUnits: ['GB-Mo'], scale: 0, attributes: {} };
      if (family === 'NAT Gateway' && usageEnds(a, 'NatGateway-Hours')) return { service: 'nat-gateway', sku: 'hour', unit: 'hour', awsUnits: HOURS, scale: 0, attributes: {} };
      if (family === 'NAT Gateway' && usageEnds(a, 'NatGateway-Bytes')) return { service: 'nat-gateway', sku: 'data', unit: 'GB', awsUnits: ['GB'], scale: 0, attributes: {} };
      return unsupported;
    case 'AmazonRDS': {
      if (family === 'Database Instance') {
        const engine = RDS_ENGINES[a.databaseEngine ?? ''];
        const deployment = RDS_DEPLOYMENTS[a.deploymentOption ?? ''];
        if (!engine) return `RDS engine ${a.databaseEngine ?? 'missing'} is not booked (postgresql, mysql, aurora-*)`;
        if (!deployment) return `RDS deploymentOption ${a.deploymentOption ?? 'missing'} is not booked (Single-AZ, Multi-AZ)`;
        if (!a.instanceType) return 'no instanceType';
        return { service: 'rds', sku: a.instanceType, unit: 'hour', awsUnits: HOURS, scale: 0, attributes: { engine, deployment }, reserved: true };
      }
      if (family === 'Database Storage') {
        const volume = RDS_VOLUMES[a.volumeType ?? ''];
        const deployment = RDS_DEPLOYMENTS[a.deploymentOption ?? ''];
        if (!volume || !deployment) return `RDS storage ${a.volumeType ?? '?'} ${a.deploymentOption ?? '?'} is not booked`;
        return { service: 'rds-storage', sku: volume, unit: 'GB-month', awsUnits: ['GB-Mo'], scale: 0, attributes: { deployment } };
      }
      return unsupported;
    }
    case 'AmazonElastiCache': {
      if (family !== 'Cache Instance') return unsupported;
      const engine = a.cacheEngine?.toLowerCase();
      if (engine !== 'redis' && engine !== 'valkey' && engine !== 'memcached') return `cacheEngine ${a.cacheEngine ?? 'missing'}`;
      if (!a.instanceType) return 'no instanceType';
      return { service: 'elasticache', sku: a.instanceType, unit: 'hour', awsUnits: HOURS, scale: 0, attributes: { engine }, reserved: true };
    }
    case 'AWSLambda':
      if (a.group === 'AWS-Lambda-Requests') return { service: 'lambda', sku: 'requests', unit: '1M requests', awsUnits: ['Requests'], scale: 6, attributes: {} };
      if (a.group === 'AWS-Lambda-Duration') return { service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', awsUnits: ['Lambda-GB-Second', 'GB-Second'], scale: 0, attributes: {} };
      if (a.group === 'AWS-Lambda-Duration-ARM') return { service: 'lambda', sku: 'duration-arm64', unit: 'GB-second', awsUnits: ['Lambda-GB-Second', 'GB-Second'], scale: 0, attributes: {} };
      return `Lambda group ${a.group ?? 'missing'} is not booked (requests, x86_64 and arm64 duration)`;
    case 'AWSQueueService': {
      const queue = a.queueType === 'Standard' ? 'standard-requests' : a.queueType?.startsWith('FIFO') ? 'fifo-requests' : undefined;
      if (family !== 'API Request' || !queue) return unsupported;
      return { service: 'sqs', sku: queue, unit: '1M requests', awsUnits: ['Requests'], scale: 6, attributes: {} };
    }
    case 'AmazonS3':
      if (family === 'Storage' && a.storageClass !== undefined) {
        const sku = S3_CLASSES[a.volumeType ?? ''];
        if (!sku || !usage(a).includes('TimedStorage')) return `S3 storage ${a.volumeType ?? '?'} is not booked`;
        return { service: 's3', sku, unit: 'GB-month', awsUnits: ['GB-Mo'], scale: 0, attributes: {} };
      }
      if (family === 'API Request' && a.group === 'S3-API-Tier1') return { service: 's3', sku: 'requests-tier1', unit: '1K requests', awsUnits: ['Requests'], scale: 3, attributes: {} };
      if (family === 'API Request' && a.group === 'S3-API-Tier2') return { service: 's3', sku: 'requests-tier2', unit: '1K requests', awsUnits: ['Requests'], scale: 3, attributes: {} };
      return unsupported;
    case 'AWSELB': {
      const lb = family === 'Load Balancer-Application' ? 'alb' : family === 'Load Balancer-Network' ? 'nlb' : undefined;
      if (!lb) return unsupported;
      if (usageEnds(a, 'LoadBalancerUsage')) return { service: lb, sku: 'hour', unit: 'hour', awsUnits: HOURS, scale: 0, attributes: {} };
      if (usageEnds(a, 'LCUUsage')) return { service: lb, sku: 'lcu', unit: 'unit-hour', awsUnits: ['LCU-Hrs', 'NLCU-Hrs', 'Hrs'], scale: 0, attributes: {} };
      return unsupported;
    }
    case 'AmazonECS': {
      const arch = usage(a).includes('ARM') ? 'arm64' : 'x86_64';
      if (usage(a).includes('Windows')) return 'Fargate Windows is not booked';
      if (/Fargate(-ARM)?-vCPU-Hours:perCPU$/.test(usage(a))) return { service: 'fargate', sku: 'vcpu', unit: 'vCPU-hour', awsUnits: HOURS, scale: 0, attributes: { arch } };
      if (/Fargate(-ARM)?-GB-Hours$/.test(usage(a))) return { service: 'fargate', sku: 'memory', unit: 'GB-hour', awsUnits: HOURS, scale: 0, attributes: { arch } };
      return unsupported;
    }
    case 'AmazonApiGateway':
      if (usageEnds(a, 'ApiGatewayHttpRequest')) return { service: 'api-gateway', sku: 'http-requests', unit: '1M requests', awsUnits: ['Requests'], scale: 6, attributes: {} };
      if (usageEnds(a, 'ApiGatewayRequest')) return { service: 'api-gateway', sku: 'rest-requests', unit: '1M requests', awsUnits: ['Requests'], scale: 6, attributes: {} };
      if (usageEnds(a, 'ApiGatewayMessage')) return { service: 'api-gateway', sku: 'websocket-messages', unit: '1M requests', awsUnits: ['Messages', 'Requests'], scale: 6, attributes: {} };
      return unsupported;
    default:
      return unsupported;
  }
}

/** The region of a product: `regionCode`, else its `location` name. */
function regionOf(a: Record<string, string>): string | undefined {
  return a.regionCode || (a.location ? AWS_LOCATIONS[a.location] : undefined);
}

function parseItem(value: unknown, where: string): AwsOffer {
  const item = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!isObject(item) || !isObject(item.product) || !isObject(item.terms)) throw new FormatError(`${where} is not a GetProducts price-list item (expected {product, terms}; ${describeKeys(item)})`);
  const product = item.product as unknown as AwsProduct;
  const terms = item.terms as { OnDemand?: Record<string, AwsTerm>; Reserved?: Record<string, AwsTerm> };
  return {
    serviceCode: String(item.serviceCode ?? product.attributes?.servicecode ?? ''),
    product: { ...product, attributes: product.attributes ?? {} },
    onDemand: Object.values(terms.OnDemand ?? {}),
    reserved: Object.values(terms.Reserved ?? {}),
    publicationDate: typeof item.publicationDate === 'string' ? item.publicationDate : undefined,
  };
}

/** Normalises any accepted input shape to one list of products with their terms. */
function offersOf(input: unknown): AwsOffer[] {
  if (isObject(input) && isObject(input.products) && isObject(input.terms)) {
    const terms = input.terms as { OnDemand?: Record<string, Record<string, AwsTerm>>; Reserved?: Record<string, Record<string, AwsTerm>> };
    const publicationDate = typeof input.publicationDate === 'string' ? input.publicationDate : undefined;
    return Object.entries(input.products as Record<string, AwsProduct>).map(([sku, product]) => ({
      serviceCode: String(input.offerCode ?? product.attributes?.servicecode ?? ''),
      product: { ...product, sku: product.sku ?? sku, attributes: product.attributes ?? {} },
      onDemand: Object.values(terms.OnDemand?.[sku] ?? {}),
      reserved: Object.values(terms.Reserved?.[sku] ?? {}),
      publicationDate,
    }));
  }
  if (Array.isArray(input) && input.length > 0 && input.every((file) => isObject(file) && isObject(file.products) && isObject(file.terms))) return input.flatMap(offersOf);
  if (isObject(input) && Array.isArray(input.PriceList)) return input.PriceList.map((item, i) => parseItem(item, `PriceList[${i}]`));
  if (isObject(input) && isObject(input.product) && isObject(input.terms)) return [parseItem(input, 'the item')];
  if (Array.isArray(input) && input.length > 0 && input.every((item) => isObject(item) && isObject(item.product))) return input.map((item, i) => parseItem(item, `item ${i}`));
  throw new FormatError(
    `not an AWS Price List offer file ({products, terms}) or GetProducts response ({PriceList: […]} or {product, terms}); ${describeKeys(input)}`,
  );
}

/** Price steps of one term in the record's unit; only dimensions in an accepted unit (upfront fees are "Quantity"). */
function steps(term: AwsTerm, target: Target): TierStep[] | string {
  const dimensions = Object.values(term.priceDimensions ?? {}).filter((d) => d.unit !== 'Quantity');
  if (dimensions.length === 0) return 'no hourly/usage price dimension (only an upfront fee)';
  const out: TierStep[] = [];
  for (const d of dimensions) {
    if (!target.awsUnits.some((u) => u.toLowerCase() === d.unit?.toLowerCase())) return `unit "${d.unit}" where ${target.awsUnits.join('/')} was expected`;
    const price = d.pricePerUnit?.USD;
    if (!isDecimal(price)) return `no USD price (pricePerUnit: ${JSON.stringify(d.pricePerUnit)})`;
    const begin = d.beginRange ?? '0';
    if (!isDecimal(begin)) return `beginRange "${begin}" is not a number`;
    out.push({ from: shift(begin, -target.scale), usd: shift(price, target.scale) });
  }
  return out;
}

const upfrontFee = (term: AwsTerm) => Object.values(term.priceDimensions ?? {}).find((d) => d.unit === 'Quantity')?.pricePerUnit?.USD;
const hourlyRate = (term: AwsTerm) => Object.values(term.priceDimensions ?? {}).find((d) => d.unit !== 'Quantity')?.pricePerUnit?.USD;

export function parseAwsOffer(input: unknown, options: ParseOptions): ParseResult {
  const offers = offersOf(input);
  const records: PriceRecord[] = [];
  const skipped: Skipped[] = [];
  const trust = options.trust ?? 'A';
  offers.forEach((offer, index) => {
    if (index % 1000 === 0) options.onProgress?.(index, offers.length);
    const { product } = offer;
    const label = `${product.sku}${product.attributes.instanceType ? ` (${product.attributes.instanceType})` : ''}`;
    const target = mapProduct(offer.serviceCode, product);
    if (typeof target === 'string') return void skipped.push({ key: label, reason: target });
    const region = regionOf(product.attributes);
    if (!region) return void skipped.push({ key: label, reason: `unknown location "${product.attributes.location ?? ''}"` });
    const make = (term: AwsTerm, priceTerm: PriceRecord['term'], price: { usd: string; tiers?: TierStep[] }, extra: Target['attributes'] = {}): PriceRecord => {
      const effectiveDate = options.effectiveDate ?? datePart(offer.publicationDate) ?? datePart(term.effectiveDate);
      if (!effectiveDate) throw new FormatError(`${label}: no publicationDate or effectiveDate; pass an effective date`);
      return {
        cloud: 'aws',
        service: target.service,
        sku: target.sku,
        region,
        term: priceTerm,
        unit: target.unit,
        usd: price.usd,
        ...(price.tiers ? { tiers: price.tiers } : {}),
        attributes: { ...target.attributes, ...extra },
        source: { file: options.sourceFile, key: `${product.sku}.${term.offerTermCode ?? '?'}`, trust },
        effectiveDate,
      };
    };

    for (const term of offer.onDemand) {
      const termKey = `${product.sku}.${term.offerTermCode ?? '?'}`;
      const lease = term.termAttributes?.LeaseContractLength;
      if (lease) {
        const a = term.termAttributes!;
        skipped.push({ key: termKey, reason: `OnDemand term carries reserved termAttributes (${lease} ${a.OfferingClass ?? ''} ${a.PurchaseOption ?? ''}); misplaced in this file, ignored` });
        continue;
      }
      const found = steps(term, target);
      const price = typeof found === 'string' ? found : tiered(found, compare);
      if (typeof price === 'string') skipped.push({ key: termKey, reason: `on-demand: ${price}` });
      else records.push(make(term, 'on-demand', price));
    }
    if (offer.onDemand.length === 0 && (offer.reserved.length === 0 || !target.reserved)) skipped.push({ key: label, reason: 'no on-demand term for this product in the file' });

    if (!target.reserved) return;
    for (const lease of ['1yr', '3yr'] as const) {
      const offers = offer.reserved.filter((t) => t.termAttributes?.LeaseContractLength === lease && (t.termAttributes?.OfferingClass ?? 'standard') === 'standard');
      if (offers.length === 0) continue;
      const noUpfront = offers.find((t) => t.termAttributes?.PurchaseOption === 'No Upfront');
      if (!noUpfront) {
        skipped.push({ key: `${label} reserved ${lease}`, reason: `no standard No Upfront offer (has ${offers.map((t) => t.termAttributes?.PurchaseOption).join(', ')})` });
        continue;
      }
      const found = steps(noUpfront, target);
      const price = typeof found === 'string' ? found : tiered(found, compare);
      if (typeof price === 'string') {
        skipped.push({ key: `${product.sku}.${noUpfront.offerTermCode ?? '?'}`, reason: `reserved ${lease}: ${price}` });
        continue;
      }
      const notes: Target['attributes'] = { commitment: 'reserved-instance', offeringClass: 'standard', purchaseOption: 'no-upfront' };
      const partial = offers.find((t) => t.termAttributes?.PurchaseOption === 'Partial Upfront');
      const partialFee = partial && upfrontFee(partial);
      const partialRate = partial && hourlyRate(partial);
      if (isDecimal(partialFee)) notes.partialUpfrontUsd = decimalText(partialFee);
      if (isDecimal(partialRate)) notes.partialUpfrontHourlyUsd = decimalText(partialRate);
      const all = offers.find((t) => t.termAttributes?.PurchaseOption === 'All Upfront');
      const allFee = all && upfrontFee(all);
      if (isDecimal(allFee)) notes.allUpfrontUsd = decimalText(allFee);
      records.push(make(noUpfront, lease === '1yr' ? 'reserved-1y' : 'reserved-3y', price, notes));
    }
  });
  options.onProgress?.(offers.length, offers.length);
  return dedupe({ records, skipped });
}
