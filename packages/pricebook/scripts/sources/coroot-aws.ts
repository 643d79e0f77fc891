// aws/coroot-aws-rds-elasticache-egress-2024-08.json (trust B): RDS and ElastiCache On-Demand instance-hours and
// internet-egress tiers from coroot/cloud-pricing (Infracost dump of the AWS Price List API), 2024-08-09.
// Pitfalls handled here (SOURCES.md): 0 means "no price found" (skipped, never written as a price); egress values are
// float32 artefacts (0.09000000357627869), rounded back to the published price; the first class per region+engine is
// missing (a coroot bug), so a missing class is not proof it is not offered.
// Found while building: coroot does not tell Aurora Standard from Aurora I/O-Optimized instance prices (the latter are
// 1.3 × the former) and keeps whichever it met last, e.g. us-east-1 db.r5.large 0.29 for aurora-mysql but 0.377 for
// aurora-postgresql, db.r6g.large 0.338 for both. Like its EC2 table, the Aurora values are not usable: skipped.
import { float32Text } from '../lib/decimal-text';
import { readSourceJson } from '../lib/paths';
import type { Notes, PriceRecord } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'aws/coroot-aws-rds-elasticache-egress-2024-08.json';
const EFFECTIVE_DATE = '2024-08-09';

/** Regions kept for RDS and ElastiCache (the file has 31; the engine falls back across regions for the others). */
export const DB_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1'];
const DB_FAMILIES = ['t3', 't4g', 'm5', 'm6g', 'm6i', 'm7g', 'r5', 'r6g', 'r6i', 'r7g'];
const SIZES = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge'];
const CACHE_FAMILIES = ['t3', 't4g', 'm5', 'm6g', 'm7g', 'r5', 'r6g', 'r7g'];

const ENGINES: Record<string, string> = { postgres: 'postgresql', mysql: 'mysql' };
const SKIPPED_ENGINES = ['aurora-postgresql', 'aurora-mysql'];

interface Rate {
  on_demand: number;
}
interface CorootFile {
  _meta: { commit_date: string };
  aws: {
    managed_db: Record<string, Record<string, Record<string, { single_az: Rate; multi_az: Rate }>>>;
    managed_cache: Record<string, Record<string, Record<string, Rate>>>;
    internet_egress: Record<string, Record<string, number>>;
  };
}

const kept = (instanceClass: string, prefix: string, families: string[]) => {
  const [p, family = '', size = ''] = instanceClass.split('.');
  return p === prefix && families.includes(family) && SIZES.includes(size);
};

export function loadCorootAws(notes: Notes = noNotes): PriceRecord[] {
  const data = readSourceJson<CorootFile>(FILE);
  if (!data._meta.commit_date.startsWith(EFFECTIVE_DATE)) throw new Error(`${FILE}: unexpected date ${data._meta.commit_date}`);
  const records: PriceRecord[] = [];
  const base = { cloud: 'aws' as const, file: FILE, trust: 'B' as const, effectiveDate: EFFECTIVE_DATE };

  for (const region of DB_REGIONS) {
    for (const [engineKey, classes] of Object.entries(data.aws.managed_db[region] ?? {})) {
      if (SKIPPED_ENGINES.includes(engineKey)) {
        notes.skip('coroot-aws', 'Aurora: Standard and I/O-Optimized instance prices mixed up (unusable)');
        continue;
      }
      const engine = ENGINES[engineKey];
      if (!engine) throw new Error(`${FILE}: unknown engine ${engineKey}`);
      for (const [instanceClass, rates] of Object.entries(classes)) {
        if (!kept(instanceClass, 'db', DB_FAMILIES)) {
          notes.skip('coroot-aws', 'RDS classes outside the kept families/sizes');
          continue;
        }
        for (const [deployment, rate] of [['single-az', rates.single_az], ['multi-az', rates.multi_az]] as const) {
          if (!(rate.on_demand > 0)) {
            notes.skip('coroot-aws', `RDS ${deployment} rate 0 = no price`);
            continue;
          }
          records.push(
            priceRecord({
              ...base,
              service: 'rds',
              sku: instanceClass,
              region,
              unit: 'hour',
              usd: rate.on_demand,
              attributes: { engine, deployment },
              key: `aws.managed_db.${region}.${engineKey}.${instanceClass}.${deployment === 'single-az' ? 'single_az' : 'multi_az'}.on_demand`,
            }),
          );
        }
      }
    }
    for (const [engine, classes] of Object.entries(data.aws.managed_cache[region] ?? {})) {
      if (engine !== 'redis' && engine !== 'memcached') throw new Error(`${FILE}: unknown cache engine ${engine}`);
      for (const [nodeType, rate] of Object.entries(classes)) {
        if (!kept(nodeType, 'cache', CACHE_FAMILIES)) {
          notes.skip('coroot-aws', 'ElastiCache node types outside the kept families/sizes');
          continue;
        }
        if (!(rate.on_demand > 0)) {
          notes.skip('coroot-aws', 'ElastiCache rate 0 = no price');
          continue;
        }
        records.push(
          priceRecord({
            ...base,
            service: 'elasticache',
            sku: nodeType,
            region,
            unit: 'hour',
            usd: rate.on_demand,
            attributes: { engine },
            key: `aws.managed_cache.${region}.${engine}.${nodeType}.on_demand`,
          }),
        );
      }
    }
  }

  // Internet egress: every region. Tier starts are GB per month; "0" covers 0–10 TB (coroot does not model AWS's
  // account-wide free 100 GB, so neither do we).
  for (const [region, tiersByStart] of Object.entries(data.aws.internet_egress)) {
    const tiers = Object.entries(tiersByStart)
      .map(([from, price]) => ({ from: Number(from), usd: float32Text(price) }))
      .sort((a, b) => a.from - b.from);
    if (tiers.some((tier) => tier.usd === '0')) {
      notes.skip('coroot-aws', `egress ${region}: a tier priced 0 (= no price)`);
      continue;
    }
    if (tiers[0]?.from !== 0) throw new Error(`${FILE}: egress ${region} does not start at 0`);
    records.push(
      priceRecord({
        ...base,
        service: 'data-transfer',
        sku: 'internet-egress',
        region,
        unit: 'GB',
        usd: tiers[0].usd,
        tiers: tiers.map((tier) => ({ from: tier.from, usd: tier.usd })),
        key: `aws.internet_egress.${region} (float32 values rounded to the published price)`,
      }),
    );
  }
  return records;
}
