import { describe, expect, it } from 'vitest';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

interface Extra {
  accounts?: object;
  db?: object;
  auth0?: object;
  dd?: object;
  llm?: object;
  components?: object[];
  connections?: object[];
}

/**
 * web → Auth0 (sign-in) and → API Gateway → Accounts (personal data) → Accounts DB and → the assistant model;
 * → Catalog → Cache (no personal data); both services → OTel collector → Datadog.
 */
const app = (constraints: object, extra: Extra = {}) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'login', type: 'auth0', label: 'Auth0', config: extra.auth0 ?? { region: 'eu-central-1' } },
      { id: 'api', type: 'aws.api-gateway', config: { auth: 'jwt' } },
      { id: 'accounts', type: 'aws.ecs', label: 'Accounts', config: { personalData: true, ...extra.accounts } },
      { id: 'db', type: 'postgresql', label: 'Accounts DB', config: { multiAz: true, ...extra.db } },
      { id: 'catalog', type: 'aws.ecs', label: 'Catalog' },
      { id: 'cache', type: 'redis', label: 'Cache' },
      { id: 'llm', type: 'llm.openai', label: 'Assistant model', config: extra.llm ?? { region: 'eu-west-1' } },
      { id: 'otel', type: 'otel-collector', label: 'OTel collector' },
      { id: 'dd', type: 'datadog', label: 'Datadog', config: extra.dd ?? { site: 'EU1' } },
      ...(extra.components ?? []),
    ],
    [
      { from: 'web', to: 'login', type: 'http' },
      { from: 'web', to: 'api', type: 'http' },
      { from: 'api', to: 'accounts', type: 'http', config: { share: 0.3 } },
      { from: 'api', to: 'catalog', type: 'http', config: { share: 0.7 } },
      { from: 'accounts', to: 'db', type: 'write' },
      { from: 'catalog', to: 'cache', type: 'write' },
      { from: 'accounts', to: 'llm', type: 'http' },
      { from: 'accounts', to: 'otel', type: 'telemetry' },
      { from: 'catalog', to: 'otel', type: 'telemetry' },
      { from: 'otel', to: 'dd', type: 'telemetry' },
      ...(extra.connections ?? []),
    ],
    { cloud: 'aws', traffic: { peakRps: 100 }, ...constraints },
  );

const LAW = 'Under GDPR, personal data may leave the EU/EEA only with an adequacy decision or safeguards such as standard contractual clauses; an EU region removes the question.';

describe('data-residency', () => {
  it('[dr-1] a non-EU document region: one finding for what inherits it, critical because a datastore holds the data', () => {
    const d = app({ region: 'us-east-1', compliance: ['gdpr'] });
    const [finding, ...rest] = findingsOf(d, 'data-residency');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      `The document region us-east-1 is outside the EU/EEA, and 2 components holding personal data run there: Accounts and Accounts DB (Accounts DB stores it). ${LAW}`,
    );
    expect(finding!.severity).toBe('critical');
    expect(finding!.components).toEqual(['accounts', 'db']);
    expect(finding!.fix!.ops).toEqual([{ op: 'setConstraints', constraints: { region: 'eu-west-1' } }]);
    const result = afterFix(d, 'data-residency');
    expect(result.same).toEqual([]);
    expect(result.newCritical).toEqual([]);
    expect(findingsOf(result.document, 'data-residency')).toEqual([]);
  });

  it('[dr-2] stays quiet in an EU region, without GDPR, and on components with no personal data', () => {
    expect(findingsOf(app({ region: 'eu-west-1', compliance: ['gdpr'] }), 'data-residency')).toEqual([]);
    expect(findingsOf(app({ region: 'us-east-1', compliance: ['soc2'] }), 'data-residency')).toEqual([]);
    // a store in a US region written only by Catalog, which handles no personal data
    const d = app(
      { region: 'eu-west-1', compliance: ['gdpr'] },
      { components: [{ id: 'stats', type: 'redis', config: { region: 'us-east-1' } }], connections: [{ from: 'catalog', to: 'stats', type: 'write' }] },
    );
    expect(findingsOf(d, 'data-residency')).toEqual([]);
  });

  it('[dr-3] a component with its own non-EU region: critical for a datastore, high for a service; the fix moves it', () => {
    const d = app({ region: 'eu-west-1', compliance: ['gdpr'] }, { db: { region: 'us-west-2' }, accounts: { region: 'ap-southeast-1' } });
    const findings = findingsOf(d, 'data-residency');
    expect(findings.map((f) => [f.components[0], f.severity])).toEqual([
      ['db', 'critical'],
      ['accounts', 'high'],
    ]);
    expect(findings[0]!.message).toBe(
      `Accounts DB (postgresql) holds personal data (written by Accounts, which handles personal data) in us-west-2 (its own \`region\`), outside the EU/EEA. ${LAW}`,
    );
    expect(findings[0]!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'db', config: { region: 'eu-west-1' } }]);
    expect(afterFix(d, 'data-residency').same).toEqual([]);
  });

  it('[dr-4] SaaS receiving personal data outside the EU is medium; an EU region or Datadog EU1 keeps it quiet', () => {
    const d = app({ region: 'eu-west-1', compliance: ['gdpr'] }, { auth0: {}, llm: {}, dd: { site: 'US1' } });
    const findings = findingsOf(d, 'data-residency');
    expect(findings.map((f) => f.message)).toEqual([
      'Auth0 (auth0) holds personal data itself, and no EU region is configured: the data leaves the EU/EEA unless an EU region or a data processing agreement with standard contractual clauses covers it.',
      'Assistant model (llm.openai) receives personal data from Accounts, and no EU region is configured: the data leaves the EU/EEA unless an EU region or a data processing agreement with standard contractual clauses covers it.',
      'Datadog (datadog) receives telemetry of components with personal data through OTel collector, and its site is US1: the data leaves the EU/EEA unless an EU region or a data processing agreement with standard contractual clauses covers it.',
    ]);
    expect(findings.every((f) => f.severity === 'medium')).toBe(true);
    const datadog = findings.find((f) => f.components[0] === 'dd')!;
    expect(datadog.fix!.ops).toEqual([{ op: 'updateComponent', id: 'dd', config: { site: 'EU1' } }]);
  });

  it('[dr-5] a CDN in front of a service with personal data carries it', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'edge', type: 'cloudflare', label: 'Cloudflare' },
        { id: 'app', type: 'service', label: 'App', config: { personalData: true, auth: 'jwt' } },
      ],
      [
        { from: 'web', to: 'edge', type: 'http' },
        { from: 'edge', to: 'app', type: 'http' },
      ],
      { cloud: 'gcp', region: 'europe-west1', compliance: ['gdpr'] },
    );
    expect(findingsOf(d, 'data-residency').map((f) => f.message)).toEqual([
      'Cloudflare (cloudflare) carries the traffic of App, and no EU region is configured: the data leaves the EU/EEA unless an EU region or a data processing agreement with standard contractual clauses covers it.',
    ]);
  });

  it('[dr-6] DynamoDB global-table replicas outside the EU are critical; the fix keeps the EU ones', () => {
    const d = app(
      { region: 'eu-west-1', compliance: ['gdpr'] },
      { components: [{ id: 'profiles', type: 'aws.dynamodb', label: 'Profiles', config: { personalData: true, globalTableRegions: ['eu-central-1', 'us-east-1'] } }] },
    );
    const [finding] = findingsOf(d, 'data-residency');
    expect(finding!.message).toBe(`Profiles (aws.dynamodb) holds personal data and replicates it to us-east-1 (\`globalTableRegions\`), outside the EU/EEA. ${LAW}`);
    expect(finding!.fix!.ops).toEqual([{ op: 'updateComponent', id: 'profiles', config: { globalTableRegions: ['eu-central-1'] } }]);
    expect(afterFix(d, 'data-residency').same).toEqual([]);
  });

  it('[dr-7] with no region at all, residency cannot be shown: medium, fixed by placing the design in the EU', () => {
    const d = app({ compliance: ['gdpr'] });
    const [finding] = findingsOf(d, 'data-residency');
    expect(finding!.message).toBe(
      'GDPR applies but no region is set, so nothing shows where 2 components holding personal data run (Accounts and Accounts DB); the design is priced in us-east-1, outside the EU/EEA.',
    );
    expect(finding!.severity).toBe('medium');
    expect(afterFix(d, 'data-residency').same).toEqual([]);
  });

  it('[dr-8] a data processing agreement is recorded as an accepted risk', () => {
    const dpa = { health: { accept: [{ rule: 'data-residency', reason: 'DPA with SCCs signed 2025-03; zero data retention' }] } };
    const result = health(app({ region: 'eu-west-1', compliance: ['gdpr'] }, { llm: dpa }));
    expect(result.findings.filter((f) => f.rule === 'data-residency')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.components)).toEqual([['llm']]);
  });
});
