import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { priceRecordSchema, type PriceRecord } from '@backarch/core';
import type * as RefreshModule from '@backarch/pricebook/refresh';
import type { BookCloud, ParseResult, RecordChange } from '@backarch/pricebook/refresh';
import { defineCommand } from '../command';
import { style, UsageError, type CommandIo } from '../io';

type Refresh = typeof RefreshModule;
type Cloud = BookCloud;
const CLOUDS: readonly Cloud[] = ['aws', 'gcp', 'azure', 'llm'];

/** The provider endpoints `--online` fetches. */
export const ENDPOINTS = {
  aws: 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json',
  azure: 'https://prices.azure.com/api/retail/prices',
  gcp: 'https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus',
  llm: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
} as const satisfies Record<Cloud, string>;

/** AWS offers the parser maps (one region file each per --region). */
export const AWS_ONLINE_OFFERS = ['AmazonEC2', 'AmazonRDS', 'AmazonElastiCache', 'AWSLambda', 'AWSQueueService', 'AmazonS3', 'AWSELB', 'AmazonECS', 'AmazonApiGateway'];
/** Azure services the parser maps. */
export const AZURE_ONLINE_SERVICES = ['Virtual Machines', 'Functions', 'Storage'];

const DEFAULT_TIMEOUT_SECONDS = 5;

export default defineCommand({
  name: 'pricebook',
  summary: 'Refresh the price book from a provider price response (a recorded file, or online)',
  usage: 'refresh --cloud aws|gcp|azure|llm (--from FILE | --online) [--dry-run] [--json] [--book-dir DIR]',
  help: [
    'Parses a provider price response, merges it into packages/pricebook/data/<cloud>.json (replacing the records of',
    'the same source file, keeping every other source) and prints what changed: records added, changed, removed,',
    'every price that moved more than 20 % (old → new), and how many entries were skipped, with the main reasons.',
    'The file is written only after everything parsed and validated, through a temporary file and a rename.',
    '',
    '  --from FILE        a recorded response: an AWS offer file or GetProducts response (aws), Azure Retail Prices',
    '                     page(s) (azure), Cloud Billing Catalog SKUs page(s) (gcp), litellm\'s price JSON (llm).',
    '  --online           fetch from the provider instead, with a progress bar on stderr when it is a terminal:',
    `                       aws    ${ENDPOINTS.aws}`,
    '                              then offers/v1.0/aws/<Offer>/current/<region>/index.json for each mapped offer',
    `                       azure  ${ENDPOINTS.azure}?currencyCode='USD'&$filter=… (every NextPageLink)`,
    `                       gcp    ${ENDPOINTS.gcp}?currencyCode=USD&key=$GOOGLE_API_KEY (every nextPageToken)`,
    `                       llm    ${ENDPOINTS.llm}`,
    `                     A provider that cannot be reached within --timeout seconds (default ${DEFAULT_TIMEOUT_SECONDS}) fails with`,
    '                     "cannot reach <host>: <reason>" and exit code 2.',
    '  --region R         online aws (default us-east-1) and azure (default eastus); repeatable.',
    '  --dry-run          print the summary, write nothing.',
    '  --json             print the summary as JSON.',
    '  --book-dir DIR     the book\'s data directory (default: packages/pricebook/data, or $BACKARCH_BOOK_DIR).',
    '  --effective-date D the date the prices were valid (YYYY-MM-DD); default: the date the response states.',
    '  --rate CUR=RATE    convert prices in CUR at RATE units per USD (gcp, azure); otherwise they are skipped.',
    '  --trust A|B|C      trust of the source (default A: the providers\' official price formats).',
    '  --source NAME      source.file for the records (default: the path under shared/pricing-sources, or the URL).',
    '',
    'LLM: --cloud llm keeps the current models only (src/refresh/llm-book.ts), like scripts/build-llm.ts.',
    'Exit codes: 0 refreshed (or dry run), 1 nothing usable was parsed, 2 bad command line, unreadable or',
    'wrong-format input, unreachable provider.',
  ].join('\n'),
  options: {
    cloud: { type: 'string' },
    from: { type: 'string' },
    online: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'book-dir': { type: 'string' },
    'effective-date': { type: 'string' },
    rate: { type: 'string', multiple: true },
    region: { type: 'string', multiple: true },
    trust: { type: 'string' },
    source: { type: 'string' },
    timeout: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    const [sub, ...rest] = positionals;
    if (sub !== 'refresh') throw new UsageError(sub === undefined ? 'missing subcommand: refresh' : `unknown subcommand "${sub}"; the only one is "refresh"`);
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const cloud = values.cloud as string | undefined;
    if (cloud === undefined) throw new UsageError(`--cloud is required: one of ${CLOUDS.join(', ')}`);
    if (!(CLOUDS as readonly string[]).includes(cloud)) throw new UsageError(`--cloud must be one of ${CLOUDS.join(', ')}, got "${cloud}"`);
    const from = values.from as string | undefined;
    if ((from === undefined) === !values.online) throw new UsageError(from === undefined ? 'give --from FILE or --online' : 'give either --from FILE or --online, not both');
    const effectiveDate = values['effective-date'] as string | undefined;
    if (effectiveDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) throw new UsageError(`--effective-date must be YYYY-MM-DD, got "${effectiveDate}"`);
    const trust = (values.trust as string | undefined) ?? 'A';
    if (!['A', 'B', 'C'].includes(trust)) throw new UsageError(`--trust must be A, B or C, got "${trust}"`);
    const rates: Record<string, string> = {};
    for (const text of (values.rate as string[] | undefined) ?? []) {
      const m = /^([A-Z]{3})=(\d+(?:\.\d+)?)$/.exec(text);
      if (!m) throw new UsageError(`--rate must look like IDR=15000 (units of the currency per USD), got "${text}"`);
      rates[m[1]!] = m[2]!;
    }
    const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
    if (!(timeout > 0)) throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);

    const bookDir = (values['book-dir'] as string | undefined) ?? process.env.BACKARCH_BOOK_DIR ?? findBookDir();
    if (!bookDir) return fail(io, 'cannot find packages/pricebook/data; pass --book-dir DIR');
    const bookPath = join(bookDir, `${cloud}.json`);

    const refresh = await import('@backarch/pricebook/refresh');
    // Read the book first: a wrong --book-dir should fail before a long download.
    let book: RefreshModule.BookFile;
    try {
      book = refresh.parseBookFile(await readFile(bookPath, 'utf8'), cloud as Cloud);
    } catch (error) {
      return fail(io, `cannot read the book file ${bookPath}: ${(error as Error).message}`);
    }
    const progress = progressBar(io);
    let input: unknown;
    let sourceFile: string;
    let date = effectiveDate;
    const label = from ?? ENDPOINTS[cloud as Cloud];
    if (from !== undefined) {
      let text: string;
      try {
        text = await io.readFile(from);
      } catch (error) {
        return fail(io, `cannot read ${from}: ${(error as Error).message}`);
      }
      try {
        input = JSON.parse(text);
      } catch (error) {
        return fail(io, `${from}: not valid JSON (${(error as Error).message}); nothing written`);
      }
      sourceFile = (values.source as string | undefined) ?? sourceName(from);
    } else {
      const fetchJson = jsonFetcher(timeout * 1000);
      try {
        const fetched = await fetchOnline(cloud as Cloud, refresh, fetchJson, { regions: values.region as string[] | undefined, onProgress: progress.update });
        input = fetched.input;
        sourceFile = (values.source as string | undefined) ?? fetched.sourceFile;
        date ??= fetched.effectiveDate;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        return fail(io, (error as Error).message);
      } finally {
        progress.done();
      }
    }

    // Parse everything before touching the book.
    let result: ParseResult;
    const options = { sourceFile, trust: trust as 'A' | 'B' | 'C', effectiveDate: date, currencyRates: rates, onProgress: progress.update };
    try {
      result = parseFor(cloud as Cloud, refresh, input, options);
    } catch (error) {
      if (error instanceof refresh.FormatError) return fail(io, `${label}: not a ${cloud} price file: ${error.message}; nothing written`);
      throw error;
    } finally {
      progress.done();
    }
    const invalid = result.records.flatMap((r) => {
      const check = priceRecordSchema.safeParse(r);
      return check.success ? [] : [`${r.source.key}: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
    });
    invalid.push(...refresh.tierProblems(result.records));
    invalid.push(...result.records.filter((r) => !refresh.belongsTo(cloud as Cloud, r)).map((r) => `${r.source.key}: a ${r.cloud} ${r.service} record does not belong in ${cloud}.json`));
    if (invalid.length) {
      io.err(`backarch pricebook: ${invalid.length} parsed records are invalid; nothing written:\n${invalid.slice(0, 10).map((l) => `  ${l}\n`).join('')}`);
      return 1;
    }
    if (result.records.length === 0) {
      io.err(`backarch pricebook: no usable records in ${label} (${result.skipped.length} entries skipped); nothing written\n${skippedLines(result).join('')}`);
      return 1;
    }

    const replaces = cloud === 'llm' ? [refresh.LLM_SOURCE_FILE, refresh.LITELLM_URL] : [];
    const replaced = new Set([sourceFile, ...replaces]);
    const before = book.records.filter((r) => replaced.has(r.source.file));
    const diff = refresh.diffRecords(before, result.records);
    const merged = refresh.mergeSource(book, sourceFile, result.records, replaces);
    const dryRun = values['dry-run'] === true;
    if (!dryRun) {
      const temp = join(dirname(bookPath), `.${basename(bookPath)}.tmp-${process.pid}`);
      try {
        await writeFile(temp, refresh.formatBookFile(merged));
        await rename(temp, bookPath);
      } catch (error) {
        await rm(temp, { force: true });
        return fail(io, `cannot write ${bookPath}: ${(error as Error).message}`);
      }
    }

    const summary = {
      cloud,
      from: label,
      source: sourceFile,
      book: bookPath,
      dryRun,
      parsed: result.records.length,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      unchanged: diff.unchanged,
      moved: diff.moved.map(movedJson),
      skipped: { count: result.skipped.length, reasons: topReasons(result) },
      records: merged.records.length,
    };
    if (values.json) {
      io.out(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    const s = style(io);
    const lines = [
      `${s.bold(`pricebook refresh ${cloud}`)} from ${label} (source ${sourceFile})${dryRun ? s.yellow(' — dry run') : ''}`,
      `  parsed ${result.records.length} records, skipped ${result.skipped.length} entries`,
      `  added ${diff.added.length}, changed ${diff.changed.length}, removed ${diff.removed.length}, unchanged ${diff.unchanged}`,
    ];
    if (diff.moved.length) {
      lines.push(`  ${s.yellow(`moved more than 20 % (${diff.moved.length}):`)}`);
      for (const m of diff.moved) lines.push(`    ${movedText(m)}`);
    }
    if (result.skipped.length) lines.push(`  skipped ${result.skipped.length}, mostly:`, ...skippedLines(result).map((l) => l.trimEnd()));
    lines.push(dryRun ? `  dry run: ${bookPath} not written (it would hold ${merged.records.length} records)` : `  wrote ${bookPath} (${merged.records.length} records)`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
});

function fail(io: CommandIo, message: string): number {
  io.err(`backarch pricebook: ${message}\n`);
  return 2;
}

/** packages/pricebook/data, found from this file (bundled or not) or the working directory. */
function findBookDir(): string | undefined {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'packages', 'pricebook', 'data');
      if (existsSync(join(candidate, 'aws.json'))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/**
 * source.file for a recorded response: its path under shared/pricing-sources; else its path relative to the working
 * directory when it lies below it; else its file name (no machine-specific absolute paths in the book).
 */
function sourceName(path: string): string {
  const absolute = resolve(path);
  const marker = '/pricing-sources/';
  const at = absolute.lastIndexOf(marker);
  if (at >= 0) return absolute.slice(at + marker.length);
  const below = relative(process.cwd(), absolute);
  return below && !below.startsWith('..') ? below : basename(absolute);
}

function parseFor(cloud: Cloud, refresh: Refresh, input: unknown, options: Parameters<Refresh['parseAzureRetail']>[1]): ParseResult {
  switch (cloud) {
    case 'aws':
      return refresh.parseAwsOffer(input, options);
    case 'azure':
      return refresh.parseAzureRetail(input, options);
    case 'gcp':
      return refresh.parseGcpBilling(input, options);
    case 'llm':
      return refresh.selectCurrentLlm(refresh.parseLitellm(input, options));
  }
}

const recordLabel = (r: PriceRecord) =>
  `${r.cloud} ${r.service} ${r.sku} ${r.region} ${r.term}${Object.entries(r.attributes)
    .filter(([k]) => ['tokens', 'batch', 'engine', 'deployment', 'arch'].includes(k) && r.attributes[k] !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${String(v)}`))
    .join('')}`;

function movedText(m: RecordChange): string {
  const percent = m.percent === undefined ? 'from 0' : `${m.percent.startsWith('-') ? '' : '+'}${m.percent} %`;
  return `${recordLabel(m.after)}: ${m.before.usd} → ${m.after.usd} per ${m.after.unit} (${percent})`;
}

function movedJson(m: RecordChange) {
  const r = m.after;
  return { key: m.key, cloud: r.cloud, service: r.service, sku: r.sku, region: r.region, term: r.term, unit: r.unit, before: m.before.usd, after: r.usd, percent: m.percent ?? null };
}

/** The most common skip reasons (grouped by their text up to the first colon) with a count and one example key. */
function topReasons(result: ParseResult, limit = 5) {
  const groups = new Map<string, { reason: string; count: number; example: string }>();
  for (const s of result.skipped) {
    const reason = s.reason.split(': ')[0]!;
    const group = groups.get(reason);
    if (group) group.count++;
    else groups.set(reason, { reason, count: 1, example: s.key });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

function skippedLines(result: ParseResult): string[] {
  return topReasons(result).map((g) => `    ${g.count} × ${g.reason} (e.g. ${g.example})\n`);
}

/** A progress bar on stderr, only when stderr is a terminal; `update(done, total?)` is cheap to call often. */
function progressBar(io: CommandIo) {
  let last = 0;
  let drawn = false;
  return {
    update: (done: number, total?: number) => {
      if (!io.stderrIsTTY) return;
      const now = Date.now();
      if (now - last < 100 && !(total !== undefined && done >= total)) return;
      last = now;
      const width = 30;
      const bar = total ? `[${'#'.repeat(Math.round((width * Math.min(done, total)) / total)).padEnd(width, '.')}] ${done}/${total}` : `${done} pages…`;
      io.err(`\r${bar}\u001b[K`);
      drawn = true;
    },
    done: () => {
      if (drawn) io.err('\r\u001b[K');
      drawn = false;
    },
  };
}

export type JsonFetcher = (url: string) => Promise<unknown>;

/** GET a URL as JSON with a timeout; network failures become "cannot reach <host>: <reason>". */
export function jsonFetcher(timeoutMs: number): JsonFetcher {
  return async (url) => {
    const host = new URL(url).host;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Error(`cannot reach ${host}: ${reason(error, timeoutMs)}`);
    }
    if (!response.ok) throw new Error(`${host} answered ${response.status} ${response.statusText} for ${url.replace(/key=[^&]*/, 'key=…')}`);
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      throw new Error(`${host} did not return JSON for ${url}: ${(error as Error).message}`);
    }
  };
}

function reason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  if (e.cause?.message) return e.cause.message;
  return e.message ?? String(error);
}

/**
 * Fetches a cloud's price list with `fetchJson` (the real one, or recorded pages in tests) and returns the input for
 * the cloud's parser, its source name and the effective date (the fetch day where the response states none).
 */
export async function fetchOnline(
  cloud: Cloud,
  refresh: Refresh,
  fetchJson: JsonFetcher,
  options: { regions?: string[]; onProgress?: (done: number, total?: number) => void; today?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ input: unknown; sourceFile: string; effectiveDate?: string }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const env = options.env ?? process.env;
  switch (cloud) {
    case 'llm': {
      const input = await fetchJson(ENDPOINTS.llm);
      options.onProgress?.(1, 1);
      return { input, sourceFile: refresh.LITELLM_URL, effectiveDate: refresh.litellmDate(input) ?? today };
    }
    case 'aws': {
      const index = await fetchJson(ENDPOINTS.aws); // reachability, and the offer codes on offer
      const offered = new Set(Object.keys((index as { offers?: Record<string, unknown> }).offers ?? {}));
      const offers = AWS_ONLINE_OFFERS.filter((o) => offered.size === 0 || offered.has(o));
      const regions = options.regions?.length ? options.regions : ['us-east-1'];
      const files: unknown[] = [];
      const total = offers.length * regions.length;
      for (const region of regions) {
        for (const offer of offers) {
          files.push(await fetchJson(`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offer}/current/${region}/index.json`));
          options.onProgress?.(files.length, total);
        }
      }
      return { input: files, sourceFile: `${ENDPOINTS.aws.replace(/index\.json$/, '')}<offer>/current/<region>/index.json` };
    }
    case 'azure': {
      const regions = options.regions?.length ? options.regions : ['eastus'];
      const services = AZURE_ONLINE_SERVICES.map((s) => `serviceName eq '${s}'`).join(' or ');
      const pages: unknown[] = [];
      for (const region of regions) {
        const filter = `armRegionName eq '${region}' and (priceType eq 'Consumption' or priceType eq 'Reservation') and (${services})`;
        const first = `${ENDPOINTS.azure}?currencyCode='USD'&$filter=${encodeURIComponent(filter)}`;
        pages.push(...(await refresh.fetchAzureRetailPages(first, fetchJson, { onPage: (n) => options.onProgress?.(pages.length + n) })));
      }
      return { input: pages, sourceFile: ENDPOINTS.azure, effectiveDate: today };
    }
    case 'gcp': {
      const key = env.GOOGLE_API_KEY ?? env.BACKARCH_GCP_API_KEY;
      if (!key) {
        await fetchJson(refresh.gcpSkusUrl(refresh.GCP_COMPUTE_SERVICE_ID, { pageSize: 1 })).catch((error: Error) => {
          if (error.message.startsWith('cannot reach')) throw error;
        });
        throw new UsageError('online gcp needs a Cloud Billing API key in $GOOGLE_API_KEY (or $BACKARCH_GCP_API_KEY)');
      }
      const pages = await refresh.fetchGcpSkuPages(refresh.GCP_COMPUTE_SERVICE_ID, fetchJson, { key, onPage: (n) => options.onProgress?.(n) });
      return { input: pages, sourceFile: ENDPOINTS.gcp, effectiveDate: today };
    }
  }
}
