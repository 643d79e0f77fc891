// Where the price sources live: `<repo>/../shared/pricing-sources` (the repo is the folder whose package.json declares
// the npm workspaces). Works both from the TypeScript sources (vitest) and from the esbuild bundle in
// node_modules/.cache/pricebook/. PRICING_SOURCES_DIR overrides it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no npm workspace root above ${start}`);
    dir = parent;
  }
}

/** The repository root (/work/main in development). */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** The price book package folder. */
export const PRICEBOOK_DIR = join(REPO_ROOT, 'packages', 'pricebook');

/** shared/pricing-sources, next to the repository. */
export const SOURCES_DIR = process.env.PRICING_SOURCES_DIR ? resolve(process.env.PRICING_SOURCES_DIR) : resolve(REPO_ROOT, '..', 'shared', 'pricing-sources');

/** The text of a source file, by its path relative to shared/pricing-sources. */
export function readSource(file: string): string {
  return readFileSync(join(SOURCES_DIR, file), 'utf8');
}

export function readSourceJson<T>(file: string): T {
  return JSON.parse(readSource(file)) as T;
}
