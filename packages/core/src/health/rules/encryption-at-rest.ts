import type { Role } from '../../catalog/types';
import { documentCloud } from '../../pricing/engine';
import type { PricedCloud } from '../../pricing/regions';
import { defineRule } from '../define';
import type { FindingDraft } from '../types';
import { fmt } from '../../format';
import { componentNames, nameList } from './helpers';

/** Compliance regimes that require data at rest to be encrypted, with their display names. */
export const ENCRYPTION_REGIMES: Record<string, string> = { hipaa: 'HIPAA', pci: 'PCI DSS', soc2: 'SOC 2' };

/** Roles of the components that keep data at rest (when their type has an `encryptedAtRest` field). */
const HOLDS_DATA: readonly Role[] = ['stateful', 'object-storage', 'queue', 'topic', 'stream', 'event-bus'];

/** What a product does about encryption at rest: always on (with the fact), or left to the user (with what it takes). */
export type EncryptionDefault = { always: true; fact: string } | { always: false; fact: string; howTo: string };

const always = (fact: string): EncryptionDefault => ({ always: true, fact });
const setting = (fact: string, howTo: string): EncryptionDefault => ({ always: false, fact, howTo });
const AT_CREATION = 'it is chosen when the instance is created: restore an encrypted copy of a snapshot into a new instance and switch over';

/** Software we run on VMs or Kubernetes: at rest it is the cloud's block storage. */
const disks = (cloud: PricedCloud): EncryptionDefault =>
  cloud === 'gcp'
    ? always('Compute Engine encrypts every persistent disk at rest by default')
    : cloud === 'azure'
      ? always('Azure managed disks are encrypted at rest by default (platform-managed keys)')
      : setting(
          'it runs on EBS volumes you manage, which are encrypted only when encryption is turned on for the volume or for the account ("EBS encryption by default")',
          'turn on EBS encryption by default in the account and region, then replace the volumes with encrypted copies (snapshot, copy encrypted, restore)',
        );

/**
 * The one place that knows which products encrypt data at rest on their own, by component type (and cloud, for
 * open technologies priced as the target cloud's managed service). Types not listed are judged by role: software we
 * run (`self-managed`) sits on the cloud's disks, anything else is treated as a setting the user must turn on.
 */
export const ENCRYPTION_AT_REST: Record<string, (cloud: PricedCloud, config: Record<string, unknown>) => EncryptionDefault> = {
  'aws.s3': () => always('S3 encrypts every object with SSE-S3 since January 2023'),
  'aws.dynamodb': () => always('DynamoDB encrypts every table at rest, and it cannot be turned off'),
  'aws.sqs': () => always('SQS encrypts queues with SSE-SQS by default'),
  'aws.eventbridge': () => always('EventBridge encrypts events at rest with an AWS-owned key'),
  'aws.cloudwatch': () => always('CloudWatch Logs encrypts log data at rest by default'),
  'aws.xray': () => always('X-Ray encrypts trace data at rest by default'),
  'aws.sns': () => setting('SNS keeps messages unencrypted unless server-side encryption with KMS is enabled on the topic', 'enable server-side encryption with a KMS key on the topic (no downtime)'),
  'aws.kinesis': () => setting('Kinesis Data Streams encrypts records only when server-side encryption with KMS is enabled', 'enable server-side encryption with a KMS key on the stream (no downtime)'),
  'aws.opensearch': () => setting('OpenSearch Service encrypts a domain only when encryption at rest is chosen', `${AT_CREATION} (or a blue/green update on recent engine versions)`),
  'aws.elasticache': (_, c) =>
    c.serverless === true ? always('ElastiCache Serverless always encrypts data at rest') : setting('node-based ElastiCache encrypts at rest (disk swap and backups) only when it is enabled', AT_CREATION),
  'gcp.gcs': () => always('Cloud Storage encrypts all data at rest by default (Google-managed keys)'),
  'gcp.firestore': () => always('Firestore encrypts all data at rest by default (Google-managed keys)'),
  'gcp.pubsub': () => always('Pub/Sub encrypts messages at rest by default (Google-managed keys)'),
  'azure.blob': () => always('Azure Storage encrypts all data at rest (Microsoft-managed keys)'),
  'azure.cosmosdb': () => always('Cosmos DB encrypts all data at rest (service-managed keys)'),
  'azure.service-bus': () => always('Service Bus encrypts data at rest by default (Microsoft-managed keys)'),
  'azure.event-hubs': () => always('Event Hubs encrypts data at rest by default (Microsoft-managed keys)'),
  pinecone: () => always('Pinecone encrypts all stored data at rest'),
  memcached: () => always('Memcached keeps data only in memory, with no persistence or backups: nothing is written to disk'),
  'grafana.loki': () => always('Loki keeps its log chunks in object storage, which AWS, Google Cloud and Azure encrypt by default'),
  'grafana.tempo': () => always('Tempo keeps its traces in object storage, which AWS, Google Cloud and Azure encrypt by default'),
  jaeger: (cloud, c) =>
    c.storage === 'memory'
      ? always('Jaeger with in-memory storage writes nothing to disk')
      : cloud === 'aws' && c.storage !== 'badger'
        ? setting(
            `Jaeger keeps spans in its ${String(c.storage)} cluster, which on AWS is encrypted only when you turn it on (EBS encryption, or encryption at rest on an OpenSearch Service domain)`,
            'turn on encryption at rest for the span storage (EBS encryption by default, or an encrypted OpenSearch domain) and move the spans to it',
          )
        : disks(cloud),
  postgresql: (cloud) => managedDatabase(cloud, 'Cloud SQL', 'Azure Database for PostgreSQL', 'RDS for PostgreSQL'),
  mysql: (cloud) => managedDatabase(cloud, 'Cloud SQL', 'Azure Database for MySQL', 'RDS for MySQL'),
  mongodb: (cloud, c) =>
    c.managed === false
      ? disks(cloud)
      : cloud === 'aws'
        ? setting('Amazon DocumentDB encrypts a cluster only when encryption is chosen', AT_CREATION)
        : always('MongoDB Atlas encrypts all cluster storage and backups at rest'),
  redis: (cloud, c) =>
    c.managed === false
      ? disks(cloud)
      : cloud === 'gcp'
        ? always('Memorystore encrypts data at rest by default')
        : cloud === 'azure'
          ? always('Azure Cache for Redis encrypts its disks by default (Microsoft-managed keys)')
          : setting('ElastiCache encrypts at rest (disk swap and backups) only when it is enabled', AT_CREATION),
  kafka: (cloud, c) =>
    c.managed === false
      ? disks(cloud)
      : always(cloud === 'aws' ? 'Amazon MSK always encrypts data at rest' : cloud === 'gcp' ? 'Managed Service for Apache Kafka encrypts data at rest by default' : "Event Hubs' Kafka endpoint encrypts data at rest by default"),
};

function managedDatabase(cloud: PricedCloud, gcp: string, azure: string, aws: string): EncryptionDefault {
  if (cloud === 'gcp') return always(`${gcp} encrypts all data at rest`);
  if (cloud === 'azure') return always(`${azure} encrypts all data at rest`);
  return setting(`${aws} encrypts a database only when encryption is chosen`, AT_CREATION);
}

export default defineRule({
  id: 'encryption-at-rest',
  name: 'Encryption at rest',
  category: 'security',
  severity: 'high',
  description:
    'Under HIPAA, PCI DSS or SOC 2, every component that keeps data (stateful, object storage, queues, topics, streams, event buses) needs `encryptedAtRest: true` when the product leaves encryption to you: RDS, ElastiCache, DocumentDB and OpenSearch (chosen at creation), SNS and Kinesis (server-side encryption off by default), and software you run on AWS (EBS volumes). Products that always encrypt are skipped and named in the message: S3, DynamoDB, SQS, EventBridge, CloudWatch, X-Ray, Cloud Storage, Firestore, Pub/Sub, Cloud SQL, Memorystore, Azure Storage, Cosmos DB, Service Bus, Event Hubs, Azure databases, MSK, Atlas, Pinecone, disks on Google Cloud and Azure, Loki and Tempo (object storage), and in-memory Memcached (`ENCRYPTION_AT_REST` in the rule). One finding per component: high when it holds personal data, medium otherwise. The fix sets `encryptedAtRest: true`.',
  check(ctx) {
    const regimes = (ctx.doc.constraints.compliance ?? []).filter((c) => c in ENCRYPTION_REGIMES);
    if (regimes.length === 0) return [];
    const { graph } = ctx;
    const docCloud = documentCloud(ctx.doc);
    const flagged: Array<{ i: number; verdict: Extract<EncryptionDefault, { always: false }> }> = [];
    const skipped: number[] = [];
    for (let i = 0; i < graph.n; i++) {
      const def = graph.defs[i]!;
      if (!HOLDS_DATA.some((r) => graph.hasRole(i, r)) || !('encryptedAtRest' in def.config.shape)) continue;
      const config = ctx.config(i);
      const cloud = def.vendor === 'aws' || def.vendor === 'gcp' || def.vendor === 'azure' ? def.vendor : docCloud;
      const verdict = ENCRYPTION_AT_REST[def.id]?.(cloud, config) ?? (graph.hasRole(i, 'self-managed') ? disks(cloud) : setting('encryption at rest is a setting of this product', 'turn on encryption at rest'));
      if (verdict.always) skipped.push(i);
      else if (config.encryptedAtRest !== true) flagged.push({ i, verdict });
    }
    const names = nameList(regimes.map((r) => ENCRYPTION_REGIMES[r]!));
    const notFlagged = skipped.length > 0 ? ` (Not flagged because they encrypt at rest on their own: ${componentNames(ctx, skipped, 4)}.)` : '';
    return flagged.map(({ i, verdict }): FindingDraft => {
      const config = ctx.config(i);
      const id = graph.ids[i]!;
      const name = ctx.name(i);
      const personal = config.personalData === true;
      const off = config.encryptedAtRest === false ? '`encryptedAtRest` is false' : '`encryptedAtRest` is not set';
      return {
        components: [id],
        connections: [],
        severity: personal ? 'high' : 'medium',
        message: `${name} (${graph.defs[i]!.id}) is not encrypted at rest: ${verdict.fact}, and ${off}. Under ${names}, stored data is expected to be encrypted${stored(config)}${personal ? ', and it holds personal data' : ''}.${notFlagged}`,
        remediation: `Encrypt it with a KMS key: ${verdict.howTo}.`,
        fix: { origin: 'fix:encryption-at-rest', summary: `Encrypt ${name} at rest`, ops: [{ op: 'updateComponent', id, config: { encryptedAtRest: true } }] },
      };
    });
  },
});

/** ", here 3 × 100 GB of disk" from the storage the component declares, when it declares some. */
function stored(config: Record<string, unknown>): string {
  const usage = (config.usage as { storageGb?: number } | undefined)?.storageGb;
  if (typeof usage === 'number') return `; here ~${fmt(usage)} GB`;
  if (typeof config.storageGb !== 'number') return '';
  const count = [config.brokers, config.replicas, config.nodeCount].find((c): c is number => typeof c === 'number' && c > 1);
  return `; here ${count ? `${count} × ` : ''}${fmt(config.storageGb)} GB of disk`;
}
