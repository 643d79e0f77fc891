#!/usr/bin/env node
// Launcher for the bundled server (built by `npm ci` through the root `prepare` script, or `npm run build`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/backarch-server.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error('The server is not built yet: run `npm run build` in the repository root.');
  process.exit(2);
}
await import(bundle.href);
