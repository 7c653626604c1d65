#!/usr/bin/env -S node --max-semi-space-size=4
// Small semi-spaces (shebang): screening makes much short-lived garbage, and the default young
// generation grows the resident set by ~30 MB for no measured gain.
// The compiled CLI (dist/, built on install by `npm run build`); the TypeScript sources through
// tsx when there is no build, or with EMBARGO_FROM_SOURCE=1 (development and tests).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (process.env.EMBARGO_FROM_SOURCE !== '1' && existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
