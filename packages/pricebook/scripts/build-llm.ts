// Regenerates data/llm.json from litellm's price file in shared/pricing-sources (see src/refresh/llm-book.ts for
// which models are kept). Run: `npm run build:llm -w @backarch/pricebook` (bundles this file with esbuild, then node).
// Options: PRICING_SOURCES=<dir> (default ../../../shared/pricing-sources from this package), --check (exit 1 if
// data/llm.json is not what this would write; writes nothing).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLlmBook, formatBookFile, LLM_SOURCE_FILE } from '../src/refresh/index';

const cwd = process.cwd();
const packageDir = existsSync(join(cwd, 'data', 'llm.json')) ? cwd : resolve(cwd, 'packages/pricebook');
const sources = process.env.PRICING_SOURCES ?? resolve(packageDir, '../../../shared/pricing-sources');
const input = join(sources, LLM_SOURCE_FILE);
const output = join(packageDir, 'data', 'llm.json');

const { book, result } = buildLlmBook(JSON.parse(readFileSync(input, 'utf8')));
const text = formatBookFile(book);
const models = new Map<string, number>();
for (const r of book.records) models.set(`${r.cloud} ${r.service} ${r.sku}`, (models.get(`${r.cloud} ${r.service} ${r.sku}`) ?? 0) + 1);

if (process.argv.includes('--check')) {
  const same = existsSync(output) && readFileSync(output, 'utf8') === text;
  console.log(same ? `${output} is up to date` : `${output} differs from what build-llm would write`);
  process.exit(same ? 0 : 1);
}
const temp = `${output}.tmp-${process.pid}`;
writeFileSync(temp, text);
renameSync(temp, output);
console.log(`wrote ${output}: ${book.records.length} records, ${models.size} models (${result.skipped.length} litellm entries skipped)`);
for (const [model, count] of models) console.log(`  ${model} (${count})`);
