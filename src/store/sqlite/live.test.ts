import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from './store.ts';

test('refreshes: the last attempt and the last success are told apart', () => {
  const store = new SqliteStore(':memory:');
  assert.deepEqual(store.lastRefreshes('un_sc'), {});
  const file = { role: 'list', url: 'http://h/un.xml', name: 'consolidated.xml' };
  store.recordRefresh({
    source: 'un_sc',
    startedAt: '2024-05-01T10:00:00.000Z',
    finishedAt: '2024-05-01T10:00:05.000Z',
    outcome: 'activated',
    snapshot: 'un_sc@2024-05-01',
    files: [{ ...file, status: 200, etag: '"a"', sha256: 'ab', size: 3 }],
  });
  store.recordRefresh({
    source: 'un_sc',
    startedAt: '2024-05-02T10:00:00.000Z',
    finishedAt: '2024-05-02T10:00:01.000Z',
    outcome: 'refused',
    message: 'consolidated.xml (http://h/un.xml): HTTP 500',
    url: 'http://h/un.xml',
    files: [{ ...file, status: 0 }],
  });
  const { attempt, success } = store.lastRefreshes('un_sc');
  assert.equal(attempt?.outcome, 'refused');
  assert.equal(attempt?.url, 'http://h/un.xml');
  assert.equal(success?.outcome, 'activated');
  assert.equal(success?.files[0]?.etag, '"a"');
  assert.equal(success?.snapshot, 'un_sc@2024-05-01');
  assert.deepEqual(store.lastRefreshes('ofac_sdn'), {});
});

test('activations: recorded with their changes, listed by list date from a day on', () => {
  const store = new SqliteStore(':memory:');
  const base = { source: 'ofac_sdn' as const, activatedAt: '2024-05-03T12:00:00.000Z' };
  store.recordActivation({
    ...base,
    snapshot: 'ofac_sdn@2024-05-02',
    previous: null,
    date: '2024-05-02',
    entityCount: 3,
    added: [],
    removed: [],
    changed: [],
  });
  store.recordActivation({
    ...base,
    snapshot: 'ofac_sdn@2024-05-03',
    previous: 'ofac_sdn@2024-05-02',
    date: '2024-05-03',
    entityCount: 3,
    added: [{ id: 'ofac_sdn-9', schema: 'Person', caption: 'NEW' }],
    removed: [{ id: 'ofac_sdn-1', schema: 'Airplane', caption: 'OLD' }],
    changed: [{ id: 'ofac_sdn-2', schema: 'Vessel', caption: 'SHIP', fields: ['name', 'flag'] }],
  });
  const all = store.activations({ since: '2024-05-01' });
  assert.deepEqual(
    all.map((a) => a.snapshot),
    ['ofac_sdn@2024-05-02', 'ofac_sdn@2024-05-03'],
  );
  const [last] = store.activations({ since: '2024-05-03', source: 'ofac_sdn' });
  assert.equal(last?.previous, 'ofac_sdn@2024-05-02');
  assert.deepEqual(last?.added, [{ id: 'ofac_sdn-9', schema: 'Person', caption: 'NEW' }]);
  assert.deepEqual(
    last?.removed.map((e) => e.id),
    ['ofac_sdn-1'],
  );
  assert.deepEqual(last?.changed[0]?.fields, ['name', 'flag']);
  assert.deepEqual(store.activations({ since: '2024-05-01', source: 'un_sc' }), []);
});

test('what onComplete writes commits with the snapshot, and a throw there rolls both back', async () => {
  const store = new SqliteStore(':memory:');
  const draft = (date: string, sha: string, fail: boolean) => ({
    source: 'ofac_sdn' as const,
    files: [{ role: 'primary', name: 'sdn.csv', path: '/x', sha256: sha, size: 1, records: 0 }],
    entities: (async function* () {})(),
    finish: () => ({ date, dateOrigin: 'download' as const, files: [], warnings: [] }),
    onComplete: (s: { id: string; date: string; entityCount: number }) => {
      store.recordActivation({
        snapshot: s.id,
        previous: null,
        source: 'ofac_sdn',
        date: s.date,
        activatedAt: new Date().toISOString(),
        entityCount: s.entityCount,
        added: [],
        removed: [],
        changed: [],
      });
      if (fail) throw new Error('refused at the last moment');
    },
  });
  await store.writeSnapshot(draft('2024-05-02', 'a', false));
  await assert.rejects(store.writeSnapshot(draft('2024-05-03', 'b', true)), /last moment/);
  assert.equal(store.activeSnapshot('ofac_sdn')?.id, 'ofac_sdn@2024-05-02');
  assert.deepEqual(
    store.activations({ since: '2000-01-01' }).map((a) => a.snapshot),
    ['ofac_sdn@2024-05-02'],
  );
});
