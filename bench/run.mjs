// `npm run bench`: bundles each bench/*.bench.ts with esbuild and runs it with plain Node, printing its figures.
// Benchmarks measure; they never fail a build on timing (targets are printed beside the figures).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort()) {
  const outfile = `${here}../node_modules/.cache/bench/${file.replace(/\.ts$/, '.mjs')}`;
  await build({ entryPoints: [`${here}${file}`], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  console.log(`\n## ${file}`);
  execFileSync(process.execPath, [outfile], { stdio: 'inherit', cwd: `${here}..` });
}
