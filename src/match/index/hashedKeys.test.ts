import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HashedKeys } from './hashedKeys.ts';

test('values come back under their key, several per key, none under another key', () => {
  const k = new HashedKeys();
  k.add('rahim', 1);
  k.add('rahim', 7);
  k.add('matin', 2);
  k.seal();
  const got = (key: string) => {
    const out: number[] = [];
    k.forEach(key, (v) => out.push(v));
    return out;
  };
  assert.deepEqual(got('rahim'), [1, 7]);
  assert.deepEqual(got('matin'), [2]);
  assert.deepEqual(got('nobody'), []);
  assert.equal(k.size, 3);
});
