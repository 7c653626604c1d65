import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvFields, readCsvRecords, type CsvRecord } from './records.ts';

/** Reads `text` (or bytes) cut into chunks of `size` bytes, with records capped at `max` bytes. */
async function read(input: string | Buffer, max = 100, size = 7): Promise<CsvRecord[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(chunks(), max)) out.push(r);
  return out;
}

const shape = (records: CsvRecord[]) =>
  records.map((r) => ('fields' in r ? [r.line, ...r.fields] : [r.line, `ERROR ${r.error}`]));

test('fields: quotes, doubled quotes, commas and line breaks inside quotes, stray quotes as text', () => {
  assert.deepEqual(csvFields('a,"b, c","say ""hi""",O"Brien,'), [
    'a',
    'b, c',
    'say "hi"',
    'O"Brien',
    '',
  ]);
  assert.deepEqual(csvFields('"Kim\nJong Un",1971'), ['Kim\nJong Un', '1971']);
  assert.deepEqual(csvFields('"Kim" Jong,x'), ['Kim Jong', 'x']);
});

test('records keep their line, CRLF and a BOM are read, blank lines are not records', async () => {
  const records = await read('\uFEFFname,dob\r\nAnn Lee,1970\r\n\r\n"Ri\r\nHong",\nlast');
  assert.deepEqual(shape(records), [
    [1, 'name', 'dob'],
    [2, 'Ann Lee', '1970'],
    [4, 'Ri\r\nHong', ''],
    [6, 'last'],
  ]);
  assert.equal(
    records.at(-1)!.end,
    Buffer.byteLength('\uFEFFname,dob\r\nAnn Lee,1970\r\n\r\n"Ri\r\nHong",\nlast'),
  );
});

test('a too-long line is one error naming its line, and the rows after it are all read', async () => {
  const long = 'x'.repeat(1000);
  for (const line of [long, `"${long}`, `"a",${long},"${long}"`]) {
    const records = await read(`name\nKim Jong Un\n${line}\nYakima Trading Corporation\nRi\n`);
    assert.deepEqual(
      shape(records).map((r) => String(r[1]).replace(/a record of [\d,]+ bytes/, 'a record')),
      [
        'name',
        'Kim Jong Un',
        'ERROR line 3: a record (at most 100); skipped to the next line',
        'Yakima Trading Corporation',
        'Ri',
      ],
      line.slice(0, 5),
    );
    assert.deepEqual(
      records.map((r) => r.line),
      [1, 2, 3, 4, 5],
    );
  }
});

test('a too-long line at the end of the file is reported too', async () => {
  const records = await read(`name\n${'y'.repeat(500)}`);
  assert.equal(records.length, 2);
  assert.match('error' in records[1]! ? records[1].error : '', /^line 2: a record of 500 bytes/);
});

test('a quote never closed costs its own line only: the lines after it are read again', async () => {
  const records = await read('name,dob\n"Kim Jong Un,1970\nRi Hong Sop,1950\nAnn Lee,\n');
  assert.deepEqual(shape(records), [
    [1, 'name', 'dob'],
    [2, 'ERROR malformed CSV: line 2: a quoted field is opened and never closed'],
    [3, 'Ri Hong Sop', '1950'],
    [4, 'Ann Lee', ''],
  ]);
});

test('a byte that is not UTF-8 becomes U+FFFD in its field; the record is kept', async () => {
  const bytes = Buffer.concat([
    Buffer.from('name\nM'),
    Buffer.from([0xfc]),
    Buffer.from('ller\nAnn\n'),
  ]);
  assert.deepEqual(shape(await read(bytes, 100, 3)), [
    [1, 'name'],
    [2, 'M\uFFFDller'],
    [3, 'Ann'],
  ]);
});
