import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListedEntity } from '../../../core/index.ts';
import { source } from '../index.ts';
import { fixture, load } from './testing.ts';

// parity.csv and parity.xml hold the same two invented entities, one as CSV v1.0 rows, one as
// the XML 1.1 export writes them (same logical ids throughout, as the EU's database gives both).
const csv = () => load({ csv: fixture('parity.csv') }, source);
const xml = () => load({ xml: fixture('parity.xml') });

/** The entity without `raw` and with address lines cut before their country. */
function comparable(e: ListedEntity): Omit<ListedEntity, 'raw'> {
  const { raw: _raw, ...rest } = structuredClone(e);
  // The only difference allowed: the CSV writes the country as ISO alpha-3 (GBR), the XML by
  // name (UNITED KINGDOM); the country code beside the line is the same.
  const cut = (lines: string[] | undefined) => lines?.map((l) => l.replace(/, [^,]+$/, ''));
  if (rest.properties.address) rest.properties.address = cut(rest.properties.address)!;
  for (const r of rest.related)
    if (r.schema === 'Address') r.properties.full = cut(r.properties.full)!;
  return rest;
}

test('one entity as CSV v1.0 rows and as XML: same ids, schemata and names', async () => {
  const [a, b] = await Promise.all([csv(), xml()]);
  assert.deepEqual(
    b.entities.map((e) => [e.id, e.schema]),
    [
      ['eu_fsf-9201', 'Person'],
      ['eu_fsf-9202', 'Company'],
    ],
  );
  assert.deepEqual(
    b.entities.map((e) => [e.id, e.schema]),
    a.entities.map((e) => [e.id, e.schema]),
  );
  for (const prop of ['name', 'alias', 'firstName', 'middleName', 'lastName', 'title'])
    assert.deepEqual(
      b.entities.map((e) => e.properties[prop]),
      a.entities.map((e) => e.properties[prop]),
      prop,
    );
  assert.deepEqual(b.byId.get('9201')!.properties.alias, ['Jean SMITH']);
});

test('and the same entities in every other respect but the country in address lines', async () => {
  const [a, b] = await Promise.all([csv(), xml()]);
  assert.equal(b.entities.length, a.entities.length);
  for (let i = 0; i < a.entities.length; i++)
    assert.deepEqual(comparable(b.entities[i]!), comparable(a.entities[i]!));
  // The registration number is one in both formats, not an idNumber in one of them.
  assert.deepEqual(b.byId.get('9202')!.properties.registrationNumber, ['1027700000002']);
  assert.deepEqual(b.byId.get('9201')!.properties.address, [
    '1 High Street, Exampletown, EX1 1AA, UNITED KINGDOM',
  ]);
  assert.deepEqual(a.byId.get('9201')!.properties.address, [
    '1 High Street, Exampletown, EX1 1AA, GBR',
  ]);
});
