/**
 * A server's background index on a thread of its own (indexThread.ts), and the claim that keeps
 * processes from building the same index at once: the thread's body decodes to the index the
 * engine builds, a failure on the thread is an error naming what failed; storing an index ahead
 * of use waits on a live claim (the index is then used, not built again) and takes a dead one
 * over.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Snapshot } from '../store/index.ts';
import { listPath, needsData } from '../../test/helpers/data.ts';
import { createEngine, type Engine } from './engine.ts';
import {
  ensureStoredIndex,
  indexFromBytes,
  loadOrBuildIndex,
  type IndexCacheConfig,
} from './indexCache.ts';
import { storedIndexInWorker } from './indexThread.ts';

describe('the background index thread and build claims', needsData('un_sc', '2026-02-27'), () => {
  const home = mkdtempSync(join(tmpdir(), 'embargo-index-thread-'));
  let engine: Engine;
  let active: Snapshot[];
  let cache: IndexCacheConfig;
  const idx = () => readdirSync(cache.dir).filter((f) => f.endsWith('.idx'));

  before(async () => {
    engine = createEngine({ home, indexDir: false });
    await engine.loadList({ source: 'un_sc', paths: [listPath('un_sc', '2026-02-27')] });
    active = [(await engine.store.activeSnapshot('un_sc'))!];
    cache = { dir: join(home, 'index'), database: engine.database };
  });
  after(async () => {
    await engine?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('the thread builds and stores the index; its body decodes to the built index', async () => {
    const bytes = await storedIndexInWorker({ database: engine.database, cache, active });
    assert.equal(bytes.from, 'built');
    assert.equal(bytes.stored, true);
    assert.equal(idx().length, 1);
    const again = await storedIndexInWorker({ database: engine.database, cache, active });
    assert.equal(again.from, 'loaded', 'a second thread loads what the first stored');
    const { index, facts } = await indexFromBytes(bytes.body);
    const built = await loadOrBuildIndex(engine.store, active, undefined);
    assert.equal(index.nameCount, built.index.nameCount);
    assert.deepEqual(
      index.entities.map((e) => [e.id, e.caption]),
      built.index.entities.map((e) => [e.id, e.caption]),
    );
    for (let n = 0; n < index.nameCount; n += 7)
      assert.deepEqual(index.name(n).tokenIds, built.index.name(n).tokenIds, `name ${n}`);
    for (const e of built.index.entities)
      assert.deepEqual(facts.get(e.id), built.facts.get(e.id), e.id);
  });

  test('a failure on the thread rejects with what failed', async () => {
    const missing = join(home, 'not-a-dir', 'x', 'embargo.db');
    writeFileSync(join(home, 'not-a-dir'), 'a file where a folder should be');
    await assert.rejects(
      storedIndexInWorker({ database: missing, cache, active }),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'E_STORE');
        assert.match(err.message, /not-a-dir/);
        return true;
      },
    );
  });

  test("another process's live claim is waited on, and its index used", async () => {
    const [file] = idx();
    assert.ok(file);
    const path = join(cache.dir, file);
    renameSync(path, `${path}.aside`);
    // Claimed by a live process (this one), whose file appears a little later.
    const marker = `${path}.building`;
    writeFileSync(marker, JSON.stringify({ pid: process.pid, host: hostname(), at: '' }));
    const waiting = ensureStoredIndex(engine.store, engine.database, home, cache.dir);
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!existsSync(path), 'nothing built while the claim holds');
    renameSync(`${path}.aside`, path);
    const written = statSync(path).mtimeMs;
    await waiting;
    assert.equal(statSync(path).mtimeMs, written, 'the file that appeared is kept, not rebuilt');
    assert.ok(existsSync(marker), "another process's claim is left to it");
    rmSync(marker);
  });

  test('a claim whose process is gone is taken over', async () => {
    const [file] = idx();
    const path = join(cache.dir, file!);
    rmSync(path);
    // The id of a process that has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const marker = `${path}.building`;
    writeFileSync(marker, JSON.stringify({ pid: gone, host: hostname(), at: '' }));
    await ensureStoredIndex(engine.store, engine.database, home, cache.dir);
    assert.ok(existsSync(path));
    assert.ok(!existsSync(marker), 'the claim is released');
  });
});
