import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeSlicer, youngCollector } from './slice.ts';

test('TimeSlicer runs beforeYield once at the end of each slice, never within one', async () => {
  let calls = 0;
  const yielding = new TimeSlicer(0, () => calls++);
  for (let i = 0; i < 5; i++) await yielding.pause();
  assert.equal(yielding.yields, 5);
  assert.equal(calls, 5);

  calls = 0;
  const long = new TimeSlicer(60_000, () => calls++);
  for (let i = 0; i < 5; i++) assert.equal(long.pause(), undefined);
  assert.equal(calls, 0);
});

test('youngCollector asks gc for a minor collection, and is undefined without gc', () => {
  const g = globalThis as { gc?: unknown };
  const saved = g.gc;
  try {
    const asked: unknown[] = [];
    g.gc = (o: unknown) => asked.push(o);
    youngCollector()!();
    assert.deepEqual(asked, [{ type: 'minor' }]);
    delete g.gc;
    assert.equal(youngCollector(), undefined);
  } finally {
    if (saved) g.gc = saved;
  }
});
