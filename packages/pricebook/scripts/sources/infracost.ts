// multi/infracost-golden-unit-prices-aws-gcp-azure-2024-2026.csv: unit prices recovered from Infracost's golden test
// tables (AWS Price List API, GCP Cloud Billing Catalog API and Azure Retail Prices API data, 2024-07 … 2026-05).
//
// Trust (SOURCES.md): `stated` rows ("Monthly cost depends on usage: $X per unit") = B, `derived` rows (monthly cost ÷
// monthly quantity) = C. Two pitfalls decide how a value is read:
//  - derived: the cost is printed to the cent, so the unit price lies in [(cost − 0.005) ÷ qty, (cost + 0.005) ÷ qty];
//    rows whose quantity is itself rounded (4+ decimals, e.g. 1.3698 LCU) are not used;
//  - stated: Infracost's formatPrice prints prices below 0.1 in full but rounds prices of 0.1 or more to two decimals
//    (output/table.go: `if d.LessThan(0.1) formatFullDecimalCurrency else formatRoundedDecimalCurrency`), so "0.12"
//    means [0.115, 0.125] (the "East US" PostgreSQL storage is really 0.115) and "0.14" means [0.135, 0.145].
// Every row that prices the same thing narrows the interval; the value is the exact stated price where there is one,
// else the decimal with the fewest places inside the interval, computed in the unit the provider publishes (per hour,
// not per month). Intervals wider than ±1 % are not used, and conflicting rows drop the price. A price that needed a
// derived row is trust C.
import type { Decimal } from '../../../core/src/pricing/decimal';
import { compare, decimal, div, mul, sub, add, toText } from '../../../core/src/pricing/decimal';
import { shortestIn, text } from '../lib/decimal-text';
import { readSource } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput, Trust } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'multi/infracost-golden-unit-prices-aws-gcp-azure-2024-2026.csv';

export interface GoldenRow {
  cloud: string;
  test: string;
  region_from_tf: string;
  resource: string;
  component: string;
  unit: string;
  monthly_qty: string;
  monthly_cost: string;
  usage_based: string;
  unit_price: string;
  unit_price_kind: string;
  derived_abs_error_bound: string;
  golden_date: string;
  golden_commit: string;
}

/** Minimal RFC 4180 reader (quoted fields may hold commas and doubled quotes). */
export function parseCsv(textContent: string): GoldenRow[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < textContent.length; i++) {
    const c = textContent[i];
    if (quoted) {
      if (c === '"' && textContent[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && textContent[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) as unknown as GoldenRow);
}

type Factor = { mul?: string; div?: string };

interface Rule {
  cloud: 'aws' | 'gcp' | 'azure';
  test: string;
  component: RegExp;
  resource?: RegExp;
  service: string;
  sku: string | ((match: RegExpExecArray) => string);
  unit: PriceUnit;
  attributes?: RecordInput['attributes'] | ((match: RegExpExecArray) => RecordInput['attributes']);
  /** source unit price → the unit the provider publishes (where the shortest decimal is chosen) */
  toPublished?: Factor;
  /** published price → the record's unit (exact) */
  toBook?: Factor;
  /** this row prices the tier starting here (record unit per month); absent = untiered */
  tierFrom?: string;
  /** the label says the first `freeBelow` (record unit per month) are free: add a free first tier */
  freeBelow?: string;
}

const HOURS_PER_MONTH = { div: '730' };
const PER_MILLION = { mul: '1000000' };
const AZURE_REGIONS: Record<string, string> = { 'East US': 'eastus' };

const RULES: Rule[] = [
  // ---- AWS (us-east-1; some SNS rows eu-west-1, some Kinesis rows us-east-2)
  { cloud: 'aws', test: 'cloudwatch_event_bus_test', component: /^Custom events published$/, service: 'eventbridge', sku: 'custom-events', unit: '1M requests' },
  { cloud: 'aws', test: 'cloudwatch_log_group_test', component: /^Data ingested$/, service: 'cloudwatch', sku: 'logs-ingest', unit: 'GB' },
  { cloud: 'aws', test: 'cloudwatch_log_group_test', component: /^Archival Storage$/, service: 'cloudwatch', sku: 'logs-storage', unit: 'GB-month' },
  { cloud: 'aws', test: 'cloudwatch_log_group_test', component: /^Insights queries data scanned$/, service: 'cloudwatch', sku: 'logs-insights-scanned', unit: 'GB' },
  { cloud: 'aws', test: 'cloudwatch_metric_alarm_test', component: /^Standard resolution$/, service: 'cloudwatch', sku: 'alarms', unit: 'month' },
  { cloud: 'aws', test: 'cloudwatch_metric_alarm_test', component: /^High resolution$/, service: 'cloudwatch', sku: 'alarms-high-resolution', unit: 'month' },
  { cloud: 'aws', test: 'kinesis_stream_test', component: /^PROVISIONED$/, service: 'kinesis', sku: 'shard', unit: 'hour' },
  { cloud: 'aws', test: 'kinesis_stream_test', component: /^ON_DEMAND$/, service: 'kinesis', sku: 'on-demand-stream', unit: 'hour' },
  { cloud: 'aws', test: 'kinesis_stream_test', component: /^Data ingested$/, resource: /on_demand/, service: 'kinesis', sku: 'on-demand-data-in', unit: 'GB' },
  { cloud: 'aws', test: 'kinesis_stream_test', component: /^Data retrieval$/, resource: /on_demand/, service: 'kinesis', sku: 'on-demand-data-out', unit: 'GB' },
  { cloud: 'aws', test: 'kinesis_stream_test', component: /^Put request unit$/, service: 'kinesis', sku: 'put-payload-units', unit: '1M requests', toBook: PER_MILLION },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Requests$/, service: 'lambda', sku: 'requests', unit: '1M requests' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Ephemeral storage$/, service: 'lambda', sku: 'ephemeral-storage', unit: 'GB-second' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(first 6B\)$/, service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', tierFrom: '0' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(next 9B\)$/, service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', tierFrom: '6000000000' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(over 15B\)$/, service: 'lambda', sku: 'duration-x86_64', unit: 'GB-second', tierFrom: '15000000000' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(first 7\.5B\)$/, service: 'lambda', sku: 'duration-arm64', unit: 'GB-second', tierFrom: '0' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(next 11\.25B\)$/, service: 'lambda', sku: 'duration-arm64', unit: 'GB-second', tierFrom: '7500000000' },
  { cloud: 'aws', test: 'lambda_function_test', component: /^Duration \(over 18\.75B\)$/, service: 'lambda', sku: 'duration-arm64', unit: 'GB-second', tierFrom: '18750000000' },
  { cloud: 'aws', test: 'lb_test', component: /^Application load balancer$/, service: 'alb', sku: 'hour', unit: 'hour' },
  { cloud: 'aws', test: 'lb_test', component: /^Network load balancer$/, service: 'nlb', sku: 'hour', unit: 'hour' },
  // LCU rows are per LCU-month (0.008 × 730 = 5.84); AWS publishes per LCU-hour
  { cloud: 'aws', test: 'lb_test', component: /^Load balancer capacity units$/, resource: /alb|\.lb1$/, service: 'alb', sku: 'lcu', unit: 'unit-hour', toPublished: HOURS_PER_MONTH },
  { cloud: 'aws', test: 'lb_test', component: /^Load balancer capacity units$/, resource: /nlb/, service: 'nlb', sku: 'lcu', unit: 'unit-hour', toPublished: HOURS_PER_MONTH },
  { cloud: 'aws', test: 'msk_cluster_test', component: /^Instance \((kafka\.[a-z0-9.]+)\)$/, service: 'msk', sku: (m) => m[1] ?? '', unit: 'hour' },
  { cloud: 'aws', test: 'msk_cluster_test', component: /^Storage( \(autoscaling\))?$/, service: 'msk', sku: 'storage', unit: 'GB-month' },
  { cloud: 'aws', test: 'nat_gateway_test', component: /^NAT gateway$/, service: 'nat-gateway', sku: 'hour', unit: 'hour' },
  { cloud: 'aws', test: 'nat_gateway_test', component: /^Data processed$/, service: 'nat-gateway', sku: 'data', unit: 'GB' },
  { cloud: 'aws', test: 'sns_topic_test', component: /^API requests \(over 1M\)$/, service: 'sns', sku: 'requests', unit: '1M requests', tierFrom: '1', freeBelow: '1' },
  // per 100k notifications → per 1M
  { cloud: 'aws', test: 'sns_topic_test', component: /^HTTP\/HTTPS notifications \(over 100k\)$/, service: 'sns', sku: 'http-deliveries', unit: '1M requests', toBook: { mul: '10' }, tierFrom: '0.1', freeBelow: '0.1' },

  // ---- GCP (us-central1; Cloud Run europe-west3, a tier-2 region)
  { cloud: 'gcp', test: 'sql_database_instance_test', component: /^(?:Replica \/ )?vCPUs \(\d+, (zonal|regional)\)$/, service: 'cloud-sql', sku: 'vcpu', unit: 'vCPU-hour', attributes: (m) => ({ availability: m[1] ?? '' }) },
  // memory rows are per GB-month (0.007 × 730 = 5.11); Google publishes per GB-hour
  { cloud: 'gcp', test: 'sql_database_instance_test', component: /^(?:Replica \/ )?Memory \([\d.]+ GB, (zonal|regional)\)$/, service: 'cloud-sql', sku: 'memory', unit: 'GB-hour', attributes: (m) => ({ availability: m[1] ?? '' }), toPublished: HOURS_PER_MONTH },
  { cloud: 'gcp', test: 'sql_database_instance_test', component: /^SQL instance \((db-f1-micro|db-g1-small), (zonal|regional)\)$/, service: 'cloud-sql', sku: (m) => m[1] ?? '', unit: 'hour', attributes: (m) => ({ availability: m[2] ?? '' }) },
  { cloud: 'gcp', test: 'sql_database_instance_test', component: /^(?:Replica \/ )?Storage \(SSD, (zonal|regional)\)$/, service: 'cloud-sql', sku: 'storage-ssd', unit: 'GB-month', attributes: (m) => ({ availability: m[1] ?? '' }) },
  { cloud: 'gcp', test: 'sql_database_instance_test', component: /^Backups$/, service: 'cloud-sql', sku: 'backups', unit: 'GB-month' },
  { cloud: 'gcp', test: 'cloud_run_service_test', component: /^CPU allocation time \(tier 2\)$/, resource: /throttling_enabled|no_usage/, service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'request' } },
  { cloud: 'gcp', test: 'cloud_run_v2_service_test', component: /^CPU allocation time \(tier 2\)$/, resource: /throttling_enabled/, service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'request' } },
  { cloud: 'gcp', test: 'cloud_run_service_test', component: /^Memory allocation time \(tier 2\)$/, resource: /throttling_enabled|no_usage/, service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'request' } },
  { cloud: 'gcp', test: 'cloud_run_v2_service_test', component: /^Memory allocation time \(tier 2\)$/, resource: /throttling_enabled/, service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'request' } },
  { cloud: 'gcp', test: 'cloud_run_service_test', component: /^CPU allocation time \(tier 2\)$/, resource: /throttling_disabled/, service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_v2_service_test', component: /^CPU allocation time \(tier 2\)$/, resource: /throttling_disabled/, service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_v2_job_test', component: /^CPU allocation time \(tier 2\)$/, service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_service_test', component: /^Memory allocation time \(tier 2\)$/, resource: /throttling_disabled/, service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_v2_service_test', component: /^Memory allocation time \(tier 2\)$/, resource: /throttling_disabled/, service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_v2_job_test', component: /^Memory allocation time \(tier 2\)$/, service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'instance' } },
  { cloud: 'gcp', test: 'cloud_run_service_test', component: /^Number of requests$/, service: 'cloud-run', sku: 'requests', unit: '1M requests', toBook: PER_MILLION },
  { cloud: 'gcp', test: 'cloud_run_v2_service_test', component: /^Number of requests$/, service: 'cloud-run', sku: 'requests', unit: '1M requests', toBook: PER_MILLION },
  // 1st-gen Cloud Functions; its CPU is billed per GHz-second, which has no unit here (not used)
  { cloud: 'gcp', test: 'cloudfunctions_function_test', component: /^Memory$/, service: 'cloud-functions', sku: 'memory', unit: 'GB-second', attributes: { generation: '1st-gen' } },
  { cloud: 'gcp', test: 'cloudfunctions_function_test', component: /^Invocations$/, service: 'cloud-functions', sku: 'invocations', unit: '1M requests', attributes: { generation: '1st-gen' }, toBook: PER_MILLION },
  // per TiB → per GB (÷ 1024, the vocabulary's rule for GCP's binary units)
  { cloud: 'gcp', test: 'pubsub_topic_test', component: /^Message ingestion data$/, service: 'pubsub', sku: 'throughput', unit: 'GB', toBook: { div: '1024' } },
  { cloud: 'gcp', test: 'pubsub_subscription_test', component: /^Message delivery data$/, service: 'pubsub', sku: 'throughput', unit: 'GB', toBook: { div: '1024' } },
  { cloud: 'gcp', test: 'pubsub_subscription_test', component: /^Retained acknowledged message storage$/, service: 'pubsub', sku: 'storage', unit: 'GB-month' },
  // the per-rule charge beyond the first 5 rules (GCP: first 5 rules 0.025/h together, each further rule 0.01/h)
  { cloud: 'gcp', test: 'compute_forwarding_rule_test', component: /^Forwarding rules$/, service: 'load-balancer', sku: 'forwarding-rule-additional', unit: 'hour' },
  { cloud: 'gcp', test: 'compute_forwarding_rule_test', component: /^Ingress data$/, service: 'load-balancer', sku: 'data-processed', unit: 'GB' },
  // per GB-month of capacity (basic M1 35.77 = 0.049 × 730); Google publishes per GB-hour
  { cloud: 'gcp', test: 'redis_instance_test', component: /^Redis instance \((basic|standard), (M\d)\)$/, service: 'memorystore', sku: 'capacity', unit: 'GB-hour', attributes: (m) => ({ tier: m[1] ?? '', capacityTier: m[2] ?? '' }), toPublished: HOURS_PER_MONTH },
  { cloud: 'gcp', test: 'redis_cluster_test', component: /^Cluster node \(([a-z ]+)\)$/, service: 'memorystore-cluster', sku: (m) => (m[1] ?? '').replace(/ /g, '-'), unit: 'hour' },

  // ---- Azure (eastus, westus; "East US" is eastus)
  { cloud: 'azure', test: 'managed_redis_test', component: /^Cache usage \(([A-Za-z]+_[A-Z]\d+)\)$/, service: 'managed-redis', sku: (m) => m[1] ?? '', unit: 'hour' },
  // per node-month (Premium P1 202.21 = 0.277 × 730); Azure publishes per hour
  { cloud: 'azure', test: 'redis_cache_test', component: /^Cache usage \((Basic|Standard|Premium)_([CP]\d)\)$/, service: 'redis', sku: (m) => `${(m[1] ?? '').toLowerCase()}-${(m[2] ?? '').toLowerCase()}`, unit: 'hour', attributes: (m) => ({ tier: (m[1] ?? '').toLowerCase() }), toPublished: HOURS_PER_MONTH },
  ...(['mysql', 'postgresql'] as const).flatMap((engine): Rule[] => [
    { cloud: 'azure', test: `${engine}_flexible_server_test`, component: /^Compute \((B|GP|MO)_Standard_([A-Za-z0-9_]+)\)$/, service: `${engine}-flexible`, sku: (m) => m[2] ?? '', unit: 'hour', attributes: (m) => ({ tier: ({ B: 'burstable', GP: 'general-purpose', MO: 'memory-optimized' } as Record<string, string>)[m[1] ?? ''] ?? '' }) },
    { cloud: 'azure', test: `${engine}_flexible_server_test`, component: /^Storage$/, service: `${engine}-flexible`, sku: 'storage', unit: 'GB-month' },
    { cloud: 'azure', test: `${engine}_flexible_server_test`, component: /^Additional backup storage$/, service: `${engine}-flexible`, sku: 'backup-storage', unit: 'GB-month' },
  ]),
];

const apply = (d: Decimal, factor: Factor | undefined, exact: boolean): Decimal => {
  let out = d;
  if (factor?.mul) out = mul(out, decimal(factor.mul));
  if (factor?.div) {
    const q = div(out, decimal(factor.div), 30);
    if (exact && compare(mul(q, decimal(factor.div)), out) !== 0) throw new Error(`${toText(out)} / ${factor.div} is not exact`);
    out = q;
  }
  return out;
};

interface Interval {
  lo: Decimal;
  hi: Decimal;
  /** an exact stated price (below 0.1, printed in full) */
  exact?: Decimal;
  stated: boolean;
  row: GoldenRow;
}

const ROUNDING = decimal('0.005');
const ONE_TENTH = decimal('0.1');

/** What one row says about the unit price, in the rule's published unit; undefined if the row cannot say it precisely. */
function rowInterval(row: GoldenRow, rule: Rule): Interval | undefined {
  if (row.unit_price_kind === 'stated') {
    const v = decimal(row.unit_price);
    if (compare(v, ONE_TENTH) < 0) {
      const exact = apply(v, rule.toPublished, false);
      return { lo: exact, hi: exact, exact, stated: true, row };
    }
    return { lo: apply(sub(v, ROUNDING), rule.toPublished, false), hi: apply(add(v, ROUNDING), rule.toPublished, false), stated: true, row };
  }
  if (!/^\d+(\.\d{1,2})?$/.test(row.monthly_qty) && !/^\d+\.0$/.test(row.monthly_qty)) return undefined; // a rounded quantity
  const qty = decimal(row.monthly_qty);
  if (qty.units === 0n) return undefined;
  const cost = decimal(row.monthly_cost);
  const lo = div(sub(cost, ROUNDING), qty, 30);
  const hi = div(add(cost, ROUNDING), qty, 30);
  return { lo: apply(lo, rule.toPublished, false), hi: apply(hi, rule.toPublished, false), stated: false, row };
}

interface Group {
  rule: Rule;
  cloud: 'aws' | 'gcp' | 'azure';
  service: string;
  sku: string;
  region: string;
  attributes: RecordInput['attributes'];
  tiers: Map<string, Interval[]>;
}

export function loadInfracost(notes: Notes = noNotes): PriceRecord[] {
  const rows = parseCsv(readSource(FILE));
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let matched = false;
    for (const rule of RULES) {
      if (rule.cloud !== row.cloud || rule.test !== row.test) continue;
      const match = rule.component.exec(row.component);
      if (!match || (rule.resource && !rule.resource.test(row.resource))) continue;
      matched = true;
      const sku = typeof rule.sku === 'function' ? rule.sku(match) : rule.sku;
      const attributes = typeof rule.attributes === 'function' ? rule.attributes(match) : (rule.attributes ?? {});
      const region = AZURE_REGIONS[row.region_from_tf] ?? row.region_from_tf;
      const id = JSON.stringify([rule.cloud, rule.service, sku, region, Object.entries(attributes ?? {}).sort()]);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { rule, cloud: rule.cloud, service: rule.service, sku, region, attributes, tiers: new Map() }));
      const interval = rowInterval(row, rule);
      if (!interval) {
        notes.skip('infracost', 'derived rows with a rounded quantity (e.g. 1.3698 LCU)');
        continue;
      }
      const tier = rule.tierFrom ?? '';
      const list = group.tiers.get(tier) ?? [];
      list.push(interval);
      group.tiers.set(tier, list);
      break;
    }
    if (!matched) notes.skip('infracost', `${row.cloud} ${row.test.replace(/_test$/, '')}: ${row.component.replace(/\(.*\)/, '(…)')} (not mapped)`);
  }

  const records: PriceRecord[] = [];
  for (const group of groups.values()) {
    const tierPrices: Array<{ from: string; usd: string }> = [];
    let trust: Trust = 'B';
    let failed: string | undefined;
    const used: GoldenRow[] = [];
    for (const [tierFrom, intervals] of [...group.tiers.entries()].sort((a, b) => compare(decimal(a[0] || '0'), decimal(b[0] || '0')))) {
      const rule = group.rule;
      let lo = intervals[0]!.lo;
      let hi = intervals[0]!.hi;
      for (const i of intervals) {
        if (compare(i.lo, lo) > 0) lo = i.lo;
        if (compare(i.hi, hi) < 0) hi = i.hi;
      }
      const exact = intervals.find((i) => i.exact)?.exact;
      if (compare(lo, hi) > 0 || (exact && (compare(exact, lo) < 0 || compare(exact, hi) > 0))) {
        failed = `rows disagree (${intervals.map((i) => `${i.row.unit_price_kind} ${i.row.unit_price}`).join(' vs ')})`;
        break;
      }
      let value: Decimal;
      if (exact) {
        value = exact;
        used.push(...intervals.filter((i) => i.stated).map((i) => i.row));
      } else {
        const middle = div(add(lo, hi), decimal(2), 30);
        const halfWidth = div(sub(hi, lo), decimal(2), 30);
        if (compare(mul(halfWidth, decimal(100)), middle) > 0) {
          failed = `too imprecise (${intervals.map((i) => `${i.row.unit_price_kind} ${i.row.unit_price}`).join(', ')})`;
          break;
        }
        value = shortestIn(lo, hi);
        used.push(...intervals.map((i) => i.row));
        if (intervals.some((i) => !i.stated)) trust = 'C';
      }
      tierPrices.push({ from: tierFrom || '0', usd: text(apply(value, rule.toBook, true)) });
    }
    const label = `${group.cloud} ${group.service} ${group.sku} ${group.region}`;
    if (failed) {
      notes.skip('infracost', `${label}: ${failed}`);
      continue;
    }
    if (group.rule.tierFrom !== undefined && tierPrices[0]?.from !== '0') {
      if (!group.rule.freeBelow || tierPrices[0]?.from !== group.rule.freeBelow) throw new Error(`${FILE}: ${label} tiers do not start at 0`);
      tierPrices.unshift({ from: '0', usd: '0' });
    }
    const tiered = group.rule.tierFrom !== undefined;
    const dates = used.map((row) => row.golden_date).sort();
    const components = [...new Set(used.map((row) => `${row.test}: ${row.component}`))];
    const commits = [...new Set(used.map((row) => row.golden_commit.slice(0, 12)))];
    records.push(
      priceRecord({
        cloud: group.cloud,
        service: group.service,
        sku: group.sku,
        region: group.region,
        unit: group.rule.unit,
        usd: tierPrices[0]!.usd,
        tiers: tiered ? tierPrices : undefined,
        attributes: group.attributes,
        file: FILE,
        key: `${components.join(' + ')} @ ${commits.join(',')}`,
        trust,
        effectiveDate: dates[dates.length - 1]!,
      }),
    );
  }
  return records;
}
