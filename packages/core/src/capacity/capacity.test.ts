import { describe, expect, it } from 'vitest';
import { capacityOf } from './capacity';

describe('capacityOf', () => {
  it('counts the autoscaling maximum, or the minimum when asked what runs, and says which', () => {
    const api = { id: 'api', type: 'service', config: { autoscaling: { min: 2, max: 6 }, capacityRpsPerInstance: 250 } };
    const ceiling = capacityOf(api, undefined, true)!;
    expect(ceiling).toMatchObject({ instances: 6, perInstanceRps: 250, totalRps: 1500 });
    expect(ceiling.basis).toBe('up to 6 (autoscaling maximum) × 250 requests/s per instance (measured, capacityRpsPerInstance)');
    const running = capacityOf(api, undefined, false)!;
    expect(running).toMatchObject({ instances: 2, totalRps: 500 });
    expect(running.basis).toBe('2 × 250 requests/s per instance (measured, capacityRpsPerInstance)');
  });

  it("uses the catalog's per-instance figure with the instance count key", () => {
    const cache = capacityOf({ id: 'cache', type: 'redis', config: { nodes: 3 } }, undefined)!;
    expect(cache).toMatchObject({ instances: 3, perInstanceRps: 50_000, totalRps: 150_000 });
    expect(cache.basis).toBe('3 × 50,000/s per instance (about 50,000 simple commands/s per node)');
  });

  it('is undefined when the size cannot be told (no instance type or vCPUs)', () => {
    expect(capacityOf({ id: 'db', type: 'postgresql', config: {} }, undefined)).toBeUndefined();
  });
});
