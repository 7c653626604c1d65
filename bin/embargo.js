#!/usr/bin/env node
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
