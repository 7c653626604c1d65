import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateCounter } from './_clusterRate.ts';

test('one count per key and window, whichever worker asks; a new window starts again at 1', () => {
  const c = new RateCounter();
  const t0 = 1_000_000;
  assert.deepEqual(c.incr('key:a', 60_000, t0), { current: 1, ttl: 60_000 });
  assert.deepEqual(c.incr('key:a', 60_000, t0 + 1000), { current: 2, ttl: 59_000 });
  assert.deepEqual(c.incr('key:b', 60_000, t0 + 1000), { current: 1, ttl: 60_000 });
  assert.deepEqual(c.incr('key:a', 60_000, t0 + 60_000), { current: 1, ttl: 60_000 });
});
