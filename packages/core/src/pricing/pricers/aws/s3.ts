import { DEFAULT_RESPONSE_SIZE_KB } from '../../../traffic/traffic';
import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, usage } from '../helpers';
import { count, readsAndWrites } from './links';

/** Data stored when no `usage.storageGb` is given, in GB. */
export const DEFAULT_STORAGE_GB = 100;

/** Another cloud's storage class or access tier → the S3 storage class with the same access pattern. */
const S3_CLASS: Record<string, string> = {
  nearline: 'standard-ia',
  coldline: 'glacier-instant',
  archive: 'glacier-deep-archive',
  hot: 'standard',
  cool: 'standard-ia',
  cold: 'glacier-instant',
};
const CLASS_NAME: Record<string, string> = {
  standard: 'Standard',
  'intelligent-tiering': 'Intelligent-Tiering',
  'standard-ia': 'Standard-IA',
  'one-zone-ia': 'One Zone-IA',
  'glacier-instant': 'Glacier Instant Retrieval',
  'glacier-flexible': 'Glacier Flexible Retrieval',
  'glacier-deep-archive': 'Glacier Deep Archive',
};
/** Classes that charge per GB retrieved. */
const RETRIEVAL_CLASSES = new Set(['standard-ia', 'one-zone-ia', 'glacier-instant', 'glacier-flexible', 'glacier-deep-archive']);
/** Connection types into a bucket that are GET-class requests (besides `read`): a CDN or service fetching objects. */
const GET_TYPES = ['http', 'grpc', 'graphql'];
const KB_PER_GB = 1024 * 1024;

/**
 * S3: storage per GB-month in the bucket's storage class (tiers from the book), PUT/COPY/POST/LIST requests (tier 1)
 * from the incoming `write`/`stream` connections and GET requests (tier 2) from `read` and `http` ones (or
 * `usage.monthlyWriteRequests`/`monthlyReadRequests`), retrieval per GB for the infrequent-access and Glacier classes,
 * and internet egress for objects served straight to clients (to CloudFront it is free). Noncurrent versions,
 * Intelligent-Tiering monitoring and lifecycle transitions are not included.
 */
export default definePricer({
  id: 'aws.s3',
  cloud: 'aws',
  equivalence: ['object-storage'],
  price(ctx) {
    const u = usage(ctx);
    const configured = (ctx.config.storageClass as string | undefined) ?? (ctx.config.accessTier as string | undefined) ?? 'standard';
    const storageClass = ctx.config.autoclass === true ? 'intelligent-tiering' : (S3_CLASS[configured] ?? configured);
    const className = CLASS_NAME[storageClass] ?? storageClass;
    const suffix = storageClass === 'standard' ? '' : `-${storageClass}`;
    const storageGb = u.storageGb ?? DEFAULT_STORAGE_GB;
    const { reads, writes, basis } = readsAndWrites(ctx, GET_TYPES);
    const items: CostItem[] = [
      {
        name: `Storage (${className}, ${storageGb} GB)`,
        quantity: storageGb,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 's3', sku: `storage-${storageClass}` },
        usageBased: true,
      },
      {
        name: `PUT, COPY, POST, LIST requests (${count(writes)})`,
        quantity: writes / 1000,
        unit: '1K requests',
        price: { cloud: 'aws', service: 's3', sku: `requests-tier1${suffix}` },
        usageBased: true,
      },
      {
        name: `GET and other requests (${count(reads)})`,
        quantity: reads / 1000,
        unit: '1K requests',
        price: { cloud: 'aws', service: 's3', sku: `requests-tier2${suffix}` },
        usageBased: true,
      },
    ];
    const notes = [`${storageGb} GB stored${u.storageGb === undefined ? ' (default; set usage.storageGb)' : ''}`, basis];
    if (RETRIEVAL_CLASSES.has(storageClass)) {
      const objectKb = u.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB;
      items.push({
        name: `Data retrieval (${className})`,
        quantity: (reads * objectKb) / KB_PER_GB,
        unit: 'GB',
        price: { cloud: 'aws', service: 's3', sku: `retrieval-${storageClass}` },
        usageBased: true,
      });
      notes.push(`${objectKb} KB retrieved per GET${u.responseSizeKb === undefined ? ' (default; set usage.responseSizeKb)' : ''}; minimum storage durations and object sizes not applied`);
    }
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    if (ctx.config.versioning === true) notes.push('versioning: noncurrent object versions add storage not counted here');
    if (storageClass === 'intelligent-tiering') notes.push('Intelligent-Tiering priced at its frequent-access tier; the monitoring fee per 1,000 objects is not included');
    const mapped = storageClass !== configured && ctx.def.vendor !== 'aws';
    return {
      product: `Amazon S3 (${className})`,
      items,
      notes,
      ...(mapped && { mapping: `${ctx.config.autoclass === true ? 'Autoclass' : configured} → S3 ${className}` }),
    };
  },
});
