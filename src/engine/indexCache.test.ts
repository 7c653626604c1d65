/**
 * The stored screening index on a real list: a loaded index answers exactly as a built one, and
 * a stored file that is truncated, altered, of another format or for other snapshots is
 * detected and rebuilt, never used.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ScreenOptions, ScreeningQuery } from '../core/index.ts';
import { Matcher } from '../match/index.ts';
import type { Snapshot } from '../store/index.ts';
import { listPath, needsData } from '../../test/helpers/data.ts';
import { createEngine, type Engine } from './engine.ts';
import { ensureStoredIndex, loadOrBuildIndex, type IndexCacheConfig } from './indexCache.ts';

describe('the stored screening index', needsData('un_sc', '2026-02-27'), () => {
  const home = mkdtempSync(join(tmpdir(), 'embargo-index-'));
  let engine: Engine;
  let active: Snapshot[];
  let cache: IndexCacheConfig;

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

  test('a loaded index answers as the built one: same results, scores and explanations', async () => {
    const built = await loadOrBuildIndex(engine.store, active, cache);
    assert.equal(built.from, 'built');
    assert.equal(built.stored, true);
    assert.ok(built.path && existsSync(built.path));
    const loaded = await loadOrBuildIndex(engine.store, active, cache);
    assert.equal(loaded.from, 'loaded');
    assert.equal(loaded.index.nameCount, built.index.nameCount);
    for (const e of built.index.entities)
      assert.deepEqual(loaded.facts.get(e.id), built.facts.get(e.id), e.id);

    const a = new Matcher(built.index);
    const b = new Matcher(loaded.index);
    // Every 25th list name as written, with a typo, reordered, and with a birth date: exact
    // hits, fuzzy ones and the near misses below the threshold.
    const queries: ScreeningQuery[] = [];
    for (let n = 0; n < built.index.nameCount; n += 25) {
      const text = built.index.name(n).text;
      const words = text.split(/\s+/);
      queries.push({ schema: 'Thing', properties: { name: [text] } });
      queries.push({
        schema: 'Person',
        properties: { name: [text.slice(0, 2) + text.slice(3)], birthDate: ['1970'] },
      });
      queries.push({ schema: 'Thing', properties: { name: [words.reverse().join(' ')] } });
    }
    queries.push({ schema: 'Person', properties: { name: ['Kim Jong Un'] } });
    queries.push({ schema: 'Vessel', properties: { name: ['YU JONG 2'] } });
    assert.ok(queries.length > 300);
    for (const options of [
      { limit: 10 },
      { limit: 5, detail: 'brief' },
      { limit: 5, algorithm: 'ofac' },
    ] as ScreenOptions[])
      for (const q of queries) {
        const x = a.screen(q, options);
        const y = b.screen(q, options);
        assert.deepEqual(y, x, JSON.stringify(q));
      }
  });

  test('a truncated, altered, other-format or other-key file is rebuilt, never used', async () => {
    const first = await loadOrBuildIndex(engine.store, active, cache);
    const path = first.path!;
    const good = readFileSync(path);
    const damage: [string, (b: Buffer) => Buffer, RegExp][] = [
      ['truncated by a byte', (b) => b.subarray(0, b.length - 1), /length/],
      ['one body byte flipped', (b) => flip(b, b.length - 1000), /checksum/],
      ['one header byte flipped', (b) => flip(b, 22), /checksum/],
      ['another format', (b) => withU32(b, 8, 999), /format 999/],
      ['not an index', (b) => flip(b, 0), /not an index/],
      ['empty', () => Buffer.alloc(0), /truncated/],
    ];
    for (const [what, spoil, reason] of damage) {
      writeFileSync(path, spoil(Buffer.from(good)));
      const r = await loadOrBuildIndex(engine.store, active, cache);
      assert.equal(r.from, 'built', what);
      assert.match(r.rejected ?? '', reason, what);
      // Rebuilt and stored again whole: the next process loads it.
      assert.equal((await loadOrBuildIndex(engine.store, active, cache)).from, 'loaded', what);
    }
    truncateSync(path, 100);
    assert.equal((await loadOrBuildIndex(engine.store, active, cache)).from, 'built');

    // The same bytes under another key (another database's, or other snapshots'): not used.
    const other = { ...cache, database: `${cache.database}.other` };
    const mine = await loadOrBuildIndex(engine.store, active, other);
    writeFileSync(mine.path!, readFileSync(path));
    const r = await loadOrBuildIndex(engine.store, active, other);
    assert.equal(r.from, 'built');
    assert.match(r.rejected ?? '', /other key/);
  });

  test("a batch's header check: a file of the wrong length, format or key is rebuilt; a bad body is left to the loader, which rebuilds it", async () => {
    const path = (await loadOrBuildIndex(engine.store, active, cache)).path!;
    const good = readFileSync(path);
    const ensure = () =>
      ensureStoredIndex(engine.store, engine.database, home, cache.dir, { check: 'header' });
    await ensure();
    assert.deepEqual(readFileSync(path), good, 'a whole file is kept');
    const damage: [string, (b: Buffer) => Buffer][] = [
      ['truncated by a byte', (b) => b.subarray(0, b.length - 1)],
      ['another format', (b) => withU32(b, 8, 999)],
      ['another key', (b) => flip(b, 40)],
      ['not an index', (b) => flip(b, 0)],
      ['empty', () => Buffer.alloc(0)],
    ];
    for (const [what, spoil] of damage) {
      writeFileSync(path, spoil(Buffer.from(good)));
      await ensure();
      assert.deepEqual(readFileSync(path), good, `${what}: rebuilt`);
    }
    // Its body is not read here, so a flipped body byte passes; every loader checks it.
    writeFileSync(path, flip(Buffer.from(good), good.length - 1000));
    await ensure();
    const r = await loadOrBuildIndex(engine.store, active, cache);
    assert.equal(r.from, 'built');
    assert.match(r.rejected ?? '', /checksum/);
  });

  test('a second engine on the same home loads what the first stored, and answers the same', async () => {
    const q: ScreeningQuery = { schema: 'Person', properties: { name: ['Kim Jong Un'] } };
    const one = createEngine({ home });
    const two = createEngine({ home });
    try {
      const first = await one.screen(q, { limit: 5 });
      assert.ok(existsSync(join(home, 'index')));
      const second = await two.screen(q, { limit: 5 });
      assert.deepEqual(second.results, first.results);
      assert.ok(first.results.length > 0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

function flip(b: Buffer, at: number): Buffer {
  b[at] = b[at]! ^ 0xff;
  return b;
}

function withU32(b: Buffer, at: number, value: number): Buffer {
  b.writeUInt32LE(value, at);
  return b;
}
