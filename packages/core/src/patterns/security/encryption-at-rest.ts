import { z } from 'zod';
import { ENCRYPTION_AT_REST, ENCRYPTION_REGIMES } from '../../health/rules/encryption-at-rest';
import { documentCloud } from '../../pricing/engine';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { names, ruleFindings } from './wiring';

const params = z.object({
  keys: z
    .enum(['customer-managed', 'provider-managed'])
    .default('customer-managed')
    .describe('Customer-managed KMS keys (you control the key policy, rotation and can revoke access) or the provider-managed default key; named in the change summary for the migration plan.'),
});

/** Products where encryption is fixed when the instance is created, so turning it on means a migration. */
const AT_CREATION = new Set(['postgresql', 'mysql', 'mongodb', 'redis', 'aws.elasticache', 'aws.opensearch']);

export default definePattern({
  id: 'encryption-at-rest',
  name: 'Encryption at rest',
  category: 'security',
  difficulty: 'beginner',
  problem:
    'Some stores keep data unencrypted on disk unless encryption is chosen: RDS and DocumentDB instances, node-based ElastiCache, OpenSearch domains, SNS topics and Kinesis streams without server-side encryption, and software run on EBS volumes. Snapshots, backups and retired disks then hold plaintext customer data, and HIPAA, PCI DSS and SOC 2 auditors ask for encryption of every store.',
  solution:
    'Every store that holds data is encrypted with a KMS key: the storage engine encrypts pages, snapshots, replicas and backups transparently, and the key policy decides who can decrypt. Where encryption can be switched on in place (SNS, Kinesis, EBS encryption by default for new volumes) it is a configuration change; where it is fixed at creation (RDS, ElastiCache nodes, DocumentDB, OpenSearch) the data moves: snapshot, copy the snapshot encrypted, restore into a new encrypted instance, and cut over during a short write freeze or with replication.',
  tradeoffs: {
    latency: 'Negligible: AES on modern CPUs costs low single-digit percent of I/O throughput; the KMS data-key call happens at volume attach or in cached batches, not per query.',
    cost: 'A customer-managed KMS key costs about $1 per month plus $0.03 per 10,000 requests; migration of a database needs a second instance for the duration of the copy.',
    operations: 'Migrating a store that encrypts only at creation takes a snapshot-restore and a cutover window (minutes to hours by size); a disabled or deleted key makes the data unreadable, so key deletion must be guarded (waiting period, alarms).',
  },
  avoidWhen:
    'The product always encrypts and cannot be turned off (S3, DynamoDB, SQS, Cloud SQL, Firestore, Azure Storage, Cosmos DB…): there is nothing to change, and a customer-managed key is only worth it when policy requires controlling the key.',
  addresses: ['encryption-at-rest'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const cloud = documentCloud(doc);
    const targets: PatternTarget[] = [];
    for (const finding of ruleFindings(doc, 'encryption-at-rest')) {
      const id = finding.components[0]!;
      const type = ctx.component(id)?.type ?? '';
      const def = ctx.def(id);
      const product = def && (def.vendor === 'aws' || def.vendor === 'gcp' || def.vendor === 'azure') ? def.vendor : cloud;
      const verdict = ENCRYPTION_AT_REST[type]?.(product, ctx.config(id));
      const regimes = (doc.constraints.compliance ?? []).map((c) => ENCRYPTION_REGIMES[c]).filter((r): r is string => r !== undefined);
      const personal = ctx.config(id).personalData === true ? ' and it holds personal data' : '';
      targets.push({
        components: [id],
        connections: [],
        reason: `${ctx.name(id)} (${type}) is not encrypted at rest${verdict ? `: ${verdict.fact}` : ''}${personal}; ${names(regimes)} expect${regimes.length === 1 ? 's' : ''} every store to be encrypted.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const ids = target.components.filter((id) => ctx.component(id) && 'encryptedAtRest' in (ctx.def(id)!.config.shape as Record<string, unknown>));
    if (ids.length === 0) throw new Error('no component at this target can be encrypted at rest');
    const migrate = ids.filter((id) => AT_CREATION.has(ctx.component(id)!.type));
    const key = p.keys === 'customer-managed' ? 'a customer-managed KMS key' : 'the provider-managed key';
    return patternChangeSet(
      'encryption-at-rest',
      `Encrypt ${names(ids.map((id) => ctx.name(id)), 3)} at rest with ${key}${migrate.length > 0 ? ' (snapshot, encrypted copy, restore and cut over)' : ''}`,
      ids.map((id) => ({ op: 'updateComponent' as const, id, config: { encryptedAtRest: true } })),
    );
  },
  preview: {
    backarch: 1,
    name: 'Encryption at rest',
    description: 'A SOC 2 order system on AWS: the RDS database and the ElastiCache cluster were created without encryption.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 }, compliance: ['soc2'] },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'aws.lambda', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true, personalData: true }, position: { x: 720, y: 0 } },
      { id: 'cache', type: 'redis', label: 'Session cache', config: { multiAz: true, readReplicas: 1 }, position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'orders', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'orders', to: 'db', type: 'write', config: { timeoutMs: 2000 } },
      { from: 'orders', to: 'cache', type: 'read', config: { timeoutMs: 100 } },
    ],
  },
});
