import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPriceBook, priceRecordSchema, type PriceRecord } from '@backarch/core';
import * as refresh from '@backarch/pricebook/refresh';
import { beforeEach, describe, expect, it } from 'vitest';
import { AWS_ONLINE_OFFERS, ENDPOINTS, fetchOnline } from './commands/pricebook';
import { main } from './main';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../shared/pricing-sources/', import.meta.url).pathname.replace(/\/$/, '');
const DATA = new URL('../../pricebook/data/', import.meta.url).pathname;
const sample = (name: string) => `${SOURCES}/formats/${name}`;
const AWS_ITEM = sample('aws-pricing-api-getproducts-item-m5.large-us-east-1.json');
const AZURE_B1S = sample('azure-retail-prices-eastus-standard_b1s.json');
const GCP_PAGE = sample('gcp-cloudbilling-skus-page-opencost.json');
const LITELLM = `${SOURCES}/llm/litellm-model_prices_and_context_window.json`;

/** Runs `backarch …` in-process, capturing what it prints. */
async function cli(argv: string[], { tty = false } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8'), color: false, stderrIsTTY: tty });
  return { code, stdout, stderr };
}

/** Every file of a directory, as text, to prove nothing was written. */
async function snapshot(dir: string) {
  const files = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
}

const emptyBook = (cloud: string) => `{ "meta": { "cloud": "${cloud}", "sources": [] }, "records": [] }\n`;
let book: string; // a temp copy of the committed data directory: tests never touch packages/pricebook/data

beforeEach(async () => {
  book = await mkdtemp(join(tmpdir(), 'backarch-book-'));
  await cp(DATA, book, { recursive: true });
});

describe('backarch pricebook refresh --from', () => {
  it('[PB1] --dry-run prints the summary for a recorded AWS GetProducts item and writes nothing', async () => {
    await writeFile(join(book, 'aws.json'), emptyBook('aws')); // a known starting point, so the summary is exact
    const before = await snapshot(book);
    const result = await cli(['pricebook', 'refresh', '--cloud', 'aws', '--from', AWS_ITEM, '--dry-run', '--book-dir', book]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `pricebook refresh aws from ${AWS_ITEM} (source formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json) — dry run`,
        '  parsed 3 records, skipped 0 entries',
        '  added 3, changed 0, removed 0, unchanged 0',
        `  dry run: ${join(book, 'aws.json')} not written (it would hold 3 records)`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await snapshot(book)).toEqual(before);
  });

  it('[PB1b] --dry-run against a copy of the committed book: same-source records are compared, nothing is written', async () => {
    const before = await snapshot(book);
    const result = await cli(['pricebook', 'refresh', '--cloud', 'azure', '--from', sample('azure-retail-prices-eastus-functions-consumption.json'), '--dry-run', '--book-dir', book]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pricebook refresh azure from .* \(source formats\/azure-retail-prices-eastus-functions-consumption\.json\) — dry run\n {2}parsed 6 records, skipped 3 entries\n {2}added \d+, changed \d+, removed \d+, unchanged \d+\n/);
    expect(result.stdout).toContain('  skipped 3, mostly:\n    3 × no vocabulary mapping for Functions (e.g. 027afd58-24db-521f-8309-dcb3da519422 (Flex Consumption / Always Ready Execution Time))\n');
    expect(await snapshot(book)).toEqual(before);
  });

  it('[PB2] merges: replaces the same source’s records, keeps other sources, lists prices that moved more than 20 %', async () => {
    const source = 'formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json';
    const record = (sku: string, usd: string, file = source): PriceRecord => ({
      cloud: 'aws',
      service: 'ec2',
      sku,
      region: 'us-east-1',
      term: 'on-demand',
      unit: 'hour',
      usd,
      attributes: { os: 'linux' },
      source: { file, key: 'old', trust: 'A' },
      effectiveDate: '2020-01-01',
    });
    const old = refresh.mergeSource(refresh.mergeSource(JSON.parse(emptyBook('aws')), source, [record('m5.large', '0.07'), record('m5.xlarge', '0.192')]), 'aws/other.json', [record('t3.micro', '0.0104', 'aws/other.json')]);
    await writeFile(join(book, 'aws.json'), refresh.formatBookFile(old));

    const result = await cli(['pricebook', 'refresh', '--cloud', 'aws', '--from', AWS_ITEM, '--book-dir', book]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `pricebook refresh aws from ${AWS_ITEM} (source ${source})`,
        '  parsed 3 records, skipped 0 entries',
        '  added 2, changed 1, removed 1, unchanged 0',
        '  moved more than 20 % (1):',
        '    aws ec2 m5.large us-east-1 on-demand: 0.07 → 0.096 per hour (+37.1 %)',
        `  wrote ${join(book, 'aws.json')} (4 records)`,
        '',
      ].join('\n'),
    );
    const written = refresh.parseBookFile(await readFile(join(book, 'aws.json'), 'utf8'), 'aws');
    expect(written.records.map((r) => `${r.source.file} ${r.sku} ${r.term} ${r.usd}`)).toEqual([
      'aws/other.json t3.micro on-demand 0.0104',
      `${source} m5.large on-demand 0.096`,
      `${source} m5.large reserved-1y 0.06`,
      `${source} m5.large reserved-3y 0.041`,
    ]);
    expect(written.meta.sources).toEqual([
      { file: 'aws/other.json', trust: 'A', effectiveDate: '2020-01-01', records: 1 },
      { file: source, trust: 'A', effectiveDate: '2021-02-05', records: 3 },
    ]);
    expect(written.records.every((r) => priceRecordSchema.safeParse(r).success)).toBe(true);

    // A second refresh from the same response changes nothing, byte for byte.
    const text = await readFile(join(book, 'aws.json'), 'utf8');
    const again = await cli(['pricebook', 'refresh', '--cloud', 'aws', '--from', AWS_ITEM, '--book-dir', book]);
    expect(again.stdout).toContain('added 0, changed 0, removed 0, unchanged 3');
    expect(await readFile(join(book, 'aws.json'), 'utf8')).toBe(text);
  });

  it('[PB3] --json prints the summary as data, with the skipped reasons', async () => {
    const result = await cli(['pricebook', 'refresh', '--cloud', 'gcp', '--from', GCP_PAGE, '--dry-run', '--json', '--book-dir', book]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ cloud: 'gcp', source: 'formats/gcp-cloudbilling-skus-page-opencost.json', dryRun: true, parsed: 6, skipped: { count: 5 } });
    expect(summary.skipped.reasons).toEqual([
      { reason: 'priced in IDR, not USD', count: 4, example: '4756-01E4-0F32 (T2D AMD Instance Ram running in Singapore)' },
      { reason: 'GPU SKUs have no vocabulary entry', count: 1, example: '039F-D0DA-4055 (Nvidia Tesla A100 GPU running in Americas)' },
    ]);
  });

  it('[PB4] --rate converts non-USD prices instead of skipping them', async () => {
    const result = await cli(['pricebook', 'refresh', '--cloud', 'gcp', '--from', GCP_PAGE, '--rate', 'IDR=14999.999925', '--dry-run', '--json', '--book-dir', book]);
    expect(JSON.parse(result.stdout)).toMatchObject({ parsed: 14, skipped: { count: 1 } });
  });

  it('[PB5] the LLM refresh from litellm’s file reproduces the committed llm.json exactly', async () => {
    const result = await cli(['pricebook', 'refresh', '--cloud', 'llm', '--from', LITELLM, '--book-dir', book]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/parsed \d+ records, skipped \d+ entries\n {2}added 0, changed 0, removed 0, unchanged \d+\n {2}skipped \d+, mostly:\n {4}\d+ × routed through /);
    expect(await readFile(join(book, 'llm.json'), 'utf8')).toBe(await readFile(join(DATA, 'llm.json'), 'utf8'));
  });

  it('[PB6] draws a progress bar on stderr only when stderr is a terminal', async () => {
    const quiet = await cli(['pricebook', 'refresh', '--cloud', 'llm', '--from', LITELLM, '--dry-run', '--book-dir', book]);
    expect(quiet.stderr).toBe('');
    const tty = await cli(['pricebook', 'refresh', '--cloud', 'llm', '--from', LITELLM, '--dry-run', '--book-dir', book], { tty: true });
    expect(tty.stderr).toMatch(/\r\[#*\.*\] \d+\/\d+/);
    expect(tty.stdout).toBe(quiet.stdout);
  });
});

describe('backarch pricebook refresh: errors', () => {
  it('[PB7] a file of the wrong format is a clear error, and the data file is untouched', async () => {
    const before = await snapshot(book);
    const result = await cli(['pricebook', 'refresh', '--cloud', 'aws', '--from', AZURE_B1S, '--book-dir', book]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `backarch pricebook: ${AZURE_B1S}: not a aws price file: not an AWS Price List offer file ({products, terms}) or GetProducts response ({PriceList: […]} or {product, terms}); found keys: BillingCurrency, CustomerEntityId, CustomerEntityType, Items, NextPageLink, Count; nothing written\n`,
    );
    expect(await snapshot(book)).toEqual(before);
  });

  it('[PB8] a file that is not JSON, or missing, exits 2 and writes nothing', async () => {
    const before = await snapshot(book);
    const bad = join(book, '..', `not-json-${Date.now()}.json`);
    await writeFile(bad, '{"Items": [');
    const notJson = await cli(['pricebook', 'refresh', '--cloud', 'azure', '--from', bad, '--book-dir', book]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON .*; nothing written\n$/);
    const missing = await cli(['pricebook', 'refresh', '--cloud', 'azure', '--from', join(book, 'missing.json'), '--book-dir', book]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^backarch pricebook: cannot read .*missing\.json: ENOENT/);
    const noBook = await cli(['pricebook', 'refresh', '--cloud', 'azure', '--from', AZURE_B1S, '--book-dir', join(book, 'nowhere')]);
    expect(noBook.code).toBe(2);
    expect(noBook.stderr).toMatch(/^backarch pricebook: cannot read the book file .*nowhere\/azure\.json: ENOENT/);
    expect(await snapshot(book)).toEqual(before);
  });

  it('[PB9] a bad --cloud exits 2 with the allowed values', async () => {
    const result = await cli(['pricebook', 'refresh', '--cloud', 'oracle', '--from', AWS_ITEM, '--book-dir', book]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'backarch pricebook: --cloud must be one of aws, gcp, azure, llm, got "oracle"\nUsage: backarch pricebook refresh --cloud aws|gcp|azure|llm (--from FILE | --online) [--dry-run] [--json] [--book-dir DIR]\n',
    );
    expect((await cli(['pricebook', 'refresh', '--from', AWS_ITEM])).stderr).toMatch(/--cloud is required/);
    expect((await cli(['pricebook', 'update', '--cloud', 'aws'])).stderr).toMatch(/unknown subcommand "update"/);
    expect((await cli(['pricebook', 'refresh', '--cloud', 'aws'])).stderr).toMatch(/give --from FILE or --online/);
    expect((await cli(['pricebook', 'refresh', '--cloud', 'aws', '--from', AWS_ITEM, '--online'])).stderr).toMatch(/not both/);
  });

  it('[PB10] nothing usable parsed: exit 1, nothing written', async () => {
    const before = await snapshot(book);
    const onlyWindows = { Items: [JSON.parse(await readFile(AZURE_B1S, 'utf8')).Items[0]], NextPageLink: null };
    const file = join(book, '..', `windows-only-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(onlyWindows));
    const result = await cli(['pricebook', 'refresh', '--cloud', 'azure', '--from', file, '--book-dir', book]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no usable records .* \(1 entries skipped\); nothing written\n {4}1 × Windows/);
    expect(await snapshot(book)).toEqual(before);
  });

  it('[PB11] --online fails fast with "cannot reach <host>" and exit 2 (no network here)', async () => {
    const before = await snapshot(book);
    const llm = await cli(['pricebook', 'refresh', '--cloud', 'llm', '--online', '--timeout', '3', '--book-dir', book]);
    expect(llm.code).toBe(2);
    expect(llm.stderr).toMatch(/^backarch pricebook: cannot reach raw\.githubusercontent\.com: .+\n$/);
    const aws = await cli(['pricebook', 'refresh', '--cloud', 'aws', '--online', '--timeout', '3', '--book-dir', book]);
    expect(aws.code).toBe(2);
    expect(aws.stderr).toMatch(/^backarch pricebook: cannot reach pricing\.us-east-1\.amazonaws\.com: .+\n$/);
    expect(await snapshot(book)).toEqual(before);
  }, 20_000);

  it('[PB12] help documents the provider endpoints and --book-dir', async () => {
    const help = await cli(['pricebook', '--help']);
    for (const url of Object.values(ENDPOINTS)) expect(help.stdout).toContain(url);
    expect(help.stdout).toContain('--book-dir DIR');
  });
});

describe('fetchOnline (recorded responses instead of the network)', () => {
  const json = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;

  it('azure: follows NextPageLink across pages with the documented filter', async () => {
    const functions = (await json(sample('azure-retail-prices-eastus-functions-consumption.json'))) as { Items: unknown[] };
    const urls: string[] = [];
    const progress: number[] = [];
    const fetched = await fetchOnline(
      'azure',
      refresh,
      async (url) => {
        urls.push(url);
        return urls.length === 1 ? { Items: functions.Items.slice(0, 7), NextPageLink: 'https://prices.azure.com/api/retail/prices?page=2' } : { Items: functions.Items.slice(7), NextPageLink: null };
      },
      { today: '2026-11-24', onProgress: (n) => progress.push(n) },
    );
    expect(urls[0]).toBe(
      `${ENDPOINTS.azure}?currencyCode='USD'&$filter=${encodeURIComponent("armRegionName eq 'eastus' and (priceType eq 'Consumption' or priceType eq 'Reservation') and (serviceName eq 'Virtual Machines' or serviceName eq 'Functions' or serviceName eq 'Storage')")}`,
    );
    expect(urls).toHaveLength(2);
    expect(progress).toEqual([1, 2]);
    expect(fetched.sourceFile).toBe(ENDPOINTS.azure);
    const parsed = refresh.parseAzureRetail(fetched.input, { sourceFile: fetched.sourceFile, effectiveDate: fetched.effectiveDate });
    expect(parsed.records.find((r) => r.sku === 'executions')).toMatchObject({ usd: '0', tiers: [{ from: '0', usd: '0' }, { from: '1', usd: '0.2' }], effectiveDate: '2026-11-24' });
  });

  it('aws: the offer index, then one region file per mapped offer', async () => {
    const offer = await json(sample('aws-offer-file-excerpt-ec2-us-east-2-opencost.json'));
    const urls: string[] = [];
    const fetched = await fetchOnline('aws', refresh, async (url) => {
      urls.push(url);
      return url === ENDPOINTS.aws ? { offers: { AmazonEC2: {}, AWSLambda: {} } } : offer;
    }, { regions: ['us-east-2'] });
    expect(urls).toEqual([
      ENDPOINTS.aws,
      'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-2/index.json',
      'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-2/index.json',
    ]);
    expect(AWS_ONLINE_OFFERS).toContain('AmazonRDS');
    expect(refresh.parseAwsOffer(fetched.input, { sourceFile: fetched.sourceFile }).records).toHaveLength(1); // the same excerpt twice, de-duplicated
  });

  it('llm: litellm’s raw file, replacing the records built from the recorded copy', async () => {
    const fetched = await fetchOnline('llm', refresh, async () => json(LITELLM));
    expect(fetched).toMatchObject({ sourceFile: refresh.LITELLM_URL, effectiveDate: '2026-07-24' });
  });

  it('gcp: asks for an API key when none is set', async () => {
    await expect(fetchOnline('gcp', refresh, async () => ({ skus: [] }), { env: {} })).rejects.toThrow(/needs a Cloud Billing API key/);
    await expect(
      fetchOnline('gcp', refresh, async () => {
        throw new Error('cannot reach cloudbilling.googleapis.com: getaddrinfo ENOTFOUND');
      }, { env: {} }),
    ).rejects.toThrow(/^cannot reach cloudbilling/);
  });
});

describe('the committed llm.json', () => {
  const records = (JSON.parse(readFileSync(join(DATA, 'llm.json'), 'utf8')) as { records: PriceRecord[] }).records;

  it('satisfies the record schema', () => {
    for (const record of records) expect(priceRecordSchema.safeParse(record).success, record.source.key).toBe(true);
  });

  it('answers the LLM pricer’s queries: the standard price without `batch`, the batch price with it', () => {
    const priceBook = createPriceBook(records);
    const find = (cloud: string, sku: string, attributes: Record<string, string | boolean>) => priceBook.find({ cloud, service: sku.startsWith('text-embedding') ? 'embedding' : 'llm', sku, region: 'global', attributes })?.usd;
    expect(find('anthropic', 'claude-sonnet-4-5', { tokens: 'input' })).toBe('3');
    expect(find('anthropic', 'claude-sonnet-4-5', { tokens: 'output' })).toBe('15');
    expect(find('openai', 'gpt-4o', { tokens: 'input' })).toBe('2.5');
    expect(find('openai', 'gpt-4o', { tokens: 'input', batch: true })).toBe('1.25');
    expect(find('openai', 'gpt-4o', { tokens: 'input', batch: false })).toBe('2.5');
    expect(find('google', 'gemini-2.5-flash', { tokens: 'output' })).toBe('2.5');
    expect(find('openai', 'text-embedding-3-small', { tokens: 'input' })).toBe('0.02');
  });
});
