/**
 * End-to-end: two `lists update --from` at once on one home. The second waits for the first
 * (saying so), then finds the files loaded: no "database is locked", no duplicate snapshot, one
 * activation per snapshot in `lists changes`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import type { ListChange, SourceStatus } from '../../src/engine/index.ts';
import { embargoJson, tempDir, type CliResult } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

const bin = resolve(fileURLToPath(import.meta.url), '../../../bin/embargo.js');

/** Runs `embargo <args>` without waiting for it, like a second terminal would. */
function start(home: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('two updates at once on one home', needsData('un_sc', '2026-02-27'), () => {
  test('both succeed, one waits, and each snapshot is stored and activated once', async () => {
    const home = tempDir();
    // A mirror of three small lists, each folder linked to the real one.
    const mirror = tempDir('embargo-mirror-');
    for (const [source, folder] of [
      ['un_sc', '2026-02-27'],
      ['us_bis_dpl', '2022-09-07'],
      ['ofac_consolidated', '2025-12-19'],
    ] as const) {
      mkdirSync(join(mirror, source));
      symlinkSync(listPath(source, folder), join(mirror, source, folder));
    }
    const runs = await Promise.all([
      start(home, 'lists', 'update', '--from', mirror),
      start(home, 'lists', 'update', '--from', mirror),
    ]);
    for (const r of runs) {
      assert.equal(r.status, 0, `exit code; stderr: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /database is locked/);
    }
    const status = embargoJson<SourceStatus[]>(home, 'lists', 'status');
    for (const source of ['un_sc', 'us_bis_dpl', 'ofac_consolidated'])
      assert.equal(
        status.find((s) => s.source === source)?.snapshots.length,
        1,
        `${source}: one snapshot`,
      );
    const changes = embargoJson<ListChange[]>(home, 'lists', 'changes', '--since', '2000-01-01');
    assert.deepEqual(changes.map((c) => c.snapshot).sort(), [
      'ofac_consolidated@2025-12-19',
      'un_sc@2026-02-27',
      'us_bis_dpl@2022-09-07',
    ]);
    // Whichever came second loaded nothing; if they overlapped, it said whom it waited for.
    const loaded = runs.map((r) => (r.stdout.match(/loaded/g) ?? []).length);
    assert.ok(loaded.includes(0) || runs.some((r) => /waiting: process \d+/.test(r.stderr)));
  });
});
