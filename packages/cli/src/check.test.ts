import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { health, parseDocumentOrThrow } from '@backarch/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from './book';
import { bar, FINDINGS_PER_RULE } from './commands/check';
import { main } from './main';

const bin = new URL('../bin/backarch.js', import.meta.url).pathname;
const run = promisify(execFile);

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8'), color: false });
  return { code, stdout, stderr };
}

async function spawn(...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...argv]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** One API instance in front of the database (a SPOF, −10), and a queue without a DLQ whose risk is accepted. */
const design = {
  backarch: 1,
  name: 'Orders',
  constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 50 } },
  components: [
    { id: 'web', type: 'client.web' },
    { id: 'lb', type: 'aws.alb' },
    { id: 'api', type: 'service', label: 'Orders API', config: { replicas: 1, vcpus: 1 } },
    { id: 'db', type: 'postgresql', config: { multiAz: true, vcpus: 2 } },
    { id: 'jobs', type: 'aws.sqs', label: 'Jobs', config: { health: { accept: [{ rule: 'dead-letter-queue', reason: 'jobs are re-created nightly' }] } } },
    { id: 'worker', type: 'aws.lambda' },
  ],
  connections: [
    { from: 'web', to: 'lb', type: 'http' },
    { from: 'lb', to: 'api', type: 'http' },
    { from: 'api', to: 'db', type: 'write' },
    { from: 'api', to: 'jobs', type: 'publish' },
    { from: 'jobs', to: 'worker', type: 'consume' },
  ],
};

let dir: string;
const file = (name: string) => join(dir, name);
/** What the engine says about the design: the output must show exactly this (other rules may add findings). */
const expected = async () => health(parseDocumentOrThrow(design), { book: await loadBook() });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backarch-check-'));
  await writeFile(file('orders.backarch.json'), JSON.stringify(design));
  const broken = structuredClone(design) as { components: Array<{ type: string }> };
  broken.components[1]!.type = 'aws.albb';
  await writeFile(file('invalid.backarch.json'), JSON.stringify(broken));
});

describe('backarch check', () => {
  it('[CHK1] prints the score bar, each category, the findings with labels, severity, penalty, remediation and fix, then accepted risks', async () => {
    const result = await cli('check', file('orders.backarch.json'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    const { score, categories } = await expected();
    expect(out).toContain(`Health ${score}/100  ${bar(score, 100)}`);
    for (const [name, c] of Object.entries(categories)) {
      const count = c.findings.length ? `  ${c.findings.length} finding${c.findings.length === 1 ? '' : 's'}` : '';
      expect(out).toContain(`${`${c.score}/${c.max}`.padStart(5)}  ${bar(c.score, c.max)}${count}\n`);
      expect(out).toContain(`  ${name} `);
    }
    expect(out).toContain(`Resilience −${categories.resilience.lost}`);
    expect(out).toContain('✗ critical −10 Orders API spof');
    expect(out).toContain('Orders API is a single point of failure');
    expect(out).toContain('→ Run at least two instances in different zones');
    expect(out).toContain('fix available: Make Orders API redundant (replicas: 2)');
    expect(out).toContain('Accepted risks');
    expect(out).toContain('accepted on Jobs: jobs are re-created nightly');
  });

  it('[CHK2] --json prints exactly the health result plus the file', async () => {
    const result = await cli('check', file('orders.backarch.json'), '--json');
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify({ file: file('orders.backarch.json'), ...(await expected()) })));
  });

  it('[CHK3] --min-score gates: exit 1 below it, 0 at or above it; a bad value is a usage error', async () => {
    const { score } = await expected();
    expect((await cli('check', file('orders.backarch.json'), '--min-score', String(score + 1))).code).toBe(1);
    expect((await cli('check', file('orders.backarch.json'), '--min-score', String(score))).code).toBe(0);
    expect(await cli('check', file('orders.backarch.json'), '--min-score', 'high')).toMatchObject({ code: 2, stderr: expect.stringContaining('--min-score must be a number from 0 to 100') });
    expect((await cli('check', file('orders.backarch.json'), '--min-score', '101')).code).toBe(2);
  });

  it('[CHK4] an invalid file prints the validation errors and exits 2; so does a missing one', async () => {
    const invalid = await cli('check', file('invalid.backarch.json'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('components[1].type: unknown component type "aws.albb"');
    expect(invalid.stdout).toBe('');
    expect(await cli('check', file('missing.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read the file: no such file') });
    expect(await cli('check')).toMatchObject({ code: 2, stderr: expect.stringContaining('check takes exactly one FILE') });
  });

  it('[CHK5] --help lists every rule with its description', async () => {
    const help = await cli('check', '--help');
    for (const id of ['spof', 'capacity', 'budget', 'team-capacity', 'cloud-mismatch']) expect(help.stdout).toContain(`  ${id} (`);
  });

  it('[CHK8] lists the first findings of each rule and counts the rest; --all lists every one', async () => {
    // a gateway service calling 13 services, none with a circuit breaker: 13 circuit-breaker findings
    const callees = Array.from({ length: 13 }, (_, k) => ({ id: `svc-${k}`, type: 'service' }));
    const fanOut = {
      backarch: 1,
      name: 'Fan-out',
      constraints: { cloud: 'aws', region: 'us-east-1' },
      components: [{ id: 'web', type: 'client.web' }, { id: 'edge', type: 'service', config: { auth: 'jwt' } }, ...callees],
      connections: [{ from: 'web', to: 'edge', type: 'http' }, ...callees.map((c) => ({ from: 'edge', to: c.id, type: 'http' }))],
    };
    await writeFile(file('fan-out.backarch.json'), JSON.stringify(fanOut));
    const result = health(parseDocumentOrThrow(fanOut), { book: await loadBook() });
    const breakers = result.findings.filter((f) => f.rule === 'circuit-breaker');
    expect(breakers).toHaveLength(13);

    const short = await cli('check', file('fan-out.backarch.json'));
    expect(short.stdout.match(/ circuit-breaker\n/g)).toHaveLength(FINDINGS_PER_RULE);
    expect(short.stdout).toContain(`… 3 more circuit-breaker findings (--all lists every one)`);
    for (const f of breakers.slice(0, FINDINGS_PER_RULE)) expect(short.stdout).toContain(f.fix!.summary);
    expect(short.stdout).not.toContain(breakers[FINDINGS_PER_RULE]!.fix!.summary);
    expect(short.stdout).toContain(`${result.findings.length} findings`);

    const all = await cli('check', file('fan-out.backarch.json'), '--all');
    expect(all.stdout.match(/ circuit-breaker\n/g)).toHaveLength(13);
    expect(all.stdout).not.toContain('more circuit-breaker');
  });

  it('[CHK6] the score bar rounds to tenths', () => {
    expect(bar(72, 100)).toBe('███████░░░');
    expect(bar(0, 15)).toBe('░░░░░░░░░░');
    expect(bar(15, 15)).toBe('██████████');
  });

  it('[CHK7] the real binary exits 0, 1 under --min-score, and 2 for an invalid file', async () => {
    expect(await spawn('check', file('orders.backarch.json'))).toMatchObject({ code: 0 });
    expect(await spawn('check', file('orders.backarch.json'), '--min-score', '100')).toMatchObject({ code: 1 });
    expect(await spawn('check', file('invalid.backarch.json'))).toMatchObject({ code: 2 });
  });
});
