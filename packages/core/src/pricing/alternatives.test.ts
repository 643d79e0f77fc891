import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../document/apply';
import { parseDocumentOrThrow } from '../document/parse';
import { PRICE_SLICE } from '../testing/price-slice';
import { cheaperAlternatives } from './alternatives';
import { createPriceBook } from './price-book';

const book = createPriceBook(PRICE_SLICE);
const doc = (peakRps: number, config: object) =>
  parseDocumentOrThrow({
    backarch: 1,
    name: 'alt',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps } },
    components: [
      { id: 'web', type: 'client.web' },
      { id: 'api', type: 'aws.ec2', label: 'API', config },
    ],
    connections: [{ from: 'web', to: 'api', type: 'http' }],
  });

describe('cheaperAlternatives', () => {
  it('[ALT1] suggests the cheapest smaller size that still carries the peak, with the figures', () => {
    const alternatives = cheaperAlternatives(doc(120, { instanceType: 't3.xlarge', replicas: 2 }), book);
    const smaller = alternatives.find((a) => a.kind === 'smaller-instance')!;
    expect(smaller.change.ops).toEqual([{ op: 'updateComponent', id: 'api', config: { instanceType: 't3.medium' } }]);
    expect(smaller.monthlySavingUsd).toBe('182.208'); // (0.1664 − 0.0416) × 730 × 2
    expect(smaller.why).toContain('peak 120.0 requests/s needs 171.4/s at 70 % utilisation');
    expect(smaller.why).toContain('2 × t3.medium (2 vCPU) × 100/s per vCPU');
  });

  it('[ALT2] never suggests a size that cannot carry the peak', () => {
    // 2 instances of 4 vCPU = 800/s; 2 vCPU sizes give 400/s, below the 500/s needed for 350/s at 70 %
    const alternatives = cheaperAlternatives(doc(350, { instanceType: 't3.xlarge', replicas: 2 }), book);
    expect(alternatives.filter((a) => a.kind === 'smaller-instance')).toEqual([]);
  });

  it('[ALT3] suggests Lambda at low traffic, as a valid change set, and only when it is cheaper', () => {
    const d = doc(3, { instanceType: 't3.medium', storageGb: 30 });
    const serverless = cheaperAlternatives(d, book).find((a) => a.kind === 'serverless')!;
    expect(serverless.change.ops).toEqual([{ op: 'updateComponent', id: 'api', type: 'aws.lambda', config: { instanceType: null, storageGb: null } }]);
    expect(applyChangeSet(d, serverless.change).ok).toBe(true);
    expect(Number(serverless.monthlySavingUsd)).toBeGreaterThan(20);
    expect(serverless.why).toContain('1.00 requests/s on average');
    expect(cheaperAlternatives(doc(300, { instanceType: 't3.medium' }), book).some((a) => a.kind === 'serverless')).toBe(false);
  });

  it('[ALT4] skips alternatives the book cannot price (no reserved prices in the slice)', () => {
    expect(cheaperAlternatives(doc(10, { instanceType: 't3.medium' }), book).some((a) => a.kind === 'reserved-term')).toBe(false);
  });

  it('[ALT5] results are sorted by saving', () => {
    const savings = cheaperAlternatives(doc(3, { instanceType: 't3.xlarge' }), book).map((a) => Number(a.monthlySavingUsd));
    expect(savings.length).toBeGreaterThan(1);
    expect([...savings].sort((a, b) => b - a)).toEqual(savings);
  });
});
