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

test('values sort the same whether they pack with their hash or not', () => {
  const keys = ['rahim', 'matin', 'karim', 'rahim', 'salim', 'matin'];
  for (const base of [0, 2 ** 21 - 3, 2 ** 30]) {
    const k = new HashedKeys();
    // Added out of order: each key's values must come back ascending.
    keys.forEach((key, i) => k.add(key, base + (keys.length - i)));
    k.seal();
    const got: number[] = [];
    k.forEach('rahim', (v) => got.push(v - base));
    assert.deepEqual(got, [3, 6], `base ${base}`);
    const matin: number[] = [];
    k.forEach('matin', (v) => matin.push(v - base));
    assert.deepEqual(matin, [1, 5], `base ${base}`);
  }
});
