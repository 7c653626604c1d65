// The CLI as installed users run it: bin/embargo.js on the bundle that `npm run build` makes
// (dist/bundle/main.cjs, run with V8's code cache, and the batch worker bundled over
// dist/engine/batch/worker.js), against the same
// command run from the sources. Every other CLI test runs the sources (EMBARGO_FROM_SOURCE=1), so
// this is the one that sees a bundle which lost a data file, a worker or a module's behaviour.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { embargoEnv, tempDir, type CliResult } from '../helpers/cli.ts';

const root = resolve(import.meta.dirname, '../..');
const fixture = join(root, 'test/fixtures/un_sc/sample.xml');

let home = '';

/** `embargo <args>` on the bundle. */
const built = (...args: string[]): CliResult =>
  embargoEnv(home, { EMBARGO_FROM_SOURCE: '0' }, ...args);
/** `embargo <args>` from the sources. */
const source = (...args: string[]): CliResult =>
  embargoEnv(home, { EMBARGO_FROM_SOURCE: '1' }, ...args);

function ok(r: CliResult, what: string): string {
  assert.equal(r.status, 0, `${what} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

before(() => {
  assert.ok(
    existsSync(join(root, 'dist/bundle/main.cjs')),
    'dist/bundle/main.cjs is missing: run `npm run build` (npm ci does) before this test',
  );
  home = tempDir('embargo-built-');
  const list = join(home, 'un');
  mkdirSync(list);
  copyFileSync(fixture, join(list, 'consolidated.xml'));
  ok(source('lists', 'load', 'un_sc', list), 'lists load');
});

test('the bundled CLI refuses to screen with no list loaded, as the sources do', () => {
  const empty = tempDir('embargo-built-empty-');
  const r = embargoEnv(empty, { EMBARGO_FROM_SOURCE: '0' }, 'screen', 'Pak Song Chol', '--json');
  assert.equal(r.status, 3);
  assert.equal(r.stdout, '');
  assert.equal((JSON.parse(r.stderr) as { error: { code: string } }).error.code, 'E_NOT_READY');
});

test('the bundled CLI screens a name as the sources do', () => {
  const args = ['screen', 'Pak Song Chol', '--json'];
  const a = JSON.parse(ok(built(...args), 'bundle')) as Record<string, unknown>;
  const b = JSON.parse(ok(source(...args), 'sources')) as Record<string, unknown>;
  assert.ok((a.results as unknown[]).length > 0, 'no result for a listed name');
  assert.deepEqual(a, b);
});

test('the bundled CLI finds the files beside its modules (regimes, scenarios, version)', () => {
  for (const args of [
    ['regime', 'show', 'dprk', '--as-of', '2020-01-01', '--json'],
    ['scenario', 'list', '--json'],
  ]) {
    const a = ok(built(...args), `bundle ${args.join(' ')}`);
    assert.deepEqual(JSON.parse(a), JSON.parse(ok(source(...args), 'sources')));
  }
  const version = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  assert.equal(ok(built('--version'), 'bundle --version').trim(), version);
});

test('a batch on the bundled CLI runs on the bundled worker processes', () => {
  // Enough rows that the batch forks workers rather than screening in-process.
  const rows = 2500;
  const input = join(home, 'in.csv');
  const output = join(home, 'out.jsonl');
  const names = ['Pak Song Chol', 'Jane Example', 'Nobody In Particular'];
  writeFileSync(
    input,
    `name\n${Array.from({ length: rows }, (_, i) => names[i % names.length]).join('\n')}\n`,
  );
  const r = built('screen', '--input', input, '--output', output, '--workers', '2');
  ok(r, 'batch');
  assert.match(r.stderr, /2 workers/);
  const lines = readFileSync(output, 'utf8').trim().split('\n');
  assert.equal(lines.length, rows);
  const first = JSON.parse(lines[0]!) as { row: number; results: { id: string }[] };
  assert.equal(first.row, 1);
  assert.ok(first.results.length > 0, 'the listed name found nothing on a worker');
});

test('a damaged code cache is refused and written again, and the CLI answers meanwhile', () => {
  const cache = join(root, 'dist/bundle/main.cjs.cache');
  // Bytes that are no cache: V8 checks them and compiles from source instead.
  writeFileSync(cache, Buffer.alloc(64 * 1024, 0xa5));
  const args = ['screen', 'Pak Song Chol', '--json'];
  const a = JSON.parse(ok(built(...args), 'bundle, damaged cache')) as Record<string, unknown>;
  assert.deepEqual(a, JSON.parse(ok(source(...args), 'sources')));
  assert.notEqual(statSync(cache).size, 64 * 1024, 'the damaged cache was not replaced');
  assert.ok(
    !readFileSync(cache)
      .subarray(0, 64)
      .every((b) => b === 0xa5),
  );
});
