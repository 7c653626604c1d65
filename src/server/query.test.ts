import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleToQuery } from './query.ts';

test('yente examples: a string is a one-value list, numbers are written out, other values dropped', () => {
  const { query, echo } = exampleToQuery({
    schema: 'Vessel',
    properties: {
      name: 'Chong Chon Gang',
      imoNumber: [7937317],
      flag: [null, {}, 'kp'],
      notes: [],
    },
  });
  assert.deepEqual(query.properties, {
    name: ['Chong Chon Gang'],
    imoNumber: ['7937317'],
    flag: ['kp'],
  });
  assert.deepEqual(echo, { id: null, schema: 'Vessel', properties: query.properties });
});

test("names in parts (OpenSanctions' examples) are joined, each first name with each last name", () => {
  const { query, echo } = exampleToQuery({
    schema: 'Person',
    properties: {
      firstName: ['Arkadii'],
      fatherName: ['Romanovich'],
      lastName: ['Rotenberg', 'Ротенберг'],
    },
  });
  assert.deepEqual(query.properties.name, [
    'Arkadii Romanovich Rotenberg',
    'Arkadii Romanovich Ротенберг',
  ]);
  assert.equal(echo.properties.name, undefined, 'the echo is the example as sent');
  const both = exampleToQuery({
    schema: 'Person',
    properties: { name: ['R. Arkady'], firstName: ['Arkady'], lastName: ['Rotenberg'] },
  });
  assert.deepEqual(both.query.properties.name, ['R. Arkady', 'Arkady Rotenberg']);
});

test('a schema Embargo does not screen against is refused; Thing and LegalEntity are not', () => {
  for (const schema of ['CryptoWallet', 'Sanction', 'Address', ''])
    assert.throws(() => exampleToQuery({ schema, properties: { name: ['x'] } }), {
      code: 'E_INVALID_QUERY',
    });
  for (const schema of [
    'Thing',
    'LegalEntity',
    'Person',
    'Company',
    'Organization',
    'Vessel',
    'Airplane',
  ])
    assert.doesNotThrow(() => exampleToQuery({ schema, properties: { name: ['x'] } }));
});
