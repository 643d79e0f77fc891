import { describe, expect, it } from 'vitest';
import { COMPONENT_DEFS } from '../../catalog/components/registry';
import { health } from '../engine';
import { ENCRYPTION_AT_REST } from './encryption-at-rest';
import { afterFix, doc, findingsOf } from './test-helpers';

/** A service writing to the given stores, on a cloud, under a compliance regime. */
const stores = (list: Array<{ id: string; type: string; label?: string; config?: object }>, cloud = 'aws', compliance = ['hipaa']) =>
  doc(
    [{ id: 'web', type: 'client.web' }, { id: 'app', type: 'service', config: { auth: 'jwt' } }, ...list],
    [{ from: 'web', to: 'app', type: 'http' }, ...list.map((s) => ({ from: 'app', to: s.id, type: s.type.includes('sns') || s.type.includes('sqs') ? 'publish' : 'write' }))],
    { cloud, region: cloud === 'aws' ? 'us-east-1' : cloud === 'gcp' ? 'us-central1' : 'eastus', compliance },
  );

const db = { id: 'db', type: 'postgresql', label: 'Patient DB', config: { multiAz: true, storageGb: 500, personalData: true } };
const managed = [
  { id: 'files', type: 'aws.s3', label: 'Files' },
  { id: 'table', type: 'aws.dynamodb', label: 'Sessions' },
  { id: 'jobs', type: 'aws.sqs', label: 'Jobs', config: { deadLetter: true } },
];

describe('encryption-at-rest', () => {
  it('[ear-1] fires on RDS without encryption under HIPAA, with the storage and what was skipped', () => {
    const [finding, ...rest] = findingsOf(stores([db, ...managed]), 'encryption-at-rest');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      'Patient DB (postgresql) is not encrypted at rest: RDS for PostgreSQL encrypts a database only when encryption is chosen, and `encryptedAtRest` is not set. Under HIPAA, stored data is expected to be encrypted; here 500 GB of disk, and it holds personal data. (Not flagged because they encrypt at rest on their own: Files, Sessions and Jobs.)',
    );
    expect(finding!.severity).toBe('high');
    expect(finding!.remediation).toContain('restore an encrypted copy of a snapshot');
  });

  it('[ear-2] stays quiet when encrypted, outside HIPAA/PCI/SOC 2, and on products that always encrypt', () => {
    expect(findingsOf(stores([{ ...db, config: { ...db.config, encryptedAtRest: true } }]), 'encryption-at-rest')).toEqual([]);
    expect(findingsOf(stores([db], 'aws', ['gdpr']), 'encryption-at-rest')).toEqual([]);
    expect(findingsOf(stores(managed), 'encryption-at-rest')).toEqual([]);
    // the same open technology is a managed service that always encrypts on Google Cloud and Azure
    expect(findingsOf(stores([db], 'gcp'), 'encryption-at-rest')).toEqual([]);
    expect(findingsOf(stores([db], 'azure'), 'encryption-at-rest')).toEqual([]);
    // ElastiCache Serverless, Memcached (memory only), Loki and Tempo (object storage)
    const quiet = [
      { id: 'c1', type: 'aws.elasticache', config: { serverless: true } },
      { id: 'c2', type: 'memcached' },
      { id: 'logs', type: 'grafana.loki' },
      { id: 'traces', type: 'grafana.tempo' },
    ];
    expect(findingsOf(stores(quiet, 'aws', ['pci']), 'encryption-at-rest')).toEqual([]);
  });

  it('[ear-3] SNS, node-based ElastiCache and self-managed stores on AWS are findings; the same store on GCP disks is not', () => {
    const list = [
      { id: 'topic', type: 'aws.sns', label: 'Events' },
      { id: 'cache', type: 'aws.elasticache', label: 'Cache' },
      { id: 'vectors', type: 'qdrant', label: 'Qdrant', config: { replicas: 3, storageGb: 100 } },
    ];
    const findings = findingsOf(stores(list, 'aws', ['soc2']), 'encryption-at-rest');
    expect(findings.map((f) => f.components[0])).toEqual(['topic', 'cache', 'vectors']);
    expect(findings.every((f) => f.severity === 'medium')).toBe(true);
    expect(findings[2]!.message).toBe(
      'Qdrant (qdrant) is not encrypted at rest: it runs on EBS volumes you manage, which are encrypted only when encryption is turned on for the volume or for the account ("EBS encryption by default"), and `encryptedAtRest` is not set. Under SOC 2, stored data is expected to be encrypted; here 3 × 100 GB of disk.',
    );
    expect(findingsOf(stores([list[2]!], 'gcp', ['soc2']), 'encryption-at-rest')).toEqual([]);
    // managed: false turns the cloud's managed Redis into software on our disks
    expect(findingsOf(stores([{ id: 'r', type: 'redis', config: { managed: false } }], 'azure', ['soc2']), 'encryption-at-rest')).toEqual([]);
    expect(findingsOf(stores([{ id: 'r', type: 'redis' }], 'aws', ['soc2']), 'encryption-at-rest')).toHaveLength(1);
  });

  it('[ear-4] `encryptedAtRest: false` is a finding even where it is usually chosen', () => {
    const [finding] = findingsOf(stores([{ ...db, config: { ...db.config, encryptedAtRest: false } }]), 'encryption-at-rest');
    expect(finding!.message).toContain('and `encryptedAtRest` is false.');
  });

  it('[ear-5] the fix sets encryptedAtRest and clears the finding', () => {
    const d = stores([db, ...managed]);
    const finding = findingsOf(d, 'encryption-at-rest')[0]!;
    expect(finding.fix!.ops).toEqual([{ op: 'updateComponent', id: 'db', config: { encryptedAtRest: true } }]);
    const result = afterFix(d, 'encryption-at-rest');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
  });

  it('[ear-6] an accepted risk costs nothing', () => {
    const d = stores([{ ...db, config: { ...db.config, health: { accept: [{ rule: 'encryption-at-rest', reason: 'synthetic test data only' }] } } }]);
    const result = health(d);
    expect(result.findings.filter((f) => f.rule === 'encryption-at-rest')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.reasons)).toEqual([[{ component: 'db', reason: 'synthetic test data only' }]]);
  });

  it('[ear-7] every catalog type that keeps data and has `encryptedAtRest` is in the one table (or is self-managed)', () => {
    const roles = ['stateful', 'object-storage', 'queue', 'topic', 'stream', 'event-bus'];
    const missing = COMPONENT_DEFS.filter(
      (d) => d.roles.some((r) => roles.includes(r)) && 'encryptedAtRest' in d.config.shape && !(d.id in ENCRYPTION_AT_REST) && !d.roles.includes('self-managed'),
    ).map((d) => d.id);
    expect(missing).toEqual([]);
  });
});
