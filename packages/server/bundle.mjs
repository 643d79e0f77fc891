// Bundles the server's own code and our workspace packages (TypeScript sources) into one ESM file; npm dependencies
// stay external and load from node_modules (PGlite finds its WASM files next to its own module). Used by build.mjs
// and by the crash test, which runs the server as a real process.
import { build } from 'esbuild';

/** Leaves npm packages to node_modules and bundles our workspace packages (`@backarch/*`, TypeScript sources). */
export const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@backarch/') ? undefined : { path: args.path, external: true }));
  },
};

export async function bundleServer(outdir, entry = 'backarch-server') {
  await build({
    entryPoints: { [entry]: new URL('./src/bin.ts', import.meta.url).pathname },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalNpmPackages],
  });
}
