// Bundles the server's own code and our workspace packages (TypeScript sources) into dist/; npm dependencies stay
// external and load from node_modules (PGlite finds its WASM files next to its own module).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { 'backarch-server': 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@backarch/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
