import assert from 'node:assert/strict';
import { test } from 'node:test';
import { topK } from './retrieve.ts';

test('topK keeps the k best ids, best first, whatever the input order', () => {
  const score = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3, 0.9]);
  assert.deepEqual(topK([0, 1, 2, 3, 4, 5], score, 3), [1, 5, 3]);
  assert.deepEqual(topK([5, 4, 3, 2, 1, 0], score, 2), [5, 1]);
  assert.deepEqual(topK([0, 4], score, 5), [4, 0]);
  assert.deepEqual(topK([], score, 5), []);
});
