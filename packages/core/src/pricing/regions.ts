import type { Cloud } from '../document/schema';

export type PricedCloud = Exclude<Cloud, 'multi'>;
export const PRICED_CLOUDS: readonly PricedCloud[] = ['aws', 'gcp', 'azure'];

/** Where a cloud's prices are most complete; used when a document names no region, and as the labelled fallback. */
export const REFERENCE_REGION: Record<PricedCloud, string> = { aws: 'us-east-1', gcp: 'us-central1', azure: 'eastus' };

/**
 * Nearest region on each cloud, for moving a design between clouds (same metro or at least same continent).
 * Rows are read left to right: a region of any column maps to the other columns of its row.
 */
const EQUIVALENT_REGIONS: ReadonlyArray<Record<PricedCloud, string>> = [
  { aws: 'us-east-1', gcp: 'us-east4', azure: 'eastus' },
  { aws: 'us-east-2', gcp: 'us-east1', azure: 'eastus2' },
  { aws: 'us-west-2', gcp: 'us-west1', azure: 'westus2' },
  { aws: 'us-west-1', gcp: 'us-west2', azure: 'westus' },
  { aws: 'us-east-1', gcp: 'us-central1', azure: 'centralus' },
  { aws: 'ca-central-1', gcp: 'northamerica-northeast1', azure: 'canadacentral' },
  { aws: 'eu-west-1', gcp: 'europe-west1', azure: 'westeurope' },
  { aws: 'eu-west-1', gcp: 'europe-west1', azure: 'northeurope' },
  { aws: 'eu-west-2', gcp: 'europe-west2', azure: 'uksouth' },
  { aws: 'eu-central-1', gcp: 'europe-west3', azure: 'germanywestcentral' },
  { aws: 'eu-west-3', gcp: 'europe-west9', azure: 'francecentral' },
  { aws: 'eu-north-1', gcp: 'europe-north1', azure: 'swedencentral' },
  { aws: 'eu-central-1', gcp: 'europe-west4', azure: 'westeurope' },
  { aws: 'ap-southeast-1', gcp: 'asia-southeast1', azure: 'southeastasia' },
  { aws: 'ap-northeast-1', gcp: 'asia-northeast1', azure: 'japaneast' },
  { aws: 'ap-south-1', gcp: 'asia-south1', azure: 'centralindia' },
  { aws: 'ap-southeast-2', gcp: 'australia-southeast1', azure: 'australiaeast' },
  { aws: 'sa-east-1', gcp: 'southamerica-east1', azure: 'brazilsouth' },
];

/** Which cloud a region id belongs to, from its shape: `us-east-1` (AWS), `us-central1` (GCP), `eastus` (Azure). */
export function cloudOfRegion(region: string): PricedCloud | undefined {
  if (/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) return 'aws';
  if (/^[a-z]+-[a-z]+\d+$/.test(region)) return 'gcp';
  if (/^[a-z]+\d?$/.test(region)) return 'azure';
  return undefined;
}

/** The region to use on `cloud` for a design placed in `region` (which may belong to another cloud). */
export function regionOn(cloud: PricedCloud, region: string | undefined): string {
  if (!region) return REFERENCE_REGION[cloud];
  const from = cloudOfRegion(region);
  if (from === cloud) return region;
  if (!from) return REFERENCE_REGION[cloud];
  return EQUIVALENT_REGIONS.find((row) => row[from] === region)?.[cloud] ?? REFERENCE_REGION[cloud];
}

const NON_EEA_EUROPE = new Set(['eu-west-2', 'eu-central-2', 'europe-west2', 'europe-west6']); // London, Zurich

/**
 * True when the region is in the EU/EEA (for data residency), judged from its id. London and Zurich are in Europe but
 * outside the EU/EEA (both have adequacy decisions, which a rule may mention; they are still not EU/EEA regions).
 */
export function isEuRegion(region: string): boolean {
  if (NON_EEA_EUROPE.has(region)) return false;
  return /^(eu-|europe-)/.test(region) || /^(westeurope|northeurope|francecentral|francesouth|germanywestcentral|germanynorth|swedencentral|swedensouth|norwayeast|norwaywest|italynorth|polandcentral|spaincentral|belgiumcentral|austriaeast|denmarkeast)$/.test(region);
}
