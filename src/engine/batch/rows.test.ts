import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRow, jsonRow, resolveColumns } from './rows.ts';

const header = ['ref', 'Full Name', 'dob', 'country'];
const cols = resolveColumns(
  header,
  { name: 'full name', dob: 'dob', country: 'country', id: 'ref' },
  'in.csv',
);

test('a CSV record becomes an FtM-style query, its id carried', () => {
  const r = csvRow(3, ['A-1', ' John Smith ', '1970-01-02', 'GB'], header, cols);
  assert.deepEqual(r, {
    row: 3,
    id: 'A-1',
    name: 'John Smith',
    input: {
      schema: 'Thing',
      properties: { name: ['John Smith'], birthDate: ['1970-01-02'], nationality: ['GB'] },
    },
    query: {
      schema: 'Thing',
      properties: { name: ['John Smith'], birthDate: ['1970-01-02'], nationality: ['GB'] },
    },
  });
});

test('CSV rows with no usable name get an error naming the problem, and no query', () => {
  const err = (fields: string[]) => csvRow(1, fields, header, cols).error?.message;
  assert.equal(err(['1', '  ', '', '']), 'name is empty');
  assert.equal(
    err(['1', 'x'.repeat(1001), '', '']),
    'name is 1,001 characters long (at most 1,000)',
  );
  assert.equal(err(['1', 'John']), '2 fields, the header has 4');
  assert.equal(csvRow(1, ['1', 'John'], header, cols).query, undefined);
});

test('odd bytes and characters are warnings: the row keeps its query and is screened', () => {
  const row = (fields: string[]) => csvRow(1, fields, header, cols);
  const latin1 = row(['1', 'M\uFFFDller', '1970', 'DE']);
  assert.equal(latin1.error, undefined);
  assert.deepEqual(latin1.query?.properties.name, ['M\uFFFDller']);
  assert.deepEqual(latin1.warnings, [
    'name has bytes that are not UTF-8, replaced with U+FFFD (is the file in another encoding?)',
  ]);
  const bell = row(['1', 'John\u0007Smith', '19\u00017\uFFFD', '']);
  assert.equal(bell.error, undefined);
  assert.deepEqual(bell.warnings, [
    'name contains a control character (U+0007), read as a space',
    'birthDate has bytes that are not UTF-8, replaced with U+FFFD (is the file in another encoding?)',
  ]);
  assert.equal(row(['1', 'John Smith', '5 Mar 1971', 'GB']).warnings, undefined);
});

test('a JSON line with a bad qualifier keeps its name and says what was dropped', () => {
  const r = jsonRow(
    1,
    '{"properties": {"name": ["Ann Lee"], "birthDate": [1971], "country": ["X\\u0000"]}}',
  );
  assert.equal(r.error, undefined);
  assert.deepEqual(r.query?.properties, { name: ['Ann Lee'], country: ['X\u0000'] });
  assert.deepEqual(r.warnings, [
    'properties.birthDate is not a list of strings; dropped',
    'country contains a control character (U+0000), read as a space',
  ]);
});

test('a missing column is a usage error naming it and the header', () => {
  assert.throws(
    () => resolveColumns(header, { name: 'name' }, 'in.csv'),
    (e: Error & { code?: string }) =>
      e.code === 'E_USAGE' &&
      /no column "name" \(--name-col\); the header has: "ref", "Full Name", "dob", "country"/.test(
        e.message,
      ),
  );
});

test('a JSON line is screened as given, with its id', () => {
  const r = jsonRow(2, '{"id": 7, "schema": "Person", "properties": {"name": ["Ann Lee"]}}');
  assert.equal(r.id, '7');
  assert.deepEqual(r.query, { schema: 'Person', properties: { name: ['Ann Lee'] } });
  assert.deepEqual(r.input, { id: 7, schema: 'Person', properties: { name: ['Ann Lee'] } });
});

test('bad JSON lines get an error', () => {
  const err = (line: string) => jsonRow(1, line).error;
  assert.equal(err('{"properties": ')?.code, 'E_INPUT_REFUSED');
  assert.match(err('{"properties": ')!.message, /^invalid JSON/);
  assert.equal(err('[1]')?.message, 'not a JSON object');
  assert.equal(
    err('{"properties": {"name": "Ann"}}')?.message,
    'properties.name must be a list of strings',
  );
  assert.equal(err('{"properties": {"name": [""]}}')?.message, 'name is empty');
  assert.equal(err('{"schema": 1, "properties": {}}')?.message, 'schema must be a string');
});
