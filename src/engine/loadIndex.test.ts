/**
 * A load that stores the screening index of the lists it activates does so inside its own
 * transaction, before they are active (issue 17): another connection does not see the new list
 * active yet while the index is built, and afterwards finds the index stored. A load that
 * activates nothing builds nothing. On the hand-written UN fixture.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { openStore, type Snapshot } from '../store/index.ts';
import { createEngine } from './engine.ts';
import { indexDirFor, loadOrBuildIndex } from './indexCache.ts';
import { loadList } from './load.ts';

const SAMPLE = resolve(fileURLToPath(import.meta.url), '../../../test/fixtures/un_sc/sample.xml');
const tmp = mkdtempSync(join(tmpdir(), 'embargo-load-index-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture under another generation date (a newer or older list of the same source). */
function sampleOf(date: string): string {
  const xml = readFileSync(SAMPLE, 'utf8').replace(
    /dateGenerated="[^"]+"/,
    `dateGenerated="${date}T00:00:01.123Z"`,
  );
  const path = join(tmp, date);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'consolidated.xml'), xml);
  return path;
}

const indexFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.idx'));

test('the hook before activation sees the new snapshot active and its entities; other connections do not yet', async () => {
  const home = mkdtempSync(join(tmp, 'home-'));
  const engine = createEngine({ home });
  const other = openStore(engine.database);
  try {
    let inside: string | undefined;
    let outside: Snapshot | undefined;
    let entities = 0;
    const r = await loadList(
      engine.store,
      { source: 'un_sc', paths: [sampleOf('2025-06-30')] },
      {
        beforeActivation: async (tx) => {
          inside = (await tx.activeSnapshot('un_sc'))?.id;
          for await (const _ of tx.iterateEntities(inside!, { raw: false })) entities++;
          outside = await other.activeSnapshot('un_sc');
        },
      },
    );
    assert.equal(inside, r.snapshot.id);
    assert.equal(entities, r.snapshot.entityCount);
    assert.ok(entities > 0);
    assert.equal(outside, undefined, 'the list was active for another connection before commit');
    assert.equal((await other.activeSnapshot('un_sc'))?.id, r.snapshot.id);
  } finally {
    await other.close();
    await engine.close();
  }
});

test('a load with storeIndex leaves the index of what it activated stored; one that activates nothing builds nothing', async () => {
  const home = mkdtempSync(join(tmp, 'home-'));
  const engine = createEngine({ home });
  try {
    const dir = indexDirFor(engine.database, home)!;
    await engine.loadList({ source: 'un_sc', paths: [sampleOf('2025-06-30')], storeIndex: true });
    const active = [(await engine.store.activeSnapshot('un_sc'))!];
    assert.equal(indexFiles(dir).length, 1);
    const cache = { dir, database: engine.database };
    assert.equal((await loadOrBuildIndex(engine.store, active, cache)).from, 'loaded');

    // An older list is stored but not activated: no index is built for it.
    const older = await engine.loadList({
      source: 'un_sc',
      paths: [sampleOf('2025-01-01')],
      storeIndex: true,
    });
    assert.equal(older.active, false);
    assert.equal(indexFiles(dir).length, 1);

    // A newer one is: its index is the one now stored for the active lists.
    await engine.loadList({ source: 'un_sc', paths: [sampleOf('2025-12-31')], storeIndex: true });
    const now = [(await engine.store.activeSnapshot('un_sc'))!];
    assert.notEqual(now[0]!.id, active[0]!.id);
    assert.equal(indexFiles(dir).length, 2);
    assert.equal((await loadOrBuildIndex(engine.store, now, cache)).from, 'loaded');
  } finally {
    await engine.close();
  }
});

test('without storeIndex a load builds no index', async () => {
  const home = mkdtempSync(join(tmp, 'home-'));
  const engine = createEngine({ home });
  try {
    await engine.loadList({ source: 'un_sc', paths: [sampleOf('2025-06-30')] });
    const dir = indexDirFor(engine.database, home)!;
    assert.deepEqual(
      (() => {
        try {
          return indexFiles(dir);
        } catch {
          return [];
        }
      })(),
      [],
    );
  } finally {
    await engine.close();
  }
});
