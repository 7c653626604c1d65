import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kBest } from './_kbest.ts';

test('kBest: cheapest choices first, ties to the earlier positions’ usual renderings', () => {
  const options = [
    ['a', 'b'],
    ['c', 'd'],
  ];
  assert.deepEqual(kBest(options, 4), ['ac', 'ad', 'bc', 'bd']);
  assert.deepEqual(kBest(options, 2), ['ac', 'ad']);
  assert.deepEqual(kBest(options, 1), ['ac'], 'the usual spelling alone');
  assert.deepEqual(kBest([['x', 'y', 'z'], ['q']], 9), ['xq', 'yq', 'zq'], 'no more than exist');
});

test('kBest: a spelling made twice is given once; a position without options adds nothing', () => {
  assert.deepEqual(
    kBest(
      [
        ['a', ''],
        ['', 'a'],
      ],
      4,
    ),
    ['a', 'aa', ''],
  );
  assert.deepEqual(kBest([['k'], [], ['m', 'n']], 3), ['km', 'kn']);
  assert.deepEqual(kBest([], 3), ['']);
});

test('kBest: a word with more choices than a number can count keeps the same order', () => {
  // 2^60 vectors: they are told apart by strings, not by their index.
  const options = Array.from({ length: 60 }, () => ['a', 'b']);
  const [usual, second, third] = kBest(options, 3);
  assert.equal(usual, 'a'.repeat(60));
  assert.equal(second, `${'a'.repeat(59)}b`);
  assert.equal(third, `${'a'.repeat(58)}ba`);
});
