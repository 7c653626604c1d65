/**
 * Issue 18: request bodies read as they arrive. A book in JSON lines on `POST /trade/check` and
 * `POST /scenarios/{id}/run` gives what the CLI gives for the same file, bad lines reported at
 * their line; a body over the limit is 413; `POST /screen` answers a CSV batch as it is screened,
 * its first lines arriving before the body has ended, with the lines the CLI writes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { embargo } from '../../helpers/cli.ts';
import { needsData } from '../../helpers/data.ts';
import { json, testServer, type Loose, type TestServer } from './_server.ts';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../../fixtures/trade');
const seed = readFileSync(join(fixtures, 'scenario-book.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());

/**
 * A book of JSON lines: the fixture's transactions, a blank line (skipped, still counted), a
 * line that is not JSON (line 4) and one with a bad HS code (line 7).
 */
function bookText(): string {
  const lines = seed.map((l, i) => JSON.stringify({ ...JSON.parse(l), id: `s${i}` }));
  lines.splice(2, 0, '');
  lines.splice(3, 0, '{"id": "broken", "date": ');
  const bad = JSON.parse(lines[6]!) as Loose;
  lines[6] = JSON.stringify({ ...bad, goods: [{ hs: '27A1' }] });
  return lines.join('\n') + '\n';
}

/** A verdict without its coverage (its ages are counted at the moment of judging). */
const strip = (v: Loose) => {
  const { coverage: _c, ...rest } = v;
  return rest;
};

const NDJSON = { 'content-type': 'application/x-ndjson' };

describe('streamed request bodies', needsData('un_sc', '2026-02-27'), () => {
  let s: TestServer;
  let dir: string;
  before(async () => {
    s = await testServer([['un_sc', '2026-02-27']], { streamLimit: 64 * 1024 });
    dir = mkdtempSync(join(tmpdir(), 'embargo-streamed-test-'));
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a book in JSON lines on POST /trade/check: the CLI verdicts for the file, bad lines at their line', async () => {
    const text = bookText();
    const r = await s.call({
      method: 'POST',
      url: '/trade/check?authority=un',
      role: 'analyst',
      headers: NDJSON,
      // A stream, so the body arrives in pieces and without a declared length.
      payload: Readable.from(text.match(/[^]{1,97}/g)!),
    });
    assert.equal(r.statusCode, 200, r.body.slice(0, 500));
    const body = json(r);

    const input = join(dir, 'book.jsonl');
    const output = join(dir, 'verdicts.jsonl');
    writeFileSync(input, text);
    const cli = embargo(s.home, 'trade', 'check', '--input', input, '--output', output);
    assert.equal(cli.status, 3, cli.stderr); // bad lines: refused, the rest judged
    const lines = readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Loose);

    // One item per line but the blank one, in order; the bad ones name their line.
    assert.equal(body.results.length, seed.length + 1);
    assert.equal(lines.length, body.results.length);
    assert.equal(body.results[2].error.line, 4);
    assert.equal(lines[2]!.line, 4);
    assert.equal(body.results[2].error.code, 'E_INPUT_REFUSED');
    assert.equal(body.results[5].error.line, 7);
    assert.equal(body.results[5].error.field, '/goods/0/hs');
    assert.equal(lines[5]!.error.field, '/goods/0/hs');
    assert.deepEqual(body.summary.failed, 2);
    for (let i = 0; i < lines.length; i++) {
      if (i === 2 || i === 5) continue;
      assert.deepEqual(strip(body.results[i]), strip(lines[i]!), `line ${i}`);
    }
    const summary = JSON.parse(
      embargo(s.home, 'trade', 'check', '--input', input, '--output', output + '2', '--json')
        .stdout,
    ) as Loose;
    assert.deepEqual(body.summary, {
      checked: summary.checked,
      failed: summary.failed,
      verdicts: summary.verdicts,
    });
  });

  test('a scenario run over a book in JSON lines: the CLI run of the file', async () => {
    const text = bookText();
    const r = await s.call({
      method: 'POST',
      url: '/scenarios/hanoi-2019-dprk-proposal/run?authority=un',
      role: 'analyst',
      headers: NDJSON,
      payload: text,
    });
    assert.equal(r.statusCode, 200, r.body.slice(0, 500));
    const body = json(r);
    const input = join(dir, 'scenario.jsonl');
    writeFileSync(input, text);
    const cli = embargo(
      s.home,
      'scenario',
      'run',
      'hanoi-2019-dprk-proposal',
      '--book',
      input,
      '--authority',
      'un',
      '--json',
    );
    assert.equal(cli.status, 3, cli.stderr);
    const run = JSON.parse(cli.stdout) as Loose;
    for (const key of ['scenario', 'authorities', 'transactions', 'by_measure', 'by_chapter'])
      assert.deepEqual(body[key], run[key], key);
    assert.deepEqual(body.totals, run.totals);
    assert.deepEqual(
      body.errors.map((e: Loose) => e.line),
      [4, 7],
    );
    assert.deepEqual(
      run.errors.map((e: Loose) => e.line),
      [4, 7],
    );
  });

  test('a body over the limit for streamed bodies is 413; CSV is not a book; other routes read JSON only', async () => {
    const big = Array.from({ length: 400 }, () => seed[0]).join('\n');
    assert.ok(big.length > 64 * 1024);
    // Declared too long: refused before a byte is read.
    const declared = await s.call({
      method: 'POST',
      url: '/trade/check',
      role: 'analyst',
      headers: NDJSON,
      payload: big,
    });
    assert.equal(declared.statusCode, 413, declared.body);
    assert.equal(json(declared).code, 'E_TOO_LARGE');
    // Sent without a length: refused once it runs over.
    const streamed = await s.call({
      method: 'POST',
      url: '/scenarios/hanoi-2019-dprk-proposal/run',
      role: 'analyst',
      headers: NDJSON,
      payload: Readable.from(big.match(/[^]{1,4096}/g)!),
    });
    assert.equal(streamed.statusCode, 413, streamed.body);
    const csv = await s.call({
      method: 'POST',
      url: '/trade/check',
      role: 'analyst',
      headers: { 'content-type': 'text/csv' },
      payload: 'id,date\n1,2020-01-01\n',
    });
    assert.equal(csv.statusCode, 415, csv.body);
    const match = await s.call({
      method: 'POST',
      url: '/match/default',
      headers: NDJSON,
      payload: '{}\n',
    });
    assert.equal(match.statusCode, 415, match.body);
  });

  test('POST /screen streams a CSV batch: the first lines arrive before the body ends, and they are the CLI lines', async () => {
    const names = ['Kim Jong Un', 'Korea Mining Development Trading Corporation', 'Jane Doe'];
    const rows = Array.from({ length: 60 }, (_, i) => `r${i},${names[i % names.length]}`);
    // A quote never closed (line 42): one bad row, reported at its line, the rows after it read.
    rows[40] = 'r40,"a quote never closed';
    const header = 'id,name\n';
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address) as unknown as AddressInfo;

    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/screen?id_col=id',
      headers: { 'content-type': 'text/csv', authorization: `ApiKey ${s.keys.read}` },
    });
    const response = new Promise<IncomingMessage>((done, fail) => {
      req.on('response', done);
      req.on('error', fail);
    });
    // Half the rows; the body stays open while the first answers are awaited.
    req.write(header + rows.slice(0, 30).join('\n') + '\n');
    const res = await response;
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/x-ndjson/);
    const received: Buffer[] = [];
    const first = new Promise<void>((done) => res.once('data', () => done()));
    res.on('data', (b: Buffer) => received.push(b));
    const ended = new Promise<void>((done) => res.on('end', done));
    // A server that waited for the whole body would never answer here: fail instead of hanging.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), 60_000)));
    assert.notEqual(await Promise.race([first, late]), 'late', 'no answer before the body ended');
    clearTimeout(timer);
    assert.ok(!req.writableEnded, 'the body was still open');
    const early = Buffer.concat(received).toString('utf8');
    assert.match(early, /"row":1,/);
    req.end(rows.slice(30).join('\n') + '\n');
    await ended;
    const answer = Buffer.concat(received)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Loose);
    const summary = answer.pop()!;
    assert.deepEqual(Object.keys(summary), ['summary']);

    const input = join(dir, 'batch.csv');
    const output = join(dir, 'batch.jsonl');
    writeFileSync(input, header + rows.join('\n') + '\n');
    const cli = embargo(
      s.home,
      'screen',
      '--input',
      input,
      '--output',
      output,
      '--id-col',
      'id',
      '--workers',
      '1',
    );
    assert.ok(cli.status === 0 || cli.status === 3, cli.stderr);
    const lines = readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Loose);
    assert.equal(answer.length, lines.length);
    assert.equal(summary.summary.rows, lines.length);
    assert.ok(summary.summary.failed >= 1, 'the unclosed quote is a bad row, reported');
    assert.ok(answer.some((l) => l.error && /line 42/.test(l.error.message)));
    assert.deepEqual(answer, lines);
  });
});
