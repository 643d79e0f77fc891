// Builds dist/backarch-server.js (see bundle.mjs).
import { rmSync } from 'node:fs';
import { bundleServer } from './bundle.mjs';

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
await bundleServer(new URL('./dist', import.meta.url).pathname);
