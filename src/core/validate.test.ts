import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListedEntity } from './entity.ts';
import { entityHash } from './hash.ts';
import { entityProblems, validateListedEntity } from './validate.ts';

const base = (): ListedEntity => ({
  id: 'un_sc-KPi.001',
  schema: 'Person',
  properties: { name: ['KIM Example'], birthDate: ['1960'], nationality: ['kp'] },
  source: 'un_sc',
  sourceRecordId: 'KPi.001',
  programs: ['DPRK', 'KPi'],
  topics: ['sanction'],
  remarks: [],
  related: [
    { id: 'un_sc-KPi.001-sanction', schema: 'Sanction', properties: { entity: ['un_sc-KPi.001'] } },
  ],
  raw: {},
});

test('a well-formed entity passes', () => {
  assert.doesNotThrow(() => validateListedEntity(base()));
});

test('properties the schema does not have are refused', () => {
  const e = base();
  e.properties.imoNumber = ['9123456'];
  assert.match(entityProblems(e).join(), /Person has no property imoNumber/);
});

test('a vessel may carry an IMO number and a flag; an organisation its company IMO number', () => {
  assert.deepEqual(
    entityProblems({
      id: 'v',
      schema: 'Vessel',
      properties: { name: ['X'], imoNumber: ['9123456'], flag: ['kp'] },
    }),
    [],
  );
  assert.deepEqual(
    entityProblems({
      id: 'o',
      schema: 'Company',
      properties: { name: ['X'], imoNumber: ['5443312'] },
    }),
    [],
  );
});

test('bad dates, country names and empty values are refused with the entity id', () => {
  const e = base();
  e.properties.birthDate = ['2922-09-01'];
  e.properties.nationality = ['North Korea'];
  e.properties.alias = [' '];
  assert.throws(
    () => validateListedEntity(e),
    (err: Error & { code?: string }) =>
      err.code === 'E_INVALID_ENTITY' &&
      /un_sc-KPi\.001/.test(err.message) &&
      /birthDate/.test(err.message) &&
      /nationality/.test(err.message) &&
      /alias/.test(err.message),
  );
});

test('a Sanction cannot be a listed party, and a party needs a name', () => {
  const e = base();
  e.schema = 'Sanction';
  assert.throws(() => validateListedEntity(e), /person, organisation, vessel or aircraft/);
  const f = base();
  f.properties.name = [];
  assert.throws(() => validateListedEntity(f), /no name/);
});

test('the content hash ignores the raw record and key order but not content', () => {
  const a = base();
  const b = base();
  b.raw = { different: true };
  b.properties = { nationality: ['kp'], birthDate: ['1960'], name: ['KIM Example'] };
  assert.equal(entityHash(a), entityHash(b));
  b.properties.birthDate = ['1961'];
  assert.notEqual(entityHash(a), entityHash(b));
});

test('canonical JSON sorts keys at every level and matches JSON for plain values', async () => {
  const { canonicalJson } = await import('./hash.ts');
  assert.equal(
    canonicalJson({ b: [1, { d: 'x', c: null }], a: 'é"' }),
    '{"a":"é\\"","b":[1,{"c":null,"d":"x"}]}',
  );
  assert.equal(canonicalJson({ a: undefined, b: 1 }), '{"b":1}');
  assert.equal(canonicalJson('s'), '"s"');
});
