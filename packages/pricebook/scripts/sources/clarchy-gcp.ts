// gcp/clarchy-gcp-prices-us-central1-HANDCOMPILED.yaml (trust C): us-central1 prices compiled by hand from Google's
// pricing pages ("Not machine-checked", no licence), as of 2026-10-01. The only source for Firestore and for Cloud Run
// tier-1 prices; otherwise a cross-check. `source.key` is the entry name plus the pricing page it was read from.
import { parse } from 'yaml';
import { divideExact, times } from '../lib/decimal-text';
import { readSource } from '../lib/paths';
import type { Notes, PriceRecord, PriceUnit, RecordInput } from '../lib/record';
import { noNotes, priceRecord } from '../lib/record';

export const FILE = 'gcp/clarchy-gcp-prices-us-central1-HANDCOMPILED.yaml';

interface Entry {
  price: number;
  unit: string;
  source: string;
  commit_1yr?: number;
  commit_3yr?: number;
}

interface Target {
  service: string;
  sku: string;
  unit: PriceUnit;
  mul?: string;
  div?: string;
  attributes?: RecordInput['attributes'];
  commits?: boolean;
}

// Cloud SQL entries are whole instances (2 vCPU 4 GB …); Cloud SQL names such shapes db-custom-<vCPUs>-<MiB>.
const sql = (sku: string, availability: string): Target => ({ service: 'cloud-sql', sku, unit: 'hour', attributes: { availability }, commits: true });

const TARGETS: Record<string, Target> = {
  'run.requests': { service: 'cloud-run', sku: 'requests', unit: '1M requests' },
  'run.vcpu_seconds': { service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', attributes: { billing: 'request' } },
  'run.gib_seconds': { service: 'cloud-run', sku: 'memory', unit: 'GB-second', attributes: { billing: 'request' } },
  // instance-based Cloud Run is published per hour on the page this was read from; per second = ÷ 3600 (exact)
  'run.vcpu_hours': { service: 'cloud-run', sku: 'vcpu', unit: 'vCPU-second', div: '3600', attributes: { billing: 'instance' }, commits: true },
  'run.gib_hours': { service: 'cloud-run', sku: 'memory', unit: 'GB-second', div: '3600', attributes: { billing: 'instance' }, commits: true },
  'apigw.calls': { service: 'api-gateway', sku: 'calls', unit: '1M requests' },
  'cdn.egress_gb': { service: 'cloud-cdn', sku: 'data-out', unit: 'GB' },
  'cdn.lookups': { service: 'cloud-cdn', sku: 'cache-lookups', unit: '1M requests', mul: '100' }, // per 10K
  'lb.rule_hours': { service: 'load-balancer', sku: 'forwarding-rule', unit: 'hour' }, // the first 5 rules, together
  'lb.data_gb': { service: 'load-balancer', sku: 'data-processed', unit: 'GB' },
  'gke.cluster_hours': { service: 'gke', sku: 'cluster', unit: 'hour' },
  'gce.node_hours': { service: 'compute-engine', sku: 'e2-standard-2', unit: 'hour', commits: true },
  'gcs.archive_gb': { service: 'gcs', sku: 'storage-archive', unit: 'GB-month', attributes: { locationType: 'region' } },
  'gcs.storage_gb': { service: 'gcs', sku: 'storage-standard', unit: 'GB-month', attributes: { locationType: 'region' } },
  'gcs.class_a': { service: 'gcs', sku: 'operations-class-a', unit: '1K requests' },
  'gcs.class_b': { service: 'gcs', sku: 'operations-class-b', unit: '1K requests' },
  'pubsub.tib': { service: 'pubsub', sku: 'throughput', unit: 'GB', div: '1024' },
  'cloudsql.small.single': sql('db-custom-2-4096', 'zonal'),
  'cloudsql.small.multi': sql('db-custom-2-4096', 'regional'),
  'cloudsql.medium.single': sql('db-custom-2-8192', 'zonal'),
  'cloudsql.medium.multi': sql('db-custom-2-8192', 'regional'),
  'cloudsql.large.single': sql('db-custom-4-16384', 'zonal'),
  'cloudsql.large.multi': sql('db-custom-4-16384', 'regional'),
  'cloudsql.storage_gb.single': { service: 'cloud-sql', sku: 'storage-ssd', unit: 'GB-month', attributes: { availability: 'zonal' } },
  'cloudsql.storage_gb.multi': { service: 'cloud-sql', sku: 'storage-ssd', unit: 'GB-month', attributes: { availability: 'regional' } },
  'firestore.reads': { service: 'firestore', sku: 'reads', unit: '1M requests' },
  'firestore.writes': { service: 'firestore', sku: 'writes', unit: '1M requests' },
  'firestore.storage_gb': { service: 'firestore', sku: 'storage', unit: 'GB-month' },
  'memorystore.gb_hours': { service: 'memorystore', sku: 'capacity', unit: 'GB-hour', attributes: { tier: 'standard' }, commits: true },
  'logging.gb': { service: 'cloud-logging', sku: 'ingest', unit: 'GB' },
};

export function loadClarchyGcp(notes: Notes = noNotes): PriceRecord[] {
  const doc = parse(readSource(FILE)) as { region_code: string; as_of: string; prices: Record<string, Entry> };
  const records: PriceRecord[] = [];
  const convert = (value: number, target: Target) => {
    let out = times(value, target.mul ?? '1');
    if (target.div) out = divideExact(out, target.div);
    return out;
  };
  for (const [name, entry] of Object.entries(doc.prices)) {
    const target = TARGETS[name];
    if (!target) {
      notes.skip('clarchy-gcp', `${name} (no vocabulary row)`);
      continue;
    }
    const base = {
      cloud: 'gcp' as const,
      service: target.service,
      sku: target.sku,
      region: doc.region_code,
      unit: target.unit,
      file: FILE,
      trust: 'C' as const,
      effectiveDate: doc.as_of,
    };
    records.push(priceRecord({ ...base, usd: convert(entry.price, target), attributes: target.attributes, key: `prices.${name} (${entry.source})` }));
    if (!target.commits) continue;
    for (const [term, value] of [['reserved-1y', entry.commit_1yr], ['reserved-3y', entry.commit_3yr]] as const) {
      if (value === undefined) continue;
      records.push(
        priceRecord({
          ...base,
          term,
          usd: convert(value, target),
          attributes: { ...target.attributes, commitment: 'committed-use' },
          key: `prices.${name}.commit_${term === 'reserved-1y' ? '1yr' : '3yr'} (${entry.source})`,
        }),
      );
    }
  }
  return records;
}
