import { describe, expect, it } from 'vitest';
import { denoise } from './common';
import { isBurstable, sizeFromName } from '../sizing';

describe('GCP and Azure pricer helpers', () => {
  it('denoise drops binary float noise and keeps exact binary fractions', () => {
    expect(denoise(199.99999999999994)).toBe(200);
    expect(denoise(0.1 + 0.2)).toBe(0.3);
    expect(denoise(250.6256103515625)).toBe(250.6256103515625);
    expect(denoise(26.28)).toBe(26.28);
  });

  it('sizes from instance names of the three clouds', () => {
    expect(sizeFromName('m6i.xlarge')).toEqual({ vcpu: 4, memoryGib: 16 });
    expect(sizeFromName('db.r6g.2xlarge')).toEqual({ vcpu: 8, memoryGib: 64 });
    expect(sizeFromName('cache.t4g.micro')).toEqual({ vcpu: 2, memoryGib: 1 });
    expect(sizeFromName('Standard_E4s_v5')).toEqual({ vcpu: 4, memoryGib: 32 });
    expect(sizeFromName('B2ms')).toEqual({ vcpu: 2, memoryGib: 8 });
    expect(sizeFromName('n1-standard-4')).toEqual({ vcpu: 4, memoryGib: 15 });
    expect(sizeFromName('inf2.xlarge')).toBeUndefined();
    expect([isBurstable('db.t4g.medium'), isBurstable('Standard_B2s'), isBurstable('e2-small'), isBurstable('m5.large')]).toEqual([true, true, true, false]);
  });
});
