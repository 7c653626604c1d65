import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cjkValue, numberValue, romanValue } from './numbers.ts';
import { tokenizeName } from './tokenize.ts';

test('Roman numerals of two letters or more read as numbers; single letters stay initials', () => {
  for (const [w, n] of [
    ['ii', 2],
    ['iii', 3],
    ['iv', 4],
    ['ix', 9],
    ['xiv', 14],
    ['xx', 20],
    ['xlii', 42],
  ] as const)
    assert.equal(romanValue(w), n, w);
  for (const w of ['i', 'v', 'iiii', 'vv', 'il', 'ic', 'kim', 'vix'])
    assert.equal(romanValue(w), undefined, w);
});

test('Chinese numerals read as numbers, with tens and hundreds', () => {
  for (const [w, n] of [
    ['二', 2],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['一〇二', 102],
    ['三百', 300],
  ] as const)
    assert.equal(cjkValue(w), n, w);
  assert.equal(cjkValue('金'), undefined);
});

test('Roman numerals and number words count after the first word only; digits anywhere', () => {
  assert.equal(numberValue('ii', 2), '2');
  assert.equal(numberValue('two', 1), '2');
  assert.equal(numberValue('007', 0), '7');
  assert.equal(numberValue('xi', 0), undefined);
  assert.equal(numberValue('one', 0), undefined);
  assert.equal(numberValue('jong', 1), undefined);
});

test('a number written in any way gives the same number token, keeping the written form', () => {
  const last = (name: string) => tokenizeName(name).at(-1)!;
  for (const [name, n] of [
    ['YU JONG II', '2'],
    ['YU JONG 2', '2'],
    ['Yu Jong Two', '2'],
    ['YU JONG 二', '2'],
    ['YU JONG ၂', '2'],
    ['YU JONG ٢', '2'],
    ['CHON MA SAN 03', '3'],
    ['OCEAN STAR XIV', '14'],
  ] as const) {
    const t = last(name);
    assert.equal(t.text, n, name);
    assert.equal(t.kind, 'number', name);
  }
  assert.deepEqual(last('YU JONG II').forms, ['2', 'ii']);
  // A first word is a name, whatever it looks like.
  assert.equal(tokenizeName('Xi Jinping')[0]!.text, 'xi');
  assert.equal(tokenizeName('Xi Jinping')[0]!.kind, 'word');
});
