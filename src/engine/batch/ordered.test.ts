import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OrderedQueue } from './ordered.ts';

/** A promise with its resolve/reject exposed. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

test('results come out in push order, whatever order they settle in', async () => {
  const q = new OrderedQueue<number>(10);
  const d = [0, 1, 2, 3].map(() => deferred<number>());
  for (const x of d) await q.push(x.promise);
  q.close();
  d[3]!.resolve(3);
  d[1]!.resolve(1);
  d[2]!.resolve(2);
  d[0]!.resolve(0);
  const out: number[] = [];
  for await (const v of q) out.push(v);
  assert.deepEqual(out, [0, 1, 2, 3]);
});

test('a push waits while `limit` chunks are outstanding, and a slot frees only after the consumer is done with one', async () => {
  const q = new OrderedQueue<number>(2);
  await q.push(Promise.resolve(0));
  await q.push(Promise.resolve(1));
  let third = false;
  const pushing = q.push(Promise.resolve(2)).then(() => (third = true));
  await tick();
  assert.equal(third, false, 'the third push must wait');
  assert.equal(q.size, 2);
  const it = q[Symbol.asyncIterator]();
  assert.deepEqual(await it.next(), { value: 0, done: false });
  await tick();
  // The consumer holds chunk 0 (it may still be writing it): still no room.
  assert.equal(third, false);
  assert.deepEqual(await it.next(), { value: 1, done: false });
  await pushing;
  assert.equal(third, true);
  assert.equal(q.peak, 2);
});

test('outstanding chunks never exceed the limit, with a fast producer and a slow consumer', async () => {
  const limit = 4;
  const q = new OrderedQueue<number>(limit);
  const produced = (async () => {
    for (let i = 0; i < 200; i++) {
      const delay = (i * 7919) % 5; // settle out of order
      await q.push(new Promise((resolve) => setTimeout(() => resolve(i), delay)));
      assert.ok(q.size <= limit, `size ${q.size} over the limit`);
    }
    q.close();
  })();
  const out: number[] = [];
  for await (const v of q) {
    out.push(v);
    await tick(); // a slow writer
  }
  await produced;
  assert.deepEqual(
    out,
    Array.from({ length: 200 }, (_, i) => i),
  );
  assert.equal(q.peak, limit);
});

test('a rejected chunk surfaces in its place, after the chunks before it', async () => {
  const q = new OrderedQueue<number>(5);
  await q.push(Promise.resolve(0));
  await q.push(Promise.reject(new Error('chunk 1 failed')));
  await q.push(Promise.resolve(2));
  q.close();
  const out: number[] = [];
  await assert.rejects(async () => {
    for await (const v of q) out.push(v);
  }, /chunk 1 failed/);
  assert.deepEqual(out, [0]);
});

test('fail() stops a waiting producer and the consumer', async () => {
  const q = new OrderedQueue<number>(1);
  await q.push(new Promise(() => {})); // never settles, like a chunk on a dead worker
  const waiting = q.push(Promise.resolve(1));
  const consuming = (async () => {
    for await (const _ of q);
  })();
  q.fail(new Error('worker 2 crashed'));
  await assert.rejects(waiting, /worker 2 crashed/);
  await assert.rejects(consuming, /worker 2 crashed/);
});

test('results already consumed are not kept alive by the queue', async () => {
  // A real leak once: racing each result against one long-lived promise kept every result.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const q = new OrderedQueue<{ payload: string }>(4);
  const refs: WeakRef<object>[] = [];
  const produced = (async () => {
    for (let i = 0; i < 50; i++) await q.push(Promise.resolve({ payload: 'x'.repeat(1000) + i }));
    await q.push(new Promise(() => {})); // the consumer is still waiting on this one
  })();
  let n = 0;
  for await (const v of q) {
    refs.push(new WeakRef(v));
    if (++n === 50) break;
  }
  void produced;
  await tick();
  gc();
  await tick();
  gc();
  const alive = refs.filter((r) => r.deref() !== undefined).length;
  assert.ok(alive <= 1, `${alive} consumed results still in memory`);
});
