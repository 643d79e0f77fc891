import type { PriceRecord } from '@backarch/core';
import { describe, expect, it } from 'vitest';
import { belongsTo, formatBookFile, mergeSource, parseBookFile, tierProblems, type BookFile } from './book-file';
import { FormatError } from './types';

const record = (sku: string, file: string, extra: Partial<PriceRecord> = {}): PriceRecord => ({
  cloud: 'aws',
  service: 'ec2',
  sku,
  region: 'us-east-1',
  term: 'on-demand',
  unit: 'hour',
  usd: '0.1',
  attributes: {},
  source: { file, key: sku, trust: 'A' },
  effectiveDate: '2026-01-01',
  ...extra,
});
const empty: BookFile = { meta: { cloud: 'aws', sources: [] }, records: [] };

describe('book files', () => {
  it('merges one source: replaces its records, keeps the others in place, updates meta.sources', () => {
    const first = mergeSource(mergeSource(empty, 'b.json', [record('t3.micro', 'b.json'), record('old', 'b.json')]), 'a.json', [record('m5.large', 'a.json')]);
    const second = mergeSource(first, 'b.json', [record('z', 'b.json', { effectiveDate: '2026-02-01' }), record('c5.large', 'b.json')]);
    expect(second.records.map((r) => `${r.source.file}:${r.sku}`)).toEqual(['a.json:m5.large', 'b.json:c5.large', 'b.json:z']);
    expect(second.meta.sources).toEqual([
      { file: 'a.json', trust: 'A', effectiveDate: '2026-01-01', records: 1 },
      { file: 'b.json', trust: 'A', effectiveDate: '2026-02-01', records: 2 },
    ]);
    expect(mergeSource(second, 'new-name.json', [record('q', 'new-name.json')], ['b.json']).records.map((r) => r.sku)).toEqual(['m5.large', 'q']);
  });

  it('formats one record per line and reads it back', () => {
    const book = mergeSource(empty, 'a.json', [record('m5.large', 'a.json', { tiers: [{ from: '0', usd: '0.1' }, { from: '10', usd: '0.05' }] }), record('t3.micro', 'a.json')]);
    const text = formatBookFile(book);
    expect(text.split('\n')).toHaveLength(13); // 10 lines of braces and meta, 2 records, '' after the final newline
    expect(text).toContain('\n    {"cloud":"aws","service":"ec2","sku":"t3.micro","region":"us-east-1","term":"on-demand","unit":"hour","usd":"0.1","attributes":{},"source":{"file":"a.json","key":"t3.micro","trust":"A"},"effectiveDate":"2026-01-01"}\n');
    expect(parseBookFile(text, 'aws')).toEqual(book);
    expect(formatBookFile(empty)).toBe('{\n  "meta": {\n    "cloud": "aws",\n    "sources": []\n  },\n  "records": []\n}\n');
  });

  it('refuses a file for another cloud or of another shape', () => {
    expect(() => parseBookFile(formatBookFile(empty), 'gcp')).toThrow('the book file is for cloud "aws", not "gcp"');
    expect(() => parseBookFile('{"Items": []}', 'aws')).toThrow(FormatError);
    expect(() => parseBookFile('{', 'aws')).toThrow(/not valid JSON/);
  });

  it('knows which records belong in which file, and catches bad tiers', () => {
    expect(belongsTo('aws', record('x', 'f'))).toBe(true);
    expect(belongsTo('llm', record('x', 'f'))).toBe(false);
    expect(belongsTo('llm', record('gpt-4o', 'f', { cloud: 'openai', service: 'llm' }))).toBe(true);
    expect(tierProblems([record('x', 'f', { usd: '0.2', tiers: [{ from: '0', usd: '0.1' }] })])).toEqual(["x: usd 0.2 is not the first tier's 0.1"]);
  });
});
