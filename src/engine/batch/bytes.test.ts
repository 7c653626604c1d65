import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines, type Line } from './bytes.ts';

async function lines(chunks: Buffer[], max = 100): Promise<Line[]> {
  const out: Line[] = [];
  const source = (async function* () {
    yield* chunks;
  })();
  for await (const l of splitLines(source, max)) out.push(l);
  return out;
}

test('lines split on LF and CRLF, with a last line without newline, and their end offsets', async () => {
  assert.deepEqual(await lines([Buffer.from('a\r\nb\n\nc')]), [
    { text: 'a', end: 3 },
    { text: 'b', end: 5 },
    { text: '', end: 6 },
    { text: 'c', end: 7 },
  ]);
});

test('a character cut across two chunks decodes whole', async () => {
  const bytes = Buffer.from('Müller\nÇelik\n');
  const cut = bytes.indexOf(0xbc); // second byte of "ü"
  const out = await lines([bytes.subarray(0, cut), bytes.subarray(cut)]);
  assert.deepEqual(
    out.map((l) => ('text' in l ? l.text : l)),
    ['Müller', 'Çelik'],
  );
  assert.equal(out[1]!.end, bytes.length);
});

test('a line over the limit is dropped, and the lines after it keep their places', async () => {
  const long = 'x'.repeat(250);
  const out = await lines([
    Buffer.from(`a\n${long.slice(0, 120)}`),
    Buffer.from(`${long.slice(120)}\nb\n`),
  ]);
  assert.deepEqual(out, [
    { text: 'a', end: 2 },
    { tooLong: 250, end: 253 },
    { text: 'b', end: 255 },
  ]);
  assert.deepEqual(await lines([Buffer.from(`${long}\nc`)]), [
    { tooLong: 250, end: 251 },
    { text: 'c', end: 252 },
  ]);
});
