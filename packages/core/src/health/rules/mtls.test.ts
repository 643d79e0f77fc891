import { describe, expect, it } from 'vitest';
import { health } from '../engine';
import { afterFix, doc, findingsOf } from './test-helpers';

/** web → ALB → Kong → Orders → Payments; Orders → Orders DB (RDS) and → Qdrant (self-managed). */
const system = (
  options: { compliance?: string[]; call?: object; payments?: object; extra?: object[]; lb?: string; vectors?: object } = {},
) =>
  doc(
    [
      { id: 'web', type: 'client.web' },
      { id: 'lb', type: options.lb ?? 'aws.alb', config: { auth: 'oidc' } },
      { id: 'kong', type: 'kong', label: 'Kong', config: { auth: 'jwt' } },
      { id: 'orders', type: 'aws.ecs', label: 'Orders', config: { personalData: true } },
      { id: 'payments', type: 'aws.ecs', label: 'Payments', config: options.payments ?? {} },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true, encryptedAtRest: true } },
      { id: 'vectors', type: 'qdrant', label: 'Qdrant', config: { replicas: 3, encryptedAtRest: true, ...options.vectors } },
      ...(options.extra ?? []),
    ],
    [
      { from: 'web', to: 'lb', type: 'http' },
      { from: 'lb', to: 'kong', type: 'http' },
      { from: 'kong', to: 'orders', type: 'http' },
      { from: 'orders', to: 'payments', type: 'grpc', config: { share: 0.25, ...options.call } },
      { from: 'orders', to: 'db', type: 'write' },
      { from: 'orders', to: 'vectors', type: 'read', config: { share: 0.5 } },
    ],
    { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 }, compliance: options.compliance ?? ['soc2'] },
  );

describe('mtls', () => {
  it('[mtls-1] one finding listing the internal connections without mTLS, busiest first, with rates', () => {
    const [finding, ...rest] = findingsOf(system(), 'mtls');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      'Under SOC 2, 3 of 3 internal connections are not mutually authenticated (no `mtls: true`, and no service mesh with mTLS covering both ends): Kong → Orders (http, 400 requests/s at peak), Orders → Qdrant (read, 200 requests/s at peak) and Orders → Payments (grpc, 100 requests/s at peak). Any workload that gets into the network can call them and nothing proves to the callee who is calling; all of them carry personal data.',
    );
    expect(finding!.severity).toBe('medium');
    expect(finding!.components).toEqual(['orders', 'vectors', 'payments']);
    expect(finding!.connections).toEqual(['kong->orders:http', 'orders->vectors:read', 'orders->payments:grpc']);
  });

  it('[mtls-2] not checked: load balancer → target, managed databases, Lambda, callees authenticating workloads; and only under HIPAA, PCI DSS or SOC 2', () => {
    const connections = findingsOf(system(), 'mtls')[0]!.connections;
    expect(connections).not.toContain('lb->kong:http');
    expect(connections).not.toContain('orders->db:write');
    expect(findingsOf(system({ compliance: ['gdpr'] }), 'mtls')).toEqual([]);
    expect(findingsOf(system({ compliance: [] }), 'mtls')).toEqual([]);
    const iam = findingsOf(system({ payments: { auth: 'iam' } }), 'mtls')[0]!;
    expect(iam.connections).not.toContain('orders->payments:grpc');
    const certs = findingsOf(system({ payments: { auth: 'mtls' } }), 'mtls')[0]!;
    expect(certs.message).toContain('2 of 2 internal connections');
    const lambda = doc(
      [
        { id: 'api', type: 'aws.api-gateway', config: { auth: 'jwt' } },
        { id: 'fn', type: 'aws.lambda' },
      ],
      [{ from: 'api', to: 'fn', type: 'http' }],
      { cloud: 'aws', compliance: ['pci'] },
    );
    expect(findingsOf(lambda, 'mtls')).toEqual([]);
  });

  it('[mtls-3] stays quiet with mtls: true on every connection, or a mesh covering both ends', () => {
    const d = system();
    const fixed = afterFix(d, 'mtls');
    expect(fixed.same).toEqual([]);
    expect(fixed.newCritical).toEqual([]);
    expect(findingsOf(fixed.document, 'mtls')).toEqual([]);
    const meshed = system({ extra: [{ id: 'mesh', type: 'service-mesh', config: { covers: ['kong', 'orders', 'payments', 'vectors'] } }] });
    expect(findingsOf(meshed, 'mtls')).toEqual([]);
    // a mesh covering only the services leaves the self-managed datastore and the gateway out
    const partial = system({ extra: [{ id: 'mesh', type: 'service-mesh' }] });
    expect(findingsOf(partial, 'mtls')[0]!.connections).toEqual(['kong->orders:http', 'orders->vectors:read']);
  });

  it('[mtls-4] high under HIPAA or PCI DSS when personal data crosses an unauthenticated connection', () => {
    expect(findingsOf(system({ compliance: ['hipaa'] }), 'mtls')[0]!.severity).toBe('high');
    expect(findingsOf(system({ compliance: ['pci', 'soc2'] }), 'mtls')[0]!.message).toMatch(/^Under PCI DSS and SOC 2, /);
  });

  it('[mtls-5] a large system gets one finding, not one per connection', () => {
    const services = Array.from({ length: 20 }, (_, k) => ({ id: `s${k}`, type: 'service' }));
    const calls = services.flatMap((_, k) => [1, 2].filter((j) => k + j < 20).map((j) => ({ from: `s${k}`, to: `s${k + j}`, type: 'http' })));
    const d = doc([{ id: 'web', type: 'client.web' }, ...services], [{ from: 'web', to: 's0', type: 'http' }, ...calls], { cloud: 'aws', compliance: ['soc2'] });
    const findings = findingsOf(d, 'mtls');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(`${calls.length} of ${calls.length} internal connections`);
    expect(findings[0]!.message).toContain(`and ${calls.length - 5} more.`);
    expect(findings[0]!.penalty).toBe(3);
  });

  it('[mtls-6] accepted when every callee accepts it', () => {
    const accept = { health: { accept: [{ rule: 'mtls', reason: 'single VPC, TLS to every callee; mesh planned for Q3' }] } };
    const d = system({ payments: accept, vectors: accept, extra: [] });
    expect(findingsOf(d, 'mtls')).toHaveLength(1); // Orders (a callee of Kong) has not accepted
    const all = doc(
      [
        { id: 'a', type: 'service' },
        { id: 'b', type: 'service', config: accept },
      ],
      [{ from: 'a', to: 'b', type: 'http' }],
      { cloud: 'aws', compliance: ['soc2'] },
    );
    const result = health(all);
    expect(result.findings.filter((f) => f.rule === 'mtls')).toEqual([]);
    expect(result.acceptedRisks.map((r) => r.finding.rule)).toEqual(['mtls']);
  });
});
