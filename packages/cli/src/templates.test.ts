import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { health, parseDocument, parseDocumentOrThrow, price, serializeDocument, TEMPLATES, PATTERNS, PATTERN_CATEGORIES, recommendPatterns } from '@backarch/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from './book';
import { main } from './main';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8'), color: false });
  return { code, stdout, stderr };
}

const examples = new URL('../../../examples/', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backarch-templates-'));
});

describe('backarch templates', () => {
  it('[TPLC1] lists every template with its cloud, the engines\' score and monthly cost', async () => {
    const result = await cli('templates');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const book = await loadBook();
    for (const t of TEMPLATES) {
      const doc = parseDocumentOrThrow(t.document);
      const bill = price(doc, book);
      const cost = `$${Math.round(Number(bill.totalMonthlyUsd)).toLocaleString('en-US')}${bill.incomplete ? '+' : ''}`;
      const row = result.stdout.split('\n').find((line) => line.startsWith(`${t.id} `));
      expect(row, t.id).toBeDefined();
      expect(row).toContain(t.name);
      expect(row).toContain(`${doc.constraints.cloud} (${doc.constraints.region})`);
      expect(row).toContain(`${health(doc, { book }).score}/100`);
      expect(row!.endsWith(cost)).toBe(true);
    }
  });

  it('[TPLC2] --json gives the same figures as data', async () => {
    const result = await cli('templates', '--json');
    const data = JSON.parse(result.stdout) as Array<{ id: string; cloud: string; score: number; monthlyUsd: string; incomplete: boolean; whenToUse: string }>;
    expect(data.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const book = await loadBook();
    for (const t of data) {
      const doc = parseDocumentOrThrow(TEMPLATES.find((x) => x.id === t.id)!.document);
      expect(t.monthlyUsd).toBe(price(doc, book).totalMonthlyUsd);
      expect(t.score).toBeGreaterThanOrEqual(80);
      expect(t.whenToUse.length).toBeGreaterThan(100);
    }
  });

  it('[TPLC3] takes no arguments', async () => {
    expect(await cli('templates', 'cqrs')).toMatchObject({ code: 2, stderr: expect.stringContaining('templates takes no arguments') });
  });
});

describe('backarch new', () => {
  it('[NEW1] prints the template as a canonical document without --out', async () => {
    const result = await cli('new', '--template', 'serverless');
    expect(result.code).toBe(0);
    const parsed = parseDocument(result.stdout);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeDocument(parsed.document)).toBe(result.stdout);
    expect(result.stdout).toBe(serializeDocument(parseDocumentOrThrow(TEMPLATES.find((t) => t.id === 'serverless')!.document)));
  });

  it('[NEW2] writes --out FILE, then refuses to overwrite it without --force', async () => {
    const out = join(dir, 'shop.backarch.json');
    const first = await cli('new', '--template', 'microservices', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`✓ ${out}: "Microservices on Cloud Run" from the microservices template`);
    const written = await readFile(out, 'utf8');
    expect(written).toBe((await cli('new', '--template', 'microservices')).stdout);
    expect(await cli('validate', out)).toMatchObject({ code: 0 });

    await writeFile(out, 'my edits');
    const again = await cli('new', '--template', 'cqrs', '--out', out);
    expect(again).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('already exists; use --force') });
    expect(await readFile(out, 'utf8')).toBe('my edits');

    const forced = await cli('new', '--template', 'cqrs', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(parseDocumentOrThrow(JSON.parse(await readFile(out, 'utf8'))).name).toBe('CQRS on Azure');
  });

  it('[NEW3] names the templates, with a suggestion, when the id is unknown or missing', async () => {
    const ids = TEMPLATES.map((t) => t.id).join(', ');
    expect(await cli('new', '--template', 'microservice')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`unknown template "microservice" (did you mean "microservices"?); templates: ${ids}`),
    });
    expect(await cli('new', '--template', 'kubernetes')).toMatchObject({ code: 2, stderr: expect.stringContaining(`unknown template "kubernetes"; templates: ${ids}`) });
    expect(await cli('new')).toMatchObject({ code: 2, stderr: expect.stringContaining(`missing --template ID; templates: ${ids}`) });
    expect(await cli('new', 'cqrs')).toMatchObject({ code: 2, stderr: expect.stringContaining('use --template ID') });
    expect(await cli('new', '--template', 'cqrs', '--force')).toMatchObject({ code: 2, stderr: expect.stringContaining('--force only applies with --out FILE') });
  });

  it('[NEW4] reports a file it cannot write', async () => {
    const result = await cli('new', '--template', 'cqrs', '--out', join(dir, 'no-such-dir', 'x.json'));
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot write') });
  });
});

describe('backarch patterns', () => {
  it('[PAT1] lists every pattern by category with its name, difficulty and the rules it addresses', async () => {
    const result = await cli('patterns');
    expect(result.code).toBe(0);
    for (const p of PATTERNS) {
      const row = result.stdout.split('\n').find((line) => line.trimStart().startsWith(`${p.id} `));
      expect(row, p.id).toBeDefined();
      expect(row).toContain(p.name);
      expect(row).toContain(p.difficulty);
      if (p.addresses.length) expect(row).toContain(`addresses ${p.addresses.join(', ')}`);
    }
    const headings = result.stdout.split('\n').filter((line) => /^[A-Z]+$/.test(line));
    const present = PATTERN_CATEGORIES.filter((c) => PATTERNS.some((p) => p.category === c)).map((c) => c.toUpperCase());
    expect(headings).toEqual(present);
    expect(result.stdout).toContain(`${PATTERNS.length} pattern`);
  });

  it('[PAT2] --category filters, --json gives the fields', async () => {
    const json = JSON.parse((await cli('patterns', '--category', 'resilience', '--json')).stdout);
    expect(json.map((p: { id: string }) => p.id)).toEqual(PATTERNS.filter((p) => p.category === 'resilience').map((p) => p.id));
    expect(json.find((p: { id: string }) => p.id === 'circuit-breaker')).toMatchObject({
      name: expect.any(String),
      category: 'resilience',
      difficulty: expect.any(String),
      addresses: expect.arrayContaining(['circuit-breaker']),
      problem: expect.any(String),
    });
    const text = await cli('patterns', '--category', 'resilience');
    expect(text.stdout).toContain('RESILIENCE');
    expect(text.stdout).not.toContain('SECURITY');
  });

  it('[PAT3] explains a bad command line', async () => {
    expect(await cli('patterns', '--category', 'resiliance')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown category "resiliance" (did you mean "resilience"?); categories: resilience, '),
    });
    expect(await cli('patterns', 'recomend', 'x.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown subcommand "recomend" (did you mean "recommend"?)') });
    expect(await cli('patterns', 'recommend')).toMatchObject({ code: 2, stderr: expect.stringContaining('patterns recommend takes exactly one FILE') });
    expect(await cli('patterns', 'recommend', 'a.json', 'b.json')).toMatchObject({ code: 2 });
    expect(await cli('patterns', 'recommend', join(dir, 'missing.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read the file: no such file') });
  });
});

describe('backarch patterns recommend', () => {
  const file = () => join(examples, 'microservices-shop.backarch.json');

  it('[REC1] prints each recommendation: pattern, where, findings resolved, score and cost deltas', async () => {
    const doc = parseDocumentOrThrow(JSON.parse(await readFile(file(), 'utf8')));
    const book = await loadBook();
    const report = health(doc, { book });
    const expected = recommendPatterns(doc, report, { book });
    const result = await cli('patterns', 'recommend', file());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`health ${report.score}/100`);
    const blocks = result.stdout.split(/\n(?= ?\d+\. )/).slice(1);
    expect(blocks).toHaveLength(expected.length);
    expected.forEach((r, i) => {
      const block = blocks[i]!;
      expect(block).toContain(`${i + 1}. ${r.name} `);
      expect(block).toContain(r.pattern);
      expect(block).toContain(`${r.scoreDelta > 0 ? '+' : ''}${r.scoreDelta} points`);
      expect(block).toContain(r.estimatedCostDeltaUsd === null ? 'cost unknown (touches something without a price)' : '/month');
      expect(block).toContain('where: ');
      for (const f of r.findingsAddressed) expect(block).toContain(f.rule);
    });
  });

  it('[REC2] --json is the engine\'s result', async () => {
    const result = await cli('patterns', 'recommend', file(), '--json');
    const data = JSON.parse(result.stdout);
    const doc = parseDocumentOrThrow(JSON.parse(await readFile(file(), 'utf8')));
    const book = await loadBook();
    expect(data).toEqual(JSON.parse(JSON.stringify({ file: file(), score: health(doc, { book }).score, recommendations: recommendPatterns(doc, health(doc, { book }), { book }) })));
  });

  it('[REC3] says so when nothing needs a pattern', async () => {
    const clean = join(dir, 'clean.backarch.json');
    await writeFile(clean, JSON.stringify({ backarch: 1, name: 'Empty', components: [] }));
    const result = await cli('patterns', 'recommend', clean);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No findings, so no pattern to recommend.');
  });
});

describe('the README', () => {
  it('[TPLC4] states each template\'s real score and monthly cost', async () => {
    const text = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const data = JSON.parse((await cli('templates', '--json')).stdout) as Array<{ id: string; name: string; cloud: string; region: string; score: number; monthlyUsd: string; incomplete: boolean }>;
    const rows = text.split('\n').filter((line) => /^\| `[a-z0-9-]+` \| .* \| (aws|gcp|azure) \(/.test(line));
    expect(rows).toHaveLength(data.length);
    for (const t of data) {
      const cost = `$${Math.round(Number(t.monthlyUsd)).toLocaleString('en-US')}${t.incomplete ? '+' : ''}`;
      expect(rows, t.id).toContain(`| \`${t.id}\` | ${t.name} | ${t.cloud} (${t.region}) | ${t.score}/100 | ${cost} |`);
    }
  });
});

/** Golden outputs (`npx vitest run -u` to accept a reviewed change). */
describe('golden outputs', () => {
  it('[GOLD6] backarch templates', async () => {
    const result = await cli('templates');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('__golden__/templates.txt');
  });

  it('[GOLD7] backarch patterns recommend examples/microservices-shop.backarch.json', async () => {
    // The pattern library is still growing: regenerate with `npx vitest run -u` when patterns land, after reading the diff.
    const result = await cli('patterns', 'recommend', join(examples, 'microservices-shop.backarch.json'));
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('__golden__/microservices-shop.recommend.txt');
  });
});

describe('README pattern table', () => {
  it('lists every pattern with its category, difficulty and the rules it resolves', async () => {
    const text = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(text).toContain(`The library has ${PATTERNS.length} patterns:`);
    for (const p of PATTERNS) {
      const resolves = p.addresses.map((a) => `\`${a}\``).join(', ') || '—';
      expect(text, p.id).toContain(`| \`${p.id}\` | ${p.name} | ${p.category} | ${p.difficulty} | ${resolves} |`);
    }
  });
});
