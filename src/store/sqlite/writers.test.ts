/**
 * One writer at a time per store, and a load that writes only its own snapshot: what a second
 * process sees while a load runs, and what survives a load that fails.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { EmbargoError, entityHash, type ListedEntity } from '../../core/index.ts';
import type { EntityToStore, LockHolder, SnapshotDraft, SnapshotFile } from '../types.ts';
import { SqliteStore } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'embargo-writers-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbPath = () => join(dir, `s${++n}`, 'embargo.db');

function person(id: string): ListedEntity {
  return {
    id: `un_sc-${id}`,
    schema: 'Person',
    properties: { name: [`Person ${id}`] },
    source: 'un_sc',
    sourceRecordId: id,
    programs: [],
    topics: ['sanction'],
    remarks: [],
    related: [],
    raw: { id },
  };
}

/** A draft of `count` people whose parser calls `between` after each one and may fail at the end. */
function draft(
  sha: string,
  count: number,
  options: { between?: (i: number) => Promise<void> | void; fail?: boolean } = {},
): SnapshotDraft {
  const files: SnapshotFile[] = [
    { role: 'xml', name: 'list.xml', path: '/x', sha256: sha, size: 1, records: count },
  ];
  async function* gen(): AsyncGenerator<EntityToStore> {
    for (let i = 0; i < count; i++) {
      const entity = person(String(i));
      yield { entity, hash: entityHash(entity) };
      await options.between?.(i);
    }
    if (options.fail) throw new Error('truncated: the file ends inside <INDIVIDUAL>');
  }
  return {
    source: 'un_sc',
    files,
    entities: gen(),
    finish: () => ({ date: '2026-02-27', dateOrigin: 'file', files, warnings: [] }),
  };
}

test('what the process writes during a load that fails is kept', async () => {
  const store = new SqliteStore(dbPath());
  try {
    store.createApiKey({ id: 'key_old', name: 'old', role: 'read', hash: 'h0' });
    const load = store.writeSnapshot(
      draft('a', 50, {
        fail: true,
        // While the parser reads (awaits), the server handles requests on the same store.
        between: async (i) => {
          await sleep(0);
          if (i === 10)
            store.createApiKey({ id: 'key_new', name: 'new', role: 'admin', hash: 'h1' });
          if (i === 20) store.touchApiKey('key_old', '2026-12-07T09:00:00.000Z');
          if (i === 30)
            store.recordRefresh({
              source: 'uk_fcdo',
              startedAt: '2026-12-07T09:00:00.000Z',
              finishedAt: '2026-12-07T09:00:01.000Z',
              outcome: 'unchanged',
              files: [],
            });
        },
      }),
    );
    await assert.rejects(load, /truncated/);
    assert.deepEqual(store.listSnapshots(), []);
    const keys = store.listApiKeys();
    assert.deepEqual(
      keys.map((k) => k.id),
      ['key_old', 'key_new'],
    );
    assert.equal(keys[0]!.lastUsedAt, '2026-12-07T09:00:00.000Z');
    assert.equal(store.lastRefreshes('uk_fcdo').attempt?.outcome, 'unchanged');
    // And the store is usable for the next load.
    const s = await store.writeSnapshot(draft('b', 3));
    assert.equal(s.entityCount, 3);
  } finally {
    store.close();
  }
});

test('another store on the same file cannot write while a load holds the lock: it waits', async () => {
  const path = dbPath();
  const first = new SqliteStore(path);
  const second = new SqliteStore(path);
  try {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const a = first.exclusive(
      async () => {
        order.push('first starts');
        await held;
        order.push('first ends');
      },
      { what: 'loading un_sc' },
    );
    await sleep(20);
    const waits: LockHolder[] = [];
    const b = second.exclusive(
      async () => {
        order.push('second runs');
      },
      { what: 'loading ofac_sdn', onWait: (h) => waits.push(h) },
    );
    await sleep(500);
    assert.deepEqual(
      order,
      ['first starts'],
      'the second writer ran while the first held the lock',
    );
    assert.equal(waits.length, 1);
    assert.equal(waits[0]!.pid, process.pid);
    assert.match(
      waits[0]!.describe ?? '',
      new RegExp(
        `process ${process.pid} has held the write lock of .*embargo\\.db since \\d{4}-.*\\(loading un_sc\\)`,
      ),
    );
    release();
    await Promise.all([a, b]);
    assert.deepEqual(order, ['first starts', 'first ends', 'second runs']);
  } finally {
    first.close();
    second.close();
  }
});

test('a writer that waits longer than allowed gets E_BUSY naming the holder, and nothing runs', async () => {
  const path = dbPath();
  const first = new SqliteStore(path);
  const second = new SqliteStore(path, { lockWaitMs: 300 });
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const a = first.exclusive(() => held, { what: 'loading un_sc' });
    await sleep(20);
    let ran = false;
    await assert.rejects(
      second.exclusive(async () => void (ran = true), { what: 'loading un_sc' }),
      (err: unknown) => {
        assert.ok(err instanceof EmbargoError);
        assert.equal(err.code, 'E_BUSY');
        assert.match(err.message, /process \d+ has held the write lock .* gave up after waiting/);
        return true;
      },
    );
    assert.equal(ran, false);
    release();
    await a;
    // Released: the next writer gets it at once.
    await second.exclusive(async () => void (ran = true), { what: 'x' });
    assert.equal(ran, true);
  } finally {
    first.close();
    second.close();
  }
});

test('a load whose files another writer stored meanwhile makes no second snapshot', async () => {
  const path = dbPath();
  const first = new SqliteStore(path);
  const second = new SqliteStore(path);
  try {
    // Both parse the same files; the first commits while the second is still reading.
    let completed = false;
    const slow = second.writeSnapshot({
      ...draft('same', 20, { between: () => sleep(5) }),
      onComplete: () => void (completed = true),
    });
    const fast = await first.writeSnapshot(draft('same', 20));
    const again = await slow;
    assert.equal(again.id, fast.id);
    assert.equal(completed, false);
    assert.deepEqual(
      first.listSnapshots().map((s) => s.id),
      ['un_sc@2026-02-27'],
    );
  } finally {
    first.close();
    second.close();
  }
});
