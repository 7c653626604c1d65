/**
 * @module
 * The Store port's contract: one suite every adapter runs (`sqlite/contract.test.ts`,
 * `postgres/contract.test.ts`), so that the engine can rely on the port and not on an adapter.
 * Snapshots, entities and their history, diffs' reads, activations, refreshes, API keys, cap
 * ledgers, and the write lock with a load's own transaction.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { EmbargoError, entityHash, type ListedEntity } from '../core/index.ts';
import type {
  EntityToStore,
  LockHolder,
  SnapshotDraft,
  SnapshotFile,
  Store,
  StoreReader,
} from './types.ts';

/** One database for the suite's tests, and stores opened on it. */
export interface ContractDatabase {
  /** A store (a new connection) on a new empty database; `lockWaitMs` as the adapter's option. */
  open(options?: { lockWaitMs?: number }): Promise<Store>;
  /** A second store on the same database as the last {@link open} (another process, say). */
  again(options?: { lockWaitMs?: number }): Promise<Store>;
  /** Drops what the suite made. */
  drop(): Promise<void>;
}

/** What an adapter gives the suite. */
export interface ContractAdapter {
  name: string;
  /** Why the suite cannot run here (the test is skipped with it), if it cannot. */
  unavailable?: () => Promise<string | undefined>;
  database(): Promise<ContractDatabase>;
}

function person(id: string, name: string, source = 'ofac_sdn'): ListedEntity {
  return {
    id: `${source}-${id}`,
    schema: 'Person',
    properties: { name: [name] },
    source: source as ListedEntity['source'],
    sourceRecordId: id,
    programs: ['DPRK3'],
    topics: ['sanction'],
    remarks: [],
    related: [],
    raw: { id, name },
  };
}

interface DraftOptions {
  sha?: string;
  fail?: boolean;
  between?: (i: number) => Promise<void> | void;
  source?: 'ofac_sdn' | 'un_sc';
  onComplete?: SnapshotDraft['onComplete'];
  /** What `finish` saw as active inside the transaction. */
  seen?: { active?: string };
}

function draft(date: string, entities: ListedEntity[], o: DraftOptions = {}): SnapshotDraft {
  const files: SnapshotFile[] = [
    {
      role: 'sdn',
      name: 'sdn.csv',
      path: '/x/sdn.csv',
      sha256: o.sha ?? date,
      size: 1,
      records: entities.length,
    },
  ];
  async function* gen(): AsyncGenerator<EntityToStore> {
    for (const [i, entity] of entities.entries()) {
      yield { entity, hash: entityHash(entity) };
      await o.between?.(i);
    }
    if (o.fail) throw new Error('truncated input');
  }
  return {
    source: o.source ?? 'ofac_sdn',
    files,
    entities: gen(),
    finish: async (tx: StoreReader) => {
      if (o.seen) o.seen.active = (await tx.activeSnapshot(o.source ?? 'ofac_sdn'))?.id;
      return { date, dateOrigin: 'folder', files, warnings: [{ message: 'w', line: 3 }] };
    },
    ...(o.onComplete && { onComplete: o.onComplete }),
  };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Runs the Store contract against an adapter. */
export function storeContract(adapter: ContractAdapter): void {
  describe(`Store contract: ${adapter.name}`, () => {
    let skip: string | undefined;
    let db: ContractDatabase | undefined;
    const open: Store[] = [];
    before(async () => {
      skip = await adapter.unavailable?.();
      if (!skip) db = await adapter.database();
    });
    after(async () => {
      for (const s of open) await s.close();
      await db?.drop();
    });
    /** A test on a fresh store (and database). */
    const it = (name: string, fn: (store: Store) => Promise<void>) =>
      test(name, async (t) => {
        if (skip) return t.skip(skip);
        const store = await db!.open();
        open.push(store);
        await fn(store);
      });
    const again = async (o?: { lockWaitMs?: number }): Promise<Store> => {
      const s = await db!.again(o);
      open.push(s);
      return s;
    };

    it('a snapshot is written whole and becomes active by date', async (store) => {
      const s1 = await store.writeSnapshot(
        draft('2024-05-02', [person('1', 'KIM Jong Un'), person('2', 'PAK Pong Ju')]),
      );
      assert.equal(s1.id, 'ofac_sdn@2024-05-02');
      assert.equal(s1.entityCount, 2);
      assert.equal(s1.warningCount, 1);
      assert.equal(s1.dateOrigin, 'folder');
      assert.equal(s1.files[0]?.sha256, '2024-05-02');
      assert.deepEqual(await store.snapshotWarnings(s1.id), [{ message: 'w', line: 3 }]);
      // An older list loaded later does not displace the newer one.
      await store.writeSnapshot(draft('2024-05-01', [person('1', 'KIM Jong Un')]));
      assert.equal((await store.activeSnapshot('ofac_sdn'))?.id, 'ofac_sdn@2024-05-02');
      assert.deepEqual(ids(await store.listSnapshots('ofac_sdn')), [
        'ofac_sdn@2024-05-01',
        'ofac_sdn@2024-05-02',
      ]);
      assert.deepEqual(await store.listSnapshots('un_sc'), []);
      assert.equal((await store.getSnapshot('ofac_sdn@2024-05-01'))?.entityCount, 1);
      assert.equal(await store.getSnapshot('ofac_sdn@1999-01-01'), undefined);
    });

    it('a failure while reading entities leaves no snapshot and the active one untouched', async (store) => {
      await store.writeSnapshot(draft('2024-05-02', [person('1', 'KIM Jong Un')]));
      await assert.rejects(
        store.writeSnapshot(
          draft('2024-05-03', [person('1', 'X'), person('2', 'Y')], { sha: 'o', fail: true }),
        ),
        /truncated/,
      );
      assert.equal((await store.activeSnapshot('ofac_sdn'))?.id, 'ofac_sdn@2024-05-02');
      assert.equal((await store.listSnapshots()).length, 1);
      assert.equal((await store.getEntity('ofac_sdn-1'))?.properties.name?.[0], 'KIM Jong Un');
      assert.equal(await store.getEntity('ofac_sdn-2'), undefined);
    });

    it('an id occurring twice in one load is refused', async (store) => {
      await assert.rejects(
        store.writeSnapshot(draft('2024-05-02', [person('1', 'A'), person('1', 'B')])),
        /occurs twice/,
      );
      assert.equal((await store.listSnapshots()).length, 0);
    });

    it('identical files are found again; the same date with other files gets a suffixed id', async (store) => {
      await store.writeSnapshot(draft('2024-05-02', [person('1', 'A')], { sha: 'sha-a' }));
      assert.equal(
        (await store.findSnapshotByFiles('ofac_sdn', ['sha-a']))?.id,
        'ofac_sdn@2024-05-02',
      );
      assert.equal(await store.findSnapshotByFiles('ofac_sdn', ['sha-b']), undefined);
      assert.equal(await store.findSnapshotByFiles('un_sc', ['sha-a']), undefined);
      const again = await store.writeSnapshot(
        draft('2024-05-02', [person('1', 'B')], { sha: 'sha-b' }),
      );
      assert.equal(again.id, 'ofac_sdn@2024-05-02.2');
    });

    it('entities carry first_seen, last_change and last_seen derived from the snapshots', async (store) => {
      await store.writeSnapshot(draft('2024-01-01', [person('1', 'A'), person('2', 'B')]));
      await store.writeSnapshot(draft('2024-02-01', [person('1', 'A'), person('2', 'B changed')]));
      await store.writeSnapshot(draft('2024-03-01', [person('1', 'A'), person('2', 'B changed')]));
      const one = (await store.getEntity('ofac_sdn-1'))!;
      assert.deepEqual(
        [one.firstSeen, one.lastChange, one.lastSeen, one.snapshot],
        ['2024-01-01', '2024-01-01', '2024-03-01', 'ofac_sdn@2024-03-01'],
      );
      const two = (await store.getEntity('ofac_sdn-2'))!;
      assert.deepEqual([two.firstSeen, two.lastChange], ['2024-01-01', '2024-02-01']);
      const asOfJan = (await store.getEntity('ofac_sdn-2', 'ofac_sdn@2024-01-01'))!;
      assert.equal(asOfJan.properties.name?.[0], 'B');
      assert.equal(asOfJan.lastSeen, '2024-01-01');
      const all = await collect(store.iterateEntities('ofac_sdn@2024-03-01'));
      assert.deepEqual(
        all.map((e) => [e.id, e.lastChange]),
        [
          ['ofac_sdn-1', '2024-01-01'],
          ['ofac_sdn-2', '2024-02-01'],
        ],
      );
      assert.equal(all[0]!.raw && (all[0]!.raw as { name: string }).name, 'A');
      const lean = await collect(
        store.iterateEntities('ofac_sdn@2024-03-01', { raw: false, related: false }),
      );
      assert.equal(lean[0]!.raw, undefined);
      assert.equal(lean[0]!.related, undefined);
      assert.equal(lean[1]!.properties.name?.[0], 'B changed');
      await assert.rejects(collect(store.iterateEntities('ofac_sdn@1999-01-01')), /no snapshot/);
    });

    it('diffs read hashes and listed entities of two snapshots', async (store) => {
      await store.writeSnapshot(draft('2024-01-01', [person('1', 'A'), person('2', 'B')]));
      await store.writeSnapshot(draft('2024-02-01', [person('2', 'B2'), person('3', 'C')]));
      const before = await store.entityHashes('ofac_sdn@2024-01-01');
      const after = await store.entityHashes('ofac_sdn@2024-02-01');
      assert.deepEqual([...before.keys()].sort(), ['ofac_sdn-1', 'ofac_sdn-2']);
      assert.notEqual(before.get('ofac_sdn-2'), after.get('ofac_sdn-2'));
      assert.equal(after.get('ofac_sdn-3'), entityHash(person('3', 'C')));
      const listed = await store.getListedEntities(
        ['ofac_sdn-2', 'ofac_sdn-3', 'ofac_sdn-9'],
        'ofac_sdn@2024-02-01',
      );
      assert.deepEqual([...listed.keys()].sort(), ['ofac_sdn-2', 'ofac_sdn-3']);
      assert.equal(listed.get('ofac_sdn-2')?.properties.name?.[0], 'B2');
      await assert.rejects(store.entityHashes('nope@2024-01-01'), /no snapshot/);
    });

    it('a load reads its own snapshot inside its transaction; what it records commits with it, and a throw rolls both back', async (store) => {
      const activation = (s: { id: string; date: string; entityCount: number }) => ({
        snapshot: s.id,
        previous: null,
        source: 'ofac_sdn' as const,
        date: s.date,
        activatedAt: new Date().toISOString(),
        entityCount: s.entityCount,
        added: [],
        removed: [],
        changed: [],
      });
      const seen: { active?: string } = {};
      await store.writeSnapshot(
        draft('2024-05-02', [person('1', 'A')], {
          sha: 'a',
          seen,
          onComplete: async (s, tx) => {
            assert.equal((await tx.activeSnapshot('ofac_sdn'))?.id, s.id);
            assert.equal((await tx.entityHashes(s.id)).size, 1);
            await tx.recordActivation(activation(s));
          },
        }),
      );
      assert.equal(seen.active, undefined);
      await assert.rejects(
        store.writeSnapshot(
          draft('2024-05-03', [person('1', 'B')], {
            sha: 'b',
            seen,
            onComplete: async (s, tx) => {
              await tx.recordActivation(activation(s));
              throw new Error('refused at the last moment');
            },
          }),
        ),
        /last moment/,
      );
      assert.equal(seen.active, 'ofac_sdn@2024-05-02');
      assert.equal((await store.activeSnapshot('ofac_sdn'))?.id, 'ofac_sdn@2024-05-02');
      assert.deepEqual(
        (await store.activations({ since: '2000-01-01' })).map((a) => a.snapshot),
        ['ofac_sdn@2024-05-02'],
      );
      // Nothing of the failed load is left behind: the same date loads as if it never was.
      const s = await store.writeSnapshot(draft('2024-05-03', [person('1', 'B')], { sha: 'b' }));
      assert.equal(s.id, 'ofac_sdn@2024-05-03');
    });

    it('activations: recorded with their changes, listed by list date from a day on', async (store) => {
      const base = { source: 'ofac_sdn' as const, activatedAt: '2024-05-03T12:00:00.000Z' };
      for (const [date, previous, changes] of [
        ['2024-05-02', null, false],
        ['2024-05-03', 'ofac_sdn@2024-05-02', true],
      ] as const)
        await store.writeSnapshot(
          draft(date, [person('1', 'A')], {
            onComplete: async (s, tx) =>
              tx.recordActivation({
                ...base,
                snapshot: s.id,
                previous,
                date,
                entityCount: 3,
                added: changes ? [{ id: 'ofac_sdn-9', schema: 'Person', caption: 'NEW' }] : [],
                removed: changes ? [{ id: 'ofac_sdn-1', schema: 'Airplane', caption: 'OLD' }] : [],
                changed: changes
                  ? [
                      {
                        id: 'ofac_sdn-2',
                        schema: 'Vessel',
                        caption: 'SHIP',
                        fields: ['name', 'flag'],
                      },
                    ]
                  : [],
              }),
          }),
        );
      const all = await store.activations({ since: '2024-05-01' });
      assert.deepEqual(
        all.map((a) => a.snapshot),
        ['ofac_sdn@2024-05-02', 'ofac_sdn@2024-05-03'],
      );
      assert.equal(all[0]!.previous, null);
      const [last] = await store.activations({ since: '2024-05-03', source: 'ofac_sdn' });
      assert.equal(last?.previous, 'ofac_sdn@2024-05-02');
      assert.equal(last?.entityCount, 3);
      assert.deepEqual(last?.added, [{ id: 'ofac_sdn-9', schema: 'Person', caption: 'NEW' }]);
      assert.deepEqual(
        last?.removed.map((e) => e.id),
        ['ofac_sdn-1'],
      );
      assert.deepEqual(last?.changed[0]?.fields, ['name', 'flag']);
      assert.deepEqual(await store.activations({ since: '2024-05-01', source: 'un_sc' }), []);
    });

    it('refreshes: the last attempt and the last success are told apart', async (store) => {
      assert.deepEqual(await store.lastRefreshes('un_sc'), {});
      const file = { role: 'list', url: 'http://h/un.xml', name: 'consolidated.xml' };
      await store.recordRefresh({
        source: 'un_sc',
        startedAt: '2024-05-01T10:00:00.000Z',
        finishedAt: '2024-05-01T10:00:05.000Z',
        outcome: 'activated',
        snapshot: 'un_sc@2024-05-01',
        files: [{ ...file, status: 200, etag: '"a"', sha256: 'ab', size: 3 }],
      });
      await store.recordRefresh({
        source: 'un_sc',
        startedAt: '2024-05-02T10:00:00.000Z',
        finishedAt: '2024-05-02T10:00:01.000Z',
        outcome: 'refused',
        message: 'consolidated.xml (http://h/un.xml): HTTP 500',
        url: 'http://h/un.xml',
        files: [{ ...file, status: 0 }],
      });
      const { attempt, success } = await store.lastRefreshes('un_sc');
      assert.equal(attempt?.outcome, 'refused');
      assert.equal(attempt?.url, 'http://h/un.xml');
      assert.equal(attempt?.message, 'consolidated.xml (http://h/un.xml): HTTP 500');
      assert.equal(success?.outcome, 'activated');
      assert.equal(success?.files[0]?.etag, '"a"');
      assert.equal(success?.snapshot, 'un_sc@2024-05-01');
      assert.equal(success?.message, undefined);
      assert.deepEqual(await store.lastRefreshes('ofac_sdn'), {});
    });

    it('API keys: stored by hash, found, listed oldest first, revoked once, touched', async (store) => {
      const a = await store.createApiKey({ id: 'key_a', name: 'ci', role: 'read', hash: 'h-a' });
      assert.deepEqual(Object.keys(a).sort(), ['createdAt', 'id', 'name', 'role']);
      await sleep(2);
      await store.createApiKey({ id: 'key_b', name: 'ops', role: 'admin', hash: 'h-b' });
      await assert.rejects(
        store.createApiKey({ id: 'key_c', name: 'dup', role: 'read', hash: 'h-a' }),
        (err: unknown) => err instanceof EmbargoError && err.code === 'E_STORE',
      );
      assert.deepEqual(ids(await store.listApiKeys()), ['key_a', 'key_b']);
      assert.equal((await store.findApiKeyByHash('h-b'))?.role, 'admin');
      assert.equal(await store.findApiKeyByHash('h-x'), undefined);
      await store.touchApiKey('key_a', '2026-12-07T09:00:00.000Z');
      const revoked = await store.revokeApiKey('key_a');
      assert.ok(revoked?.revokedAt);
      assert.equal(revoked?.lastUsedAt, '2026-12-07T09:00:00.000Z');
      // Revoking again keeps the first date.
      assert.equal((await store.revokeApiKey('key_a'))?.revokedAt, revoked?.revokedAt);
      assert.equal(await store.revokeApiKey('key_unknown'), undefined);
      assert.equal((await store.findApiKeyByHash('h-a'))?.revokedAt, revoked?.revokedAt);
    });

    it('cap ledgers: kept by name, replaced whole', async (store) => {
      assert.equal(await store.readLedger('book-2024'), undefined);
      const uses = { 'tx-1': [{ measure: 'un-2397-4', period: '2024', quantity: 5, value: 0 }] };
      await store.writeLedger('book-2024', uses);
      assert.deepEqual(await store.readLedger('book-2024'), uses);
      await store.writeLedger('book-2024', { 'tx-2': [] });
      assert.deepEqual(await store.readLedger('book-2024'), { 'tx-2': [] });
      assert.equal(await store.readLedger('other'), undefined);
    });

    it('the version changes when a snapshot is written, by this store or another on the database', async (store) => {
      const v0 = await store.version();
      await store.writeSnapshot(draft('2024-05-02', [person('1', 'A')]));
      const v1 = await store.version();
      assert.notEqual(v1, v0);
      const other = await again();
      await other.writeSnapshot(draft('2024-05-03', [person('1', 'B')]));
      assert.notEqual(await store.version(), v1);
      assert.equal((await store.activeSnapshot('ofac_sdn'))?.id, 'ofac_sdn@2024-05-03');
    });

    it('what is written during a load that fails is kept', async (store) => {
      await store.createApiKey({ id: 'key_old', name: 'old', role: 'read', hash: 'h0' });
      const load = store.writeSnapshot(
        draft(
          '2026-02-27',
          Array.from({ length: 50 }, (_, i) => person(String(i), `P ${i}`)),
          {
            fail: true,
            // While the parser reads (awaits), the server handles requests on the same store.
            between: async (i) => {
              await sleep(0);
              if (i === 10)
                await store.createApiKey({ id: 'key_new', name: 'new', role: 'admin', hash: 'h1' });
              if (i === 20) await store.touchApiKey('key_old', '2026-12-07T09:00:00.000Z');
              if (i === 30)
                await store.recordRefresh({
                  source: 'uk_fcdo',
                  startedAt: '2026-12-07T09:00:00.000Z',
                  finishedAt: '2026-12-07T09:00:01.000Z',
                  outcome: 'unchanged',
                  files: [],
                });
              if (i === 40) await store.writeLedger('l', {});
            },
          },
        ),
      );
      await assert.rejects(load, /truncated/);
      assert.deepEqual(await store.listSnapshots(), []);
      const keys = await store.listApiKeys();
      assert.deepEqual(ids(keys), ['key_old', 'key_new']);
      assert.equal(keys[0]!.lastUsedAt, '2026-12-07T09:00:00.000Z');
      assert.equal((await store.lastRefreshes('uk_fcdo')).attempt?.outcome, 'unchanged');
      assert.deepEqual(await store.readLedger('l'), {});
      const s = await store.writeSnapshot(draft('2026-02-28', [person('1', 'A')]));
      assert.equal(s.entityCount, 1);
    });

    it('a write started while a load commits is not part of its transaction: a failed load keeps it', async (store) => {
      await store.createApiKey({ id: 'key_a', name: 'a', role: 'read', hash: 'h-a' });
      let touched: Promise<void> | undefined;
      await assert.rejects(
        store.writeSnapshot(
          draft('2024-05-02', [person('1', 'A')], {
            onComplete: async () => {
              // A request handled meanwhile records a key's use, then the load is refused.
              touched = store.touchApiKey('key_a', '2026-12-07T10:00:00.000Z');
              await sleep(0);
              throw new Error('refused at the last moment');
            },
          }),
        ),
        /last moment/,
      );
      await touched;
      assert.equal((await store.listApiKeys())[0]!.lastUsedAt, '2026-12-07T10:00:00.000Z');
      assert.deepEqual(await store.listSnapshots(), []);
    });

    it('another store on the same database cannot write while a load holds the lock: it waits', async (store) => {
      const second = await again();
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const a = store.exclusive(
        async () => {
          order.push('first starts');
          entered();
          await held;
          order.push('first ends');
        },
        { what: 'loading un_sc', source: 'un_sc' },
      );
      await inside;
      const waits: LockHolder[] = [];
      let told!: () => void;
      const waiting = new Promise<void>((r) => (told = r));
      const b = second.exclusive(
        async () => {
          order.push('second runs');
        },
        {
          what: 'loading un_sc again',
          source: 'un_sc',
          onWait: (h) => {
            waits.push(h);
            told();
          },
        },
      );
      // Told who holds the lock, and still waiting: no clock involved.
      await waiting;
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
          `process ${process.pid} has held the write lock of .* since \\d{4}-.*\\(loading un_sc\\)`,
        ),
      );
      release();
      await Promise.all([a, b]);
      assert.deepEqual(order, ['first starts', 'first ends', 'second runs']);
    });

    it('a writer that waits longer than allowed gets E_BUSY naming the holder, and nothing runs', async (store) => {
      const second = await again({ lockWaitMs: 300 });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const a = store.exclusive(
        () => {
          entered();
          return held;
        },
        { what: 'loading un_sc', source: 'un_sc' },
      );
      await inside;
      let ran = false;
      await assert.rejects(
        second.exclusive(async () => void (ran = true), { what: 'loading un_sc', source: 'un_sc' }),
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
      await second.exclusive(async () => void (ran = true), { what: 'x', source: 'un_sc' });
      assert.equal(ran, true);
    });

    it('a load whose files another writer stored meanwhile makes no second snapshot', async (store) => {
      const second = await again();
      const people = Array.from({ length: 20 }, (_, i) => person(String(i), `P ${i}`, 'un_sc'));
      let completed = false;
      const slow = second.writeSnapshot(
        draft('2026-02-27', people, {
          sha: 'same',
          source: 'un_sc',
          between: () => sleep(5),
          onComplete: async () => void (completed = true),
        }),
      );
      const fast = await store.writeSnapshot(
        draft('2026-02-27', people, { sha: 'same', source: 'un_sc' }),
      );
      const twice = await slow;
      assert.equal(twice.id, fast.id);
      assert.equal(completed, false);
      assert.deepEqual(ids(await store.listSnapshots()), ['un_sc@2026-02-27']);
    });
  });
}
