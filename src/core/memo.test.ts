import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GenerationalMemo } from './memo.ts';

test('an entry in use survives any number of one-off entries; unused ones are dropped', () => {
  const memo = new GenerationalMemo<string, number>(100);
  memo.set('kept', 1);
  for (let i = 0; i < 10_000; i++) {
    memo.set(`once-${i}`, i);
    if (i % 50 === 0) assert.equal(memo.get('kept'), 1, `lost after ${i} others`);
  }
  assert.equal(memo.get('once-0'), undefined);
  assert.equal(memo.get('once-9999'), 9999);
  assert.ok(memo.size <= 200, String(memo.size));
});
