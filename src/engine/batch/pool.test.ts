import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { WorkerPool } from './pool.ts';
import type { BatchRow } from './types.ts';

// A stand-in worker: answers each row with its number (and its own pid as the row's id), chunks
// in the order they came; exits with code 3 on a row whose input is "crash", reports a fatal
// store error on "store", and takes three seconds over a chunk with a row "slow".
const dir = mkdtempSync(join(tmpdir(), 'embargo-pool-'));
const script = join(dir, 'worker.mjs');
writeFileSync(
  script,
  `let turn = Promise.resolve();
  process.on('message', (m) => {
    if (m.type === 'init') return;
    if (m.rows.some((r) => r.input === 'crash')) process.exit(3);
    if (m.rows.some((r) => r.input === 'store'))
      return process.send({ type: 'fatal', seq: m.seq, error: { code: 'E_STORE', message: 'database is locked' } });
    const wait = m.rows.some((r) => r.input === 'slow') ? 3000 : (m.seq * 7) % 5;
    // One chunk after the other, as a real worker answers them.
    turn = turn.then(() => new Promise((done) => setTimeout(done, wait))).then(() =>
      process.send({ type: 'done', seq: m.seq, rss: 1000 + m.seq,
        result: { rows: m.rows.map((r) => ({ row: r.row, id: String(process.pid), matched: false })),
          bytes: Buffer.from(m.rows.map((r) => r.row + '\\n').join('')) } }));
  });
  process.on('disconnect', () => process.exit(0));`,
);
after(() => rmSync(dir, { recursive: true, force: true }));

const rows = (from: number, n: number, input: unknown = 'ok'): BatchRow[] =>
  Array.from({ length: n }, (_, i) => ({ row: from + i, input }));

function alive(pid: number | undefined): boolean {
  try {
    process.kill(pid!, 0);
    return true;
  } catch {
    return false;
  }
}

const pidsOf = (pool: WorkerPool) =>
  (pool as unknown as { workers: { child: { pid: number } }[] }).workers.map((w) => w.child.pid);

const options = {
  database: join(dir, 'embargo.db'),
  options: {},
  format: 'jsonl' as const,
  script,
};

test('chunks are spread over the workers and answered; closing leaves no process', async () => {
  const pool = new WorkerPool({ ...options, size: 3 });
  const pids = pidsOf(pool);
  assert.equal(new Set(pids).size, 3);
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) => pool.screen(rows(i * 10 + 1, 10))),
  );
  const expected = Array.from({ length: 120 }, (_, i) => i + 1);
  assert.deepEqual(
    answers.flatMap((a) => a.rows.map((r) => r.row)),
    expected,
  );
  const text = answers.map((a) => Buffer.from(a.bytes).toString('utf8')).join('');
  assert.equal(text, expected.join('\n') + '\n');
  assert.ok(pool.peakRss >= 1000);
  await pool.close();
  assert.deepEqual(pids.map(alive), [false, false, false]);
});

test('chunks beyond the next one wait for the first worker that comes free', async () => {
  const pool = new WorkerPool({ ...options, size: 2 });
  try {
    const [first, second] = pidsOf(pool).map(String);
    // Both started first, so that which one answers depends on the pool, not on start-up times.
    await Promise.all([pool.screen(rows(0, 1), 0), pool.screen(rows(0, 1), 1)]);
    // Chunk 1 holds the first worker; chunk 3 is already its next. The others must not queue
    // behind them while the second worker is free.
    const answers = await Promise.all([
      pool.screen(rows(1, 2, 'slow')),
      ...Array.from({ length: 7 }, (_, i) => pool.screen(rows(3 + 2 * i, 2))),
    ]);
    const by = answers.map((a) => a.rows[0]!.id);
    assert.deepEqual(by, [first, second, first, second, second, second, second, second]);
    assert.deepEqual(
      answers.flatMap((a) => a.rows.map((r) => r.row)),
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
  } finally {
    await pool.close();
  }
});

test('a crashed worker fails the batch as an internal error naming it, and the rest are ended', async () => {
  let reported: Error | undefined;
  const pool = new WorkerPool({ ...options, size: 2, onFailure: (e) => (reported = e) });
  const pids = pidsOf(pool);
  const crash = pool.screen(rows(1, 5, 'crash'));
  await assert.rejects(crash, (e: Error & { code?: string }) => {
    assert.equal(e.code, 'E_INTERNAL');
    assert.match(e.message, /^batch worker 1 \(pid \d+\) exited with code 3 while screening$/);
    return true;
  });
  assert.match(reported?.message ?? '', /^batch worker 1 \(pid \d+\) exited with code 3/);
  await assert.rejects(pool.screen(rows(6, 5)), /batch worker 1/);
  await pool.close(true);
  assert.deepEqual(pids.map(alive), [false, false]);
});

test("an error a worker reports keeps its code (a store failure is not a row's fault)", async () => {
  const pool = new WorkerPool({ ...options, size: 1 });
  await assert.rejects(
    pool.screen(rows(1, 1, 'store')),
    (e: Error & { code?: string }) => e.code === 'E_STORE' && /database is locked/.test(e.message),
  );
  await pool.close(true);
});
