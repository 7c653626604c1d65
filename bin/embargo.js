#!/usr/bin/env node
// Node's default heap settings: a trade book judged with small semi-spaces (which this shebang
// used to set) ran 20% slower (npm run bench:trade); the server's workers and the batch's
// screening workers set them for themselves, where they keep memory down.
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
