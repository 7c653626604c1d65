// The package as users get it: `npm pack` of this repository, installed by name into a project of
// its own, and a TypeScript file importing `embargo` compiled there with the declarations the
// tarball ships (skipLibCheck off, so the shipped .d.ts files are checked too). Packs the dist/
// that `npm run build` (run by `npm ci`) left, without running `prepare` again: rebuilding dist/
// here would pull it from under the CLI tests running beside this one.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Test helpers and tests: none may reach the package. */
const HELPER = /(^|\/)(test|tests|fixtures)\/|(^|\/)_?testing\.|testContext\.|\.test\.|^src\//;

let dir = '';
let packed: { filename: string; files: { path: string }[] } | undefined;

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

function explain(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}\n${r.stdout}\n${r.stderr}`;
}

before(() => {
  assert.ok(
    existsSync(join(root, 'dist/index.d.ts')),
    'dist/index.d.ts is missing: run `npm run build` (npm ci does) before this test',
  );
  dir = mkdtempSync(join(tmpdir(), 'embargo-package-'));
  const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
  assert.equal(pack.status, 0, explain(pack));
  packed = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0];
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the tarball ships the compiled entry with its types and no test helpers', () => {
  const paths = packed!.files.map((f) => f.path);
  for (const needed of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/engine/batch/worker.js',
    // A server's background index thread (started by path, like the batch worker).
    'dist/engine/indexWorker.js',
    'bin/embargo.js',
  ])
    assert.ok(paths.includes(needed), `the tarball lacks ${needed}`);
  assert.ok(
    paths.some((p) => p.startsWith('dist/rules/regimes/') && p.endsWith('.json')),
    'the tarball lacks the regimes',
  );
  const helpers = paths.filter((p) => HELPER.test(p));
  assert.deepEqual(helpers, [], `test helpers or sources in the tarball: ${helpers.join(', ')}`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  assert.equal(pkg.dependencies.tsx, undefined, 'tsx is a development tool, not a dependency');
});

test('`import { createEngine } from "embargo"` type-checks from the installed tarball', () => {
  const project = join(dir, 'consumer');
  const example = join(root, 'test/package/example');
  const types = (
    JSON.parse(readFileSync(require.resolve('@types/node/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // Dependencies from npm's cache (filled by the repository's own install); scripts off: the
  // native SQLite binding is not needed to type-check.
  const install = run(
    npm,
    [
      'install',
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      join(dir, packed!.filename),
      `@types/node@${types}`,
    ],
    project,
  );
  assert.equal(install.status, 0, explain(install));
  for (const f of ['example.ts', 'tsconfig.json']) copyFileSync(join(example, f), join(project, f));
  const ok = run(process.execPath, [tsc, '-p', project], project);
  assert.equal(ok.status, 0, `the example does not compile against the package:\n${explain(ok)}`);

  // The same compiler refuses an internal by name and a path into dist/: only the entry is public.
  writeFileSync(
    join(project, 'example.ts'),
    "import { judgeOne } from 'embargo';\nimport { WorkerPool } from 'embargo/dist/engine/batch/pool.js';\nexport { judgeOne, WorkerPool };\n",
  );
  const refused = run(process.execPath, [tsc, '-p', project], project);
  assert.notEqual(refused.status, 0, 'an internal was importable from the package');
  assert.match(refused.stdout, /judgeOne/);
  assert.match(refused.stdout, /embargo\/dist\/engine\/batch\/pool\.js/);
});
