import { describe, expect, it } from 'vitest';
import { parseDocumentOrThrow } from '../document/parse';
import { generateArchitecture } from '../testing/generate';
import { SECONDS_PER_MONTH, traffic } from './traffic';

const doc = (constraints: object, components: object[], connections: object[]) =>
  parseDocumentOrThrow({ backarch: 1, name: 't', constraints, components, connections });

const chain = doc(
  { traffic: { peakRps: 300 } },
  [
    { id: 'web', type: 'client.web' },
    { id: 'mobile', type: 'client.mobile' },
    { id: 'lb', type: 'aws.alb' },
    { id: 'api', type: 'service' },
    { id: 'cache', type: 'redis' },
    { id: 'db', type: 'postgresql' },
    { id: 'jobs', type: 'aws.sqs' },
    { id: 'worker', type: 'aws.lambda' },
    { id: 'otel', type: 'otel-collector' },
  ],
  [
    { from: 'web', to: 'lb', type: 'http' },
    { from: 'mobile', to: 'lb', type: 'http' },
    { from: 'lb', to: 'api', type: 'http' },
    { from: 'api', to: 'cache', type: 'read' },
    { from: 'api', to: 'db', type: 'read', config: { share: 0.2 } },
    { from: 'api', to: 'jobs', type: 'publish', config: { share: 0.1 } },
    { from: 'jobs', to: 'worker', type: 'consume' },
    { from: 'worker', to: 'db', type: 'write' },
    { from: 'api', to: 'otel', type: 'telemetry' },
  ],
);

describe('traffic', () => {
  it('[TR1][TR2] propagates the peak from the clients along connections with share and fan-out', () => {
    const result = traffic(chain);
    const peak = (id: string) => result.components.get(id)!.peakRps;
    expect(peak('web')).toBe(150);
    expect(peak('mobile')).toBe(150);
    expect(peak('lb')).toBe(300);
    expect(peak('api')).toBe(300);
    expect(peak('cache')).toBe(300);
    expect(peak('jobs')).toBeCloseTo(30, 10);
    expect(peak('worker')).toBeCloseTo(30, 10);
    expect(peak('db')).toBeCloseTo(60 + 30, 10); // 20 % of reads plus every worker write
    expect(peak('otel')).toBe(0); // telemetry is not request traffic
    expect(result.connections.get('api->db:read')!.peakRps).toBeCloseTo(60, 10);
  });

  it('[TR4] average is peak over the peak-to-average ratio; monthly is average over a 730-hour month', () => {
    const api = traffic(chain).components.get('api')!;
    expect(api.averageRps).toBe(100);
    expect(api.monthlyRequests).toBe(100 * SECONDS_PER_MONTH);
    const custom = traffic(doc({ traffic: { peakRps: 300, peakToAverageRatio: 6 } }, [{ id: 'web', type: 'client.web' }], []));
    expect(custom.components.get('web')!.averageRps).toBe(50);
  });

  it('[TR1] converts monthly active users with the documented rule', () => {
    const result = traffic(doc({ traffic: { monthlyActiveUsers: 1_000_000 } }, [{ id: 'web', type: 'client.web' }], []));
    const average = (1_000_000 * 500) / SECONDS_PER_MONTH;
    expect(result.entryPeakRps).toBeCloseTo(average * 3, 10);
    expect(result.basis).toContain('1000000 monthly active users × 500 requests each');
  });

  it('[TR3] a cycle is passed once instead of looping forever', () => {
    const loop = doc(
      { traffic: { peakRps: 10 } },
      [
        { id: 'web', type: 'client.web' },
        { id: 'a', type: 'service' },
        { id: 'b', type: 'service' },
      ],
      [
        { from: 'web', to: 'a', type: 'http' },
        { from: 'a', to: 'b', type: 'http' },
        { from: 'b', to: 'a', type: 'http', config: { share: 0.5 } },
      ],
    );
    const result = traffic(loop);
    expect(result.components.get('a')!.peakRps).toBe(10);
    expect(result.components.get('b')!.peakRps).toBe(10);
    expect(result.connections.get('b->a:http')!.peakRps).toBe(5); // carries its share, not fed back
  });

  it('[TR5] usage overrides win over the model and flow downstream', () => {
    const overridden = doc(
      { traffic: { peakRps: 300 } },
      [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'service', config: { usage: { monthlyRequests: SECONDS_PER_MONTH * 10 } } },
        { id: 'db', type: 'postgresql' },
      ],
      [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'db', type: 'write' },
      ],
    );
    const result = traffic(overridden);
    expect(result.components.get('api')!.averageRps).toBeCloseTo(10, 10);
    expect(result.components.get('db')!.averageRps).toBeCloseTo(10, 10);
  });

  it('[TR6] egress counts responses to clients', () => {
    const lb = traffic(chain).components.get('lb')!;
    expect(lb.egressGb).toBeCloseTo((100 * SECONDS_PER_MONTH * 10) / (1024 * 1024), 6);
    expect(traffic(chain).components.get('api')!.egressGb).toBe(0);
  });

  it('[TR1] with no traffic constraint, nothing flows and the basis says so', () => {
    const result = traffic(doc({}, [{ id: 'web', type: 'client.web' }], []));
    expect(result.entryPeakRps).toBe(0);
    expect(result.basis).toContain('no traffic');
  });

  it('[TR3] terminates on large layered graphs with astronomically many paths', () => {
    const big = generateArchitecture({ shape: 'layered', components: 5000, seed: 3 });
    const result = traffic(big);
    expect(result.components.size).toBe(5000);
    for (const load of result.components.values()) expect(Number.isFinite(load.peakRps)).toBe(true);
  });
});
