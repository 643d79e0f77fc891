import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';

const bin = new URL('../bin/backarch.js', import.meta.url).pathname;
const run = promisify(execFile);

/** Runs `backarch …` in-process, capturing what it prints. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    readFile: (path) => readFile(path, 'utf8'),
    color: false,
  });
  return { code, stdout, stderr };
}

/** Runs the real `backarch` binary as a user would. */
async function spawn(...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...argv]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
const file = (name: string) => join(dir, name);
const valid = {
  backarch: 1,
  name: 'Shop',
  components: [
    { id: 'web', type: 'client.web' },
    { id: 'api', type: 'service', config: { replicas: 2 } },
  ],
  connections: [{ from: 'web', to: 'api', type: 'http' }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backarch-cli-'));
  await writeFile(file('valid.backarch.json'), JSON.stringify(valid));
  const broken = structuredClone(valid) as any;
  broken.components[1].config.replicas = -1;
  broken.components.push({ id: 'db', type: 'postgress' });
  await writeFile(file('invalid.backarch.json'), JSON.stringify(broken, null, 2));
  await writeFile(file('not-json.backarch.json'), '{\n  "backarch": 1,\n  "name": "Shop"\n  "components": []\n}\n');
});

describe('backarch validate', () => {
  it('[CLI1] exits 0 with a one-line summary for a valid file', async () => {
    const result = await cli('validate', file('valid.backarch.json'));
    expect(result).toEqual({ code: 0, stdout: `✓ ${file('valid.backarch.json')}: valid — "Shop", 2 components, 1 connection\n`, stderr: '' });
  });

  it('[CLI2] exits 1 and lists every error with its path', async () => {
    const result = await cli('validate', file('invalid.backarch.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 errors');
    expect(result.stderr).toContain('components[1].config.replicas: replicas must be an integer between 1 and 1000, got -1');
    expect(result.stderr).toContain('components[2].type: unknown component type "postgress" (did you mean "postgresql"?)');
  });

  it('[CLI3] exits 2 with the line and column when the file is not JSON', async () => {
    const result = await cli('validate', file('not-json.backarch.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file('not-json.backarch.json')}:4:3: not valid JSON: expected "," or "}", found a string (is a comma missing?)`);
  });

  it('[CLI4] exits 2 when the file cannot be read', async () => {
    const result = await cli('validate', file('missing.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read the file: no such file');
  });

  it('[CLI5] --json prints the result as data', async () => {
    const ok = await cli('validate', file('valid.backarch.json'), '--json');
    expect(JSON.parse(ok.stdout)).toEqual({ file: file('valid.backarch.json'), valid: true, summary: { name: 'Shop', components: 2, connections: 1 } });
    const bad = await cli('validate', file('invalid.backarch.json'), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors).toHaveLength(2);
    const syntax = await cli('validate', file('not-json.backarch.json'), '--json');
    expect(JSON.parse(syntax.stdout).syntaxError).toMatchObject({ line: 4, column: 3 });
  });

  it('[CLI6] validates several files and exits with the worst code', async () => {
    const result = await cli('validate', file('valid.backarch.json'), file('invalid.backarch.json'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('valid —');
  });

  it('[CLI7] explains a bad command line', async () => {
    expect(await cli('validate')).toMatchObject({ code: 2, stderr: expect.stringContaining('validate needs at least one FILE') });
    expect(await cli('validate', 'x', '--jsno')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--jsno'") });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });
});

describe('backarch catalog', () => {
  it('[CLI8] lists component types by category and the connection types', async () => {
    const result = await cli('catalog');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('MESSAGING');
    expect(result.stdout).toMatch(/aws\.sqs\s+Amazon SQS/);
    expect(result.stdout).toContain('CONNECTIONS');
    expect(result.stdout).toMatch(/dead-letter\s+async/);
  });

  it('[CLI9] shows one type in full with its config fields and defaults', async () => {
    const result = await cli('catalog', 'aws.sqs');
    expect(result.stdout).toContain('deadLetter: true or false (default false)');
    expect(result.stdout).toContain('accepts in: publish, dead-letter');
  });

  it('[CLI10] --json carries categories, roles, connections and config fields', async () => {
    const data = JSON.parse((await cli('catalog', '--json')).stdout);
    const sqs = data.components.find((c: { id: string }) => c.id === 'aws.sqs');
    expect(sqs).toMatchObject({ category: 'messaging', vendor: 'aws', equivalence: 'queue', roles: expect.arrayContaining(['queue']) });
    expect(sqs.config.find((f: { name: string }) => f.name === 'maxReceiveCount')).toMatchObject({ default: 5, expected: 'an integer between 1 and 1000' });
    expect(data.connections.map((c: { id: string }) => c.id)).toContain('replication');
  });

  it('[CLI11] --category filters, and unknown names are explained', async () => {
    const data = JSON.parse((await cli('catalog', '--category', 'cache', '--json')).stdout);
    expect(data.components.map((c: { id: string }) => c.id).sort()).toEqual(['aws.elasticache', 'memcached', 'redis']);
    expect(await cli('catalog', '--category', 'caches')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown category "caches"') });
    expect(await cli('catalog', 'aws.sqss')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown type "aws.sqss"') });
  });
});

describe('the backarch binary', () => {
  it('[CLI12] runs from the bundle with real exit codes', async () => {
    expect(await spawn('validate', file('valid.backarch.json'))).toMatchObject({ code: 0 });
    expect(await spawn('validate', file('invalid.backarch.json'))).toMatchObject({ code: 1 });
    expect(await spawn('validate', file('not-json.backarch.json'))).toMatchObject({ code: 2 });
    const help = await spawn('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    expect(help.stdout).toContain('catalog');
  });
});

describe('backarch price', () => {
  it('[CLI13] refuses --alternatives with --cloud or --compare instead of silently pricing something else', async () => {
    for (const flag of [['--cloud', 'gcp'], ['--compare']]) {
      const result = await cli('price', file('valid.backarch.json'), '--alternatives', ...flag);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--alternatives prices the design on its own cloud; it cannot be combined with ${flag[0]}`);
    }
    expect((await cli('price', file('valid.backarch.json'), '--alternatives')).code).toBe(0);
  });
});
