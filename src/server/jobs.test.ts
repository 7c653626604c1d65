import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import { JOB_TTL_MS, Jobs, MAX_FINISHED } from './jobs.ts';

/** Waits until the job leaves queued/running. */
async function settled(jobs: Jobs, id: string) {
  for (;;) {
    const j = jobs.get(id, undefined, true)!;
    if (j.state === 'succeeded' || j.state === 'failed') return j;
    await new Promise((r) => setImmediate(r));
  }
}

test('issue 18 (jobs): a job runs after it is answered, reports progress and its result', async () => {
  const jobs = new Jobs();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const id = jobs.start('x', 'k1', async (progress) => {
    progress(1, 2);
    await gate;
    progress(2, 2);
    return { answer: 42 };
  });
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(jobs.get(id, 'k1', false)?.state, 'queued');
  await new Promise((r) => setImmediate(r));
  const running = jobs.get(id, 'k1', false)!;
  assert.equal(running.state, 'running');
  assert.deepEqual(running.progress, { done: 1, total: 2 });
  release();
  const done = await settled(jobs, id);
  assert.equal(done.state, 'succeeded');
  assert.deepEqual(done.result, { answer: 42 });
  assert.ok(done.finished_at && done.created_at <= done.finished_at);
  assert.ok(!('owner' in done));
});

test('issue 18 (jobs): only the maker or an admin sees a job; a failure is {detail, code}', async () => {
  const jobs = new Jobs();
  const id = jobs.start('x', 'k1', async () => {
    throw new EmbargoError('E_NOT_READY', 'no list loaded');
  });
  const job = await settled(jobs, id);
  assert.equal(jobs.get(id, 'k2', false), undefined);
  assert.equal(jobs.get(id, undefined, false), undefined);
  assert.equal(jobs.get(id, 'k1', false)?.state, 'failed');
  assert.deepEqual(job.error, { detail: 'no list loaded', code: 'E_NOT_READY' });
});

test('issue 18 (jobs): finished jobs are dropped past their time and past the count', async () => {
  let now = 1_000_000;
  const jobs = new Jobs(undefined, () => now);
  const ids: string[] = [];
  for (let i = 0; i < MAX_FINISHED + 5; i++) ids.push(jobs.start('x', 'k', async () => i));
  for (const id of ids) await settled(jobs, id).catch(() => undefined);
  // Past the count, the oldest (all finished at one instant here) give way: 50 are kept.
  assert.equal(ids.filter((id) => jobs.get(id, 'k', false)).length, MAX_FINISHED);
  now += JOB_TTL_MS + 1;
  assert.equal(ids.filter((id) => jobs.get(id, 'k', false)).length, 0);
});
