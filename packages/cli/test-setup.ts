import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['build.mjs'], { cwd: new URL('.', import.meta.url), stdio: 'inherit' });
}
