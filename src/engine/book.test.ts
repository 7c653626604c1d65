import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import { BookReader, jsonLines, readBook } from './book.ts';
import { MAX_LINE_BYTES } from './batch/rows.ts';

const tx = (id: string) =>
  JSON.stringify({
    id,
    date: '2018-03-01',
    kind: 'shipment',
    parties: [{ role: 'exporter', name: 'A Company', country: 'KP' }],
    goods: [{ hs: '2701.12' }],
    route: { origin: 'KP', destination: 'CN' },
  });

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p, 'utf8');
}

test('records keep their line: blank lines are counted, bad and repeated ones reported there', async () => {
  const book = await readBook([tx('a'), '', '{"id": ', tx('b'), tx('a')], 'book.jsonl');
  assert.deepEqual(
    book.parsed.map((p) => [p.line, p.tx.id]),
    [
      [1, 'a'],
      [4, 'b'],
    ],
  );
  assert.deepEqual(
    book.bad.map((b) => [b.line, b.error.file]),
    [
      [3, 'book.jsonl'],
      [5, 'book.jsonl'],
    ],
  );
  assert.match(book.bad[1]!.error.message, /already used on line 1/);
});

test('a reader that has read its records is a book as it stands', async () => {
  const reader = new BookReader('request body');
  reader.add(tx('a'));
  reader.add(new EmbargoError('E_INPUT_REFUSED', 'line 2: unreadable', { line: 2 }));
  assert.equal(reader.count, 2);
  assert.equal(await readBook(reader, 'ignored'), reader.book);
});

test('JSON lines from bytes: lines cut across chunks, a BOM, and an over-long line as an error at its line', async () => {
  const long = 'x'.repeat(MAX_LINE_BYTES + 10);
  const lines = [];
  for await (const l of jsonLines(chunks('\uFEFF{"a"', ':1}\r\n\n', long, '\n{"b":2}'), 'f.jsonl'))
    lines.push(l);
  assert.equal(lines.length, 4);
  assert.equal(lines[0], '{"a":1}');
  assert.equal(lines[1], '');
  assert.ok(lines[2] instanceof EmbargoError);
  assert.equal((lines[2] as EmbargoError).line, 3);
  assert.equal((lines[2] as EmbargoError).file, 'f.jsonl');
  assert.equal(lines[3], '{"b":2}');
  // Through the reader, the over-long line is a bad record at line 3; nothing is dropped.
  const book = await readBook(lines, 'f.jsonl');
  assert.deepEqual(
    book.bad.map((b) => b.line),
    [1, 3, 4],
  );
});
