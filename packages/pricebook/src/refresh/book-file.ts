/**
 * The committed book files, `data/<cloud>.json`: `{meta: {cloud, sources: [...]}, records: [...]}`, one record per
 * line so a refresh shows up in `git diff` as the lines of the prices that changed. Reading, merging one source's
 * records in (replacing that source's previous records, keeping every other source's), and formatting. No I/O here:
 * the CLI and the build scripts read and write the files (atomically: temp file + rename).
 */
import type { PriceRecord } from '@backarch/core';
import { compare } from './decimal-text';
import { describeKeys, FormatError, isObject } from './types';

export interface BookSource {
  file: string;
  trust: string;
  effectiveDate: string;
  records: number;
}

/** Same shape as `PriceBookFile` in the package index. */
export interface BookFile {
  meta: { cloud: string; sources: BookSource[] };
  records: PriceRecord[];
}

export const BOOK_CLOUDS = ['aws', 'gcp', 'azure', 'llm'] as const;
export type BookCloud = (typeof BOOK_CLOUDS)[number];

/** Which records a book file may hold: its cloud, or for "llm" the LLM providers. */
export const belongsTo = (cloud: BookCloud, record: PriceRecord) =>
  cloud === 'llm' ? record.service === 'llm' || record.service === 'embedding' : record.cloud === cloud;

export function parseBookFile(text: string, cloud: BookCloud): BookFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FormatError(`the book file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value) || !isObject(value.meta) || !Array.isArray(value.records) || !Array.isArray(value.meta.sources)) {
    throw new FormatError(`not a price book file ({meta: {cloud, sources}, records}); ${describeKeys(value)}`);
  }
  if (value.meta.cloud !== cloud) throw new FormatError(`the book file is for cloud "${String(value.meta.cloud)}", not "${cloud}"`);
  return value as unknown as BookFile;
}

const order = (a: PriceRecord, b: PriceRecord) => {
  for (const field of ['cloud', 'service', 'sku', 'region', 'term'] as const) if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  return 0;
};

/**
 * `book` with `sourceFile`'s records (and those of the `replaces` files: the same price list under another name, e.g.
 * litellm's file online and in shared/pricing-sources) replaced by `records` (sorted by cloud, service, sku, region,
 * term; the parser's order within), every other source's records kept in place, and `meta.sources` updated.
 */
export function mergeSource(book: BookFile, sourceFile: string, records: readonly PriceRecord[], replaces: readonly string[] = []): BookFile {
  const incoming = [...records].sort(order);
  const trust = incoming[0]?.source.trust ?? 'A';
  const effectiveDate = incoming.reduce((latest, r) => (r.effectiveDate > latest ? r.effectiveDate : latest), '');
  const replaced = new Set([sourceFile, ...replaces]);
  const kept = book.records.filter((r) => !replaced.has(r.source.file));
  const sources = book.meta.sources.filter((s) => !replaced.has(s.file));
  if (incoming.length > 0) sources.push({ file: sourceFile, trust, effectiveDate, records: incoming.length });
  sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { meta: { ...book.meta, sources }, records: [...kept, ...incoming] };
}

/** Stable key order inside a record, so regenerated files are byte-identical. */
function canonical(record: PriceRecord): PriceRecord {
  return {
    cloud: record.cloud,
    service: record.service,
    sku: record.sku,
    region: record.region,
    term: record.term,
    unit: record.unit,
    usd: record.usd,
    ...(record.tiers ? { tiers: record.tiers.map((t) => ({ from: t.from, usd: t.usd })) } : {}),
    attributes: record.attributes,
    source: { file: record.source.file, key: record.source.key, trust: record.source.trust },
    effectiveDate: record.effectiveDate,
  };
}

/** The file's text: meta and one source per line, then one record per line; ends with a newline. */
export function formatBookFile(book: BookFile): string {
  const sources = book.meta.sources.map((s) => `      ${JSON.stringify({ file: s.file, trust: s.trust, effectiveDate: s.effectiveDate, records: s.records })}`);
  const records = book.records.map((r) => `    ${JSON.stringify(canonical(r))}`);
  return [
    '{',
    '  "meta": {',
    `    "cloud": ${JSON.stringify(book.meta.cloud)},`,
    sources.length ? `    "sources": [\n${sources.join(',\n')}\n    ]` : '    "sources": []',
    '  },',
    records.length ? `  "records": [\n${records.join(',\n')}\n  ]` : '  "records": []',
    '}',
    '',
  ].join('\n');
}

/** Records whose tiers are out of order or whose usd is not the first tier's (a parser bug, caught before writing). */
export function tierProblems(records: readonly PriceRecord[]): string[] {
  const problems: string[] = [];
  for (const r of records) {
    if (!r.tiers) continue;
    if (compare(r.tiers[0]!.from, '0') !== 0) problems.push(`${r.source.key}: first tier starts at ${r.tiers[0]!.from}`);
    if (compare(r.tiers[0]!.usd, r.usd) !== 0) problems.push(`${r.source.key}: usd ${r.usd} is not the first tier's ${r.tiers[0]!.usd}`);
    for (let i = 1; i < r.tiers.length; i++) if (compare(r.tiers[i]!.from, r.tiers[i - 1]!.from) <= 0) problems.push(`${r.source.key}: tiers not ascending`);
  }
  return problems;
}
