// Compiles the benchmarks with the sources they import to bench/.build (tsc, as the product is
// compiled to dist/: tsx's transform runs the matcher about a quarter slower, which would
// measure the loader, not Embargo) and copies the data files the code reads at run time.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
for (const dir of ['rules/regimes', 'rules/scenarios']) {
  cpSync(`src/${dir}`, `bench/.build/src/${dir}`, {
    recursive: true,
    filter: (p) => !p.endsWith('.ts'),
  });
}
