import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pack } from './screenRows.ts';

test('a chunk packs its rows into exact UTF-8 bytes', () => {
  const packed = pack([
    { row: 1, text: 'Çelik\n', matched: true },
    { row: 2, text: '北京\n', matched: false, error: { code: 'E', message: 'm' } },
  ]);
  assert.equal(Buffer.from(packed.bytes).toString('utf8'), 'Çelik\n北京\n');
  assert.equal(packed.bytes.length, Buffer.byteLength('Çelik\n北京\n'));
  assert.deepEqual(packed.rows, [
    { row: 1, matched: true },
    { row: 2, matched: false, error: { code: 'E', message: 'm' } },
  ]);
});
