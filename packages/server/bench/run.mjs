// `npm run bench -w @backarch/server`: bundles bench/*.bench.ts (our packages included, npm packages external) and
// runs each with plain Node, printing figures beside their targets. Benchmarks measure; they never fail on timing.
import { build } from 'esbuild';
import { externalNpmPackages } from '../bundle.mjs';
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort()) {
  const outfile = `${here}../../../node_modules/.cache/bench/server-${file.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`${here}${file}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [externalNpmPackages],
  });
  console.log(`\n## ${file}`);
  execFileSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit', cwd: `${here}../../..` });
}
