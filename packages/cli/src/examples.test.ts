import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const examplesDir = new URL('../../../examples/', import.meta.url).pathname;
const readme = new URL('../../../README.md', import.meta.url).pathname;
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.backarch.json')).sort();

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), readFile: async (p) => readFileSync(p, 'utf8'), color: false });
  return { code, stdout, stderr };
}

/** Golden outputs: a change in a price, a pricer or a rule shows up here as a readable diff (`vitest -u` to accept). */
describe.each(examples)('%s', (file) => {
  const path = join(examplesDir, file);
  const name = file.replace('.backarch.json', '');

  it('[GOLD1] has its golden bill', async () => {
    const result = await cli('price', path);
    expect(result.code).toBe(0);
    await expect(result.stdout.replace(examplesDir, 'examples/')).toMatchFileSnapshot(`__golden__/${name}.price.txt`);
  });

  it('[GOLD2] has its golden three-cloud comparison', async () => {
    const result = await cli('price', path, '--compare');
    await expect(result.stdout).toMatchFileSnapshot(`__golden__/${name}.compare.txt`);
  });

  it('[GOLD3] has its golden health report', async () => {
    const result = await cli('check', path);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`__golden__/${name}.check.txt`);
  });
});

describe('the README', () => {
  it('[GOLD4] states each example\'s real score and monthly cost', async () => {
    const text = readFileSync(readme, 'utf8');
    for (const file of examples) {
      const check = JSON.parse((await cli('check', join(examplesDir, file), '--json')).stdout);
      const bill = JSON.parse((await cli('price', join(examplesDir, file), '--json')).stdout);
      const cost = Math.round(Number(bill.totalMonthlyUsd)).toLocaleString('en-US');
      const row = text.split('\n').find((l) => l.startsWith(`| [\`${file}\`]`));
      expect(row, `README row for ${file}`).toBeDefined();
      expect(row).toContain(`| ${check.score}/100 |`);
      expect(row).toContain(`| $${cost}${bill.incomplete ? '+' : ''} |`);
    }
  });
});

describe('the README rule table', () => {
  it('[GOLD5] documents every health rule', async () => {
    const { HEALTH_RULES } = await import('@backarch/core');
    const text = readFileSync(readme, 'utf8');
    for (const rule of HEALTH_RULES) expect(text, rule.id).toContain(`| \`${rule.id}\` | ${rule.category} |`);
  });
});
