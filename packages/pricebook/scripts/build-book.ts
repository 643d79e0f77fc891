// Builds data/aws.json, data/gcp.json and data/azure.json from shared/pricing-sources (see SOURCES.md there and
// VOCABULARY.md here). Run: npm run build:book -w @backarch/pricebook. Every record is validated with
// priceRecordSchema; exact duplicates are dropped; competing records from different sources are all kept (the engine
// picks trust A > B > C, then the newest); output is sorted so a rebuild is byte-identical. The README's counts
// section is regenerated from the same records.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { priceRecordSchema } from '../../core/src/pricing/price-book';
import { PRICEBOOK_DIR } from './lib/paths';
import type { Notes, PriceRecord } from './lib/record';
import { compareForFile, createNotes, identityKey } from './lib/record';
import { loadAwsGetProductsSample } from './sources/aws-getproducts-sample';
import { loadAzureRetailSamples } from './sources/azure-retail-samples';
import { loadClarchyAws } from './sources/clarchy-aws';
import { loadClarchyAzure } from './sources/clarchy-azure';
import { loadClarchyGcp } from './sources/clarchy-gcp';
import { loadCorootAws } from './sources/coroot-aws';
import { loadCyclenerd } from './sources/cyclenerd-gcp';
import { loadInfracost } from './sources/infracost';
import { loadKarpenterAws } from './sources/karpenter-aws';
import { loadKarpenterAzure } from './sources/karpenter-azure';
import { loadRadarAzureStorage } from './sources/radar-azure-storage';
import { loadRadarAzureVm } from './sources/radar-azure-vm';
import { loadTogenAws } from './sources/togen-aws';
import { loadTogenAzure } from './sources/togen-azure';

export const CLOUDS = ['aws', 'gcp', 'azure'] as const;
export type Cloud = (typeof CLOUDS)[number];

/** Every source module, in a fixed order. */
export const SOURCE_LOADERS: Array<[string, (notes: Notes) => PriceRecord[]]> = [
  ['karpenter-aws', loadKarpenterAws],
  ['coroot-aws', loadCorootAws],
  ['togen-aws', loadTogenAws],
  ['clarchy-aws', loadClarchyAws],
  ['aws-getproducts-sample', () => loadAwsGetProductsSample()],
  ['cyclenerd-gcp', loadCyclenerd],
  ['clarchy-gcp', loadClarchyGcp],
  ['infracost', loadInfracost],
  ['karpenter-azure', loadKarpenterAzure],
  ['radar-azure-vm', loadRadarAzureVm],
  ['radar-azure-storage', loadRadarAzureStorage],
  ['togen-azure', loadTogenAzure],
  ['clarchy-azure', loadClarchyAzure],
  ['azure-retail-samples', loadAzureRetailSamples],
];

export interface BuiltBook {
  /** data/<cloud>.json contents */
  files: Record<Cloud, string>;
  records: Record<Cloud, PriceRecord[]>;
  notes: string[];
  warnings: string[];
  /** the README's generated section (markdown) */
  summary: string;
}

/** Extra checks beyond the schema: tiers ascend from 0 and match `usd`; no 0 price outside a tier. */
function check(record: PriceRecord): string | undefined {
  if (record.tiers) {
    if (record.tiers[0]?.from !== '0') return 'tiers must start at 0';
    if (record.tiers[0].usd !== record.usd) return 'usd must be the first tier price';
    for (let i = 1; i < record.tiers.length; i++) if (!(Number(record.tiers[i]!.from) > Number(record.tiers[i - 1]!.from))) return 'tiers must ascend';
  } else if (Number(record.usd) === 0) return 'a zero price outside a tier';
  return undefined;
}

export function buildBook(): BuiltBook {
  const notes = createNotes();
  const warnings: string[] = [];
  const all: PriceRecord[] = [];
  for (const [name, load] of SOURCE_LOADERS) {
    for (const record of load(notes)) {
      const parsed = priceRecordSchema.safeParse(record);
      if (!parsed.success) throw new Error(`${name}: invalid record ${JSON.stringify(record)}: ${parsed.error.message}`);
      const problem = check(record);
      if (problem) throw new Error(`${name}: ${problem}: ${JSON.stringify(record)}`);
      const places = record.usd.split('.')[1]?.length ?? 0;
      if (places >= 12) warnings.push(`${name}: ${record.service} ${record.sku} ${record.region} has ${places} decimal places, probably rounded (${record.usd})`);
      all.push(record);
    }
  }

  // drop exact duplicates, then insist that one source says one thing once
  const unique = new Map<string, PriceRecord>();
  for (const record of all) unique.set(JSON.stringify(record), record);
  const identities = new Map<string, PriceRecord>();
  for (const record of unique.values()) {
    const id = identityKey(record);
    const other = identities.get(id);
    if (other) throw new Error(`two records for ${id}:\n${JSON.stringify(other)}\n${JSON.stringify(record)}`);
    identities.set(id, record);
  }

  const records = {} as Record<Cloud, PriceRecord[]>;
  const files = {} as Record<Cloud, string>;
  for (const cloud of CLOUDS) {
    const list = [...unique.values()].filter((r) => r.cloud === cloud).sort(compareForFile);
    records[cloud] = list;
    files[cloud] = serialise(cloud, list);
  }
  const unknown = [...unique.values()].filter((r) => !(CLOUDS as readonly string[]).includes(r.cloud));
  if (unknown.length) throw new Error(`records for unknown clouds: ${unknown.map((r) => r.cloud).join(', ')}`);
  return { files, records, notes: notes.lines, warnings, summary: summarise(records) };
}

interface SourceMeta {
  file: string;
  trust: string;
  effectiveDate: string;
  records: number;
}

/** meta.sources: one entry per (file, trust, effective date). */
export function sourcesMeta(records: readonly PriceRecord[]): SourceMeta[] {
  const counts = new Map<string, SourceMeta>();
  for (const r of records) {
    const key = `${r.source.file}|${r.source.trust}|${r.effectiveDate}`;
    const entry = counts.get(key) ?? { file: r.source.file, trust: r.source.trust, effectiveDate: r.effectiveDate, records: 0 };
    entry.records++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.trust < b.trust ? -1 : a.trust > b.trust ? 1 : a.effectiveDate < b.effectiveDate ? -1 : 1));
}

/**
 * The file's text, laid out like data/llm.json (src/refresh/book-file.ts formatBookFile): meta and one source per
 * line, then one record per line, so a rebuild or a refresh shows in `git diff` as the lines of the prices that changed.
 */
function serialise(cloud: Cloud, records: readonly PriceRecord[]): string {
  const sources = sourcesMeta(records).map((s) => `      ${JSON.stringify(s)}`);
  const lines = records.map((r) => `    ${JSON.stringify(r)}`);
  return [
    '{',
    '  "meta": {',
    `    "cloud": ${JSON.stringify(cloud)},`,
    sources.length ? `    "sources": [\n${sources.join(',\n')}\n    ]` : '    "sources": []',
    '  },',
    lines.length ? `  "records": [\n${lines.join(',\n')}\n  ]` : '  "records": []',
    '}',
    '',
  ].join('\n');
}

function summarise(records: Record<Cloud, PriceRecord[]>): string {
  const lines: string[] = [];
  const total = CLOUDS.reduce((n, c) => n + records[c].length, 0);
  lines.push(`${total} records: ${CLOUDS.map((c) => `${c} ${records[c].length}`).join(', ')}.`, '');
  lines.push('| cloud | service | records | A | B | C | terms | regions |', '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const cloud of CLOUDS) {
    const services = new Map<string, PriceRecord[]>();
    for (const r of records[cloud]) services.set(r.service, [...(services.get(r.service) ?? []), r]);
    for (const [service, list] of [...services.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const trust = (t: string) => list.filter((r) => r.source.trust === t).length;
      const terms = [...new Set(list.map((r) => r.term))].sort().join(', ');
      const regions = [...new Set(list.map((r) => r.region))].sort();
      const regionText = regions.length > 8 ? `${regions.length} regions` : regions.join(', ');
      lines.push(`| ${cloud} | ${service} | ${list.length} | ${trust('A')} | ${trust('B')} | ${trust('C')} | ${terms} | ${regionText} |`);
    }
  }
  lines.push('', '| source file | trust | effective date | records |', '| --- | --- | --- | ---: |');
  const all = CLOUDS.flatMap((c) => records[c]);
  for (const s of sourcesMeta(all)) lines.push(`| \`${s.file}\` | ${s.trust} | ${s.effectiveDate} | ${s.records} |`);
  lines.push('', '| cloud | regions with at least one record |', '| --- | --- |');
  for (const cloud of CLOUDS) lines.push(`| ${cloud} | ${[...new Set(records[cloud].map((r) => r.region))].sort().join(', ')} |`);
  return lines.join('\n');
}

export const README_START = '<!-- book-summary:start (generated by scripts/build-book.ts; do not edit) -->';
export const README_END = '<!-- book-summary:end -->';

/** The README with its generated section replaced by `summary`. */
export function withSummary(readme: string, summary: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no book-summary markers');
  return `${readme.slice(0, start + README_START.length)}\n${summary}\n${readme.slice(end)}`;
}

function main() {
  const started = Date.now();
  const book = buildBook();
  for (const cloud of CLOUDS) writeFileSync(join(PRICEBOOK_DIR, 'data', `${cloud}.json`), book.files[cloud]);
  const readmePath = join(PRICEBOOK_DIR, 'README.md');
  writeFileSync(readmePath, withSummary(readFileSync(readmePath, 'utf8'), book.summary));
  console.log(book.summary);
  console.log('\nSkipped (source: what):');
  for (const line of book.notes) console.log(`  - ${line}`);
  if (book.warnings.length) {
    console.log('\nWarnings:');
    for (const line of book.warnings) console.log(`  - ${line}`);
  }
  console.log(`\nWrote data/aws.json, data/gcp.json, data/azure.json and README.md in ${Date.now() - started} ms.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
