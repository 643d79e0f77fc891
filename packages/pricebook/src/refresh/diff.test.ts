import type { PriceRecord } from '@backarch/core';
import { describe, expect, it } from 'vitest';
import { diffRecords, percentChange } from './diff';

const record = (sku: string, usd: string, extra: Partial<PriceRecord> = {}): PriceRecord => ({
  cloud: 'aws',
  service: 'ec2',
  sku,
  region: 'us-east-1',
  term: 'on-demand',
  unit: 'hour',
  usd,
  attributes: { os: 'linux' },
  source: { file: 'f', key: sku, trust: 'A' },
  effectiveDate: '2026-01-01',
  ...extra,
});

describe('diffRecords', () => {
  it('finds added, removed, changed and unchanged records by key', () => {
    const before = [record('a', '0.1'), record('b', '0.2'), record('c', '0.3'), record('gone', '1')];
    const after = [record('a', '0.1000'), record('b', '0.21'), record('c', '0.5'), record('new', '2')];
    const diff = diffRecords(before, after);
    expect(diff.added.map((r) => r.sku)).toEqual(['new']);
    expect(diff.removed.map((r) => r.sku)).toEqual(['gone']);
    expect(diff.changed.map((c) => [c.before.sku, c.before.usd, c.after.usd, c.percent])).toEqual([
      ['b', '0.2', '0.21', '5'],
      ['c', '0.3', '0.5', '66.7'],
    ]);
    expect(diff.unchanged).toBe(1); // "0.1000" equals "0.1"
    expect(diff.moved.map((c) => c.after.sku)).toEqual(['c']);
  });

  it('moved = more than 20 % either way, compared unrounded; from 0 to a price counts', () => {
    const before = [record('up20', '1'), record('up20.04', '100'), record('down25', '0.08'), record('fromZero', '0'), record('down20', '0.1')];
    const after = [record('up20', '1.2'), record('up20.04', '120.04'), record('down25', '0.06'), record('fromZero', '0.01'), record('down20', '0.08')];
    const diff = diffRecords(before, after);
    expect(diff.moved.map((c) => [c.after.sku, c.percent])).toEqual([
      ['up20.04', '20'],
      ['down25', '-25'],
      ['fromZero', undefined],
    ]);
    expect(diffRecords(before, after, '0.1').moved).toHaveLength(5);
  });

  it('tells records apart by identifying attributes and term, not by notes or specs', () => {
    const before = [record('m5.large', '0.06', { term: 'reserved-1y', attributes: { os: 'linux', allUpfrontUsd: '494', vcpu: 2 } })];
    const after = [
      record('m5.large', '0.06', { term: 'reserved-1y', attributes: { os: 'linux', allUpfrontUsd: '500', vcpu: 2, memoryGib: 8 } }),
      record('m5.large', '0.096'),
      record('db.t3.micro', '0.017', { service: 'rds', attributes: { engine: 'mysql', deployment: 'single-az' } }),
      record('db.t3.micro', '0.018', { service: 'rds', attributes: { engine: 'postgresql', deployment: 'single-az' } }),
    ];
    const diff = diffRecords(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.added).toHaveLength(3);
  });

  it('counts a change of tiers as a change', () => {
    const tiers = (second: string) => ({ tiers: [{ from: '0', usd: '0' }, { from: '1', usd: second }] });
    const diff = diffRecords([record('x', '0', tiers('0.2'))], [record('x', '0', tiers('0.25'))]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.moved).toHaveLength(0); // usd (the first tier) did not move
  });

  it('percentChange rounds to one decimal', () => {
    expect(percentChange('0.07', '0.096')).toBe('37.1');
    expect(percentChange('3', '2')).toBe('-33.3');
    expect(percentChange('0', '1')).toBeUndefined();
  });
});
