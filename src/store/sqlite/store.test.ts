import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityHash, type ListedEntity } from '../../core/index.ts';
import type { EntityToStore, SnapshotDraft, SnapshotFile } from '../types.ts';
import { SqliteStore } from './store.ts';

function person(id: string, name: string): ListedEntity {
  return {
    id: `ofac_sdn-${id}`,
    schema: 'Person',
    properties: { name: [name] },
    source: 'ofac_sdn',
    sourceRecordId: id,
    programs: ['DPRK3'],
    topics: ['sanction'],
    remarks: [],
    related: [],
    raw: { id, name },
  };
}

function draft(date: string, entities: ListedEntity[], sha = date, fail = false): SnapshotDraft {
  const files: SnapshotFile[] = [
    {
      role: 'sdn',
      name: 'sdn.csv',
      path: '/x/sdn.csv',
      sha256: sha,
      size: 1,
      records: entities.length,
    },
  ];
  async function* gen(): AsyncGenerator<EntityToStore> {
    for (const entity of entities) yield { entity, hash: entityHash(entity) };
    if (fail) throw new Error('truncated input');
  }
  return {
    source: 'ofac_sdn',
    files,
    entities: gen(),
    finish: () => ({ date, dateOrigin: 'folder', files, warnings: [{ message: 'w', line: 3 }] }),
  };
}

test('a snapshot is written whole and becomes active by date', async () => {
  const store = new SqliteStore(':memory:');
  const s1 = await store.writeSnapshot(
    draft('2024-05-02', [person('1', 'KIM Jong Un'), person('2', 'PAK Pong Ju')]),
  );
  assert.equal(s1.id, 'ofac_sdn@2024-05-02');
  assert.equal(s1.entityCount, 2);
  assert.equal(s1.warningCount, 1);
  assert.deepEqual(store.snapshotWarnings(s1.id), [{ message: 'w', line: 3 }]);
  // An older list loaded later does not displace the newer one.
  await store.writeSnapshot(draft('2024-05-01', [person('1', 'KIM Jong Un')]));
  assert.equal(store.activeSnapshot('ofac_sdn')?.id, 'ofac_sdn@2024-05-02');
  assert.deepEqual(
    store.listSnapshots('ofac_sdn').map((s) => s.id),
    ['ofac_sdn@2024-05-01', 'ofac_sdn@2024-05-02'],
  );
  store.close();
});

test('a failure while reading entities leaves no snapshot and the active one untouched', async () => {
  const store = new SqliteStore(':memory:');
  await store.writeSnapshot(draft('2024-05-02', [person('1', 'KIM Jong Un')]));
  await assert.rejects(
    store.writeSnapshot(draft('2024-05-03', [person('1', 'X'), person('2', 'Y')], 'other', true)),
    /truncated/,
  );
  assert.equal(store.activeSnapshot('ofac_sdn')?.id, 'ofac_sdn@2024-05-02');
  assert.equal(store.listSnapshots().length, 1);
  assert.equal(store.getEntity('ofac_sdn-1')?.properties.name?.[0], 'KIM Jong Un');
  assert.equal(store.getEntity('ofac_sdn-2'), undefined);
  store.close();
});

test('an id occurring twice in one load is refused', async () => {
  const store = new SqliteStore(':memory:');
  await assert.rejects(
    store.writeSnapshot(draft('2024-05-02', [person('1', 'A'), person('1', 'B')])),
    /occurs twice/,
  );
  assert.equal(store.listSnapshots().length, 0);
  store.close();
});

test('identical files are found again; the same date with other files gets a suffixed id', async () => {
  const store = new SqliteStore(':memory:');
  await store.writeSnapshot(draft('2024-05-02', [person('1', 'A')], 'sha-a'));
  assert.equal(store.findSnapshotByFiles('ofac_sdn', ['sha-a'])?.id, 'ofac_sdn@2024-05-02');
  assert.equal(store.findSnapshotByFiles('ofac_sdn', ['sha-b']), undefined);
  const again = await store.writeSnapshot(draft('2024-05-02', [person('1', 'B')], 'sha-b'));
  assert.equal(again.id, 'ofac_sdn@2024-05-02.2');
  store.close();
});

test('entities carry first_seen, last_change and last_seen derived from the snapshots', async () => {
  const store = new SqliteStore(':memory:');
  await store.writeSnapshot(draft('2024-01-01', [person('1', 'A'), person('2', 'B')]));
  await store.writeSnapshot(draft('2024-02-01', [person('1', 'A'), person('2', 'B changed')]));
  await store.writeSnapshot(draft('2024-03-01', [person('1', 'A'), person('2', 'B changed')]));
  const one = store.getEntity('ofac_sdn-1')!;
  assert.deepEqual(
    [one.firstSeen, one.lastChange, one.lastSeen],
    ['2024-01-01', '2024-01-01', '2024-03-01'],
  );
  const two = store.getEntity('ofac_sdn-2')!;
  assert.deepEqual([two.firstSeen, two.lastChange], ['2024-01-01', '2024-02-01']);
  const asOfJan = store.getEntity('ofac_sdn-2', 'ofac_sdn@2024-01-01')!;
  assert.equal(asOfJan.properties.name?.[0], 'B');
  assert.equal(asOfJan.lastSeen, '2024-01-01');
  const all = [...store.iterateEntities('ofac_sdn@2024-03-01')];
  assert.deepEqual(
    all.map((e) => [e.id, e.lastChange]),
    [
      ['ofac_sdn-1', '2024-01-01'],
      ['ofac_sdn-2', '2024-02-01'],
    ],
  );
  assert.equal(all[0]!.raw && (all[0]!.raw as { name: string }).name, 'A');
  store.close();
});
