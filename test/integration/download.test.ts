/**
 * End-to-end: `lists update` downloads lists from a local server that publishes the real files
 * and misbehaves on purpose; every bad download is refused with exit 3 and the active snapshot
 * untouched; unchanged files make no snapshot; `lists changes` lists what an update removed;
 * `lists watch` refreshes on a schedule and stops on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ListChange, RefreshOutcome, SourceStatus } from '../../src/engine/index.ts';
import type { Snapshot } from '../../src/store/index.ts';
import { tempDir, type CliResult } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';
import { startListServer, type Behaviour, type ListServer } from '../helpers/listServer.ts';

const bin = resolve(fileURLToPath(import.meta.url), '../../../bin/embargo.js');
const env = (home: string) => ({ ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '1' });

/**
 * Runs the CLI without blocking this process: the list server lives in it, so the synchronous
 * runner of helpers/cli.ts would leave every request unanswered.
 */
function cli(home: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(home) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** JSON outcomes of one `lists update --json` (the outcomes are on stdout whatever the exit). */
async function update(
  home: string,
  ...args: string[]
): Promise<{ status: number | null; outcomes: RefreshOutcome[]; stderr: string }> {
  const r = await cli(home, 'lists', 'update', ...args, '--json');
  assert.ok(r.stdout.trim(), `no outcomes; exit ${r.status}; stderr: ${r.stderr}`);
  return { status: r.status, outcomes: JSON.parse(r.stdout) as RefreshOutcome[], stderr: r.stderr };
}

async function status(home: string, source: string): Promise<SourceStatus> {
  const r = await cli(home, 'lists', 'status', '--json');
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as SourceStatus[]).find((s) => s.source === source)!;
}

const DATE_ID = /@\d{4}-\d{2}-\d{2}(\.\d+)?$/;

describe('lists update against a local list server', needsData('us_bis_dpl', '2022-09-07'), () => {
  const home = tempDir();
  const DPL = '/lists/us_bis_dpl/2022-09-07/dpl.txt';
  let server: ListServer;
  let good: Snapshot;

  before(async () => {
    server = await startListServer();
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({
        sources: {
          us_bis_dpl: {
            urls: { dpl: server.url(DPL) },
            timeoutMs: 500,
            retries: 2,
            backoffMs: 10,
          },
        },
      }),
    );
  });
  after(() => server.close());

  /** Asserts that an update under `behaviour` is refused, naming file, url and `reason`. */
  async function assertRefused(behaviour: Behaviour, reason: RegExp): Promise<RefreshOutcome> {
    server.behave(DPL, behaviour);
    try {
      const r = await update(home, '--source', 'us_bis_dpl');
      assert.equal(r.status, 3, r.stderr);
      const [o] = r.outcomes;
      assert.equal(o!.outcome, 'refused');
      assert.equal(o!.file, 'dpl.txt');
      assert.equal(o!.url, server.url(DPL));
      assert.match(o!.message!, reason);
      assert.ok(o!.message!.includes(server.url(DPL)), o!.message);
      const s = await status(home, 'us_bis_dpl');
      assert.deepEqual(s.active, good, 'the active snapshot is unchanged');
      assert.equal(s.snapshots.length, 1);
      assert.equal(s.freshness.lastOutcome, 'refused');
      assert.ok(s.freshness.lastSuccessAt! < s.freshness.lastAttemptAt!);
      assert.deepEqual(readdirSync(join(home, 'downloads')), [], 'no download is left behind');
      return o!;
    } finally {
      server.behave(DPL, { kind: 'normal' });
    }
  }

  test('a good download activates, with its address and the day of download', async () => {
    const r = await update(home, '--source', 'us_bis_dpl');
    assert.equal(r.status, 0, r.stderr);
    const [o] = r.outcomes;
    assert.equal(o!.outcome, 'activated', o!.message);
    good = o!.snapshot!;
    assert.match(good.id, DATE_ID);
    assert.equal(good.dateOrigin, 'download');
    assert.equal(good.files[0]!.path, server.url(DPL));
    assert.equal(good.files[0]!.records, 581);
    assert.equal(o!.delta?.previous, null);
    assert.equal(server.requests.at(-1)!.status, 200);
    const s = await status(home, 'us_bis_dpl');
    assert.deepEqual(s.active, good);
    assert.equal(s.freshness.lastOutcome, 'activated');
    assert.ok(s.freshness.lastSuccessAt);
    assert.ok(s.freshness.staleSeconds! >= 0);
    assert.deepEqual(readdirSync(join(home, 'downloads')), []);
  });

  test('a second update sends a conditional request; the 304 makes no snapshot', async () => {
    const r = await update(home, '--source', 'us_bis_dpl');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.outcomes[0]!.outcome, 'unchanged');
    const last = server.requests.at(-1)!;
    assert.ok(last.ifNoneMatch, 'If-None-Match was sent');
    assert.equal(last.status, 304);
    assert.equal((await status(home, 'us_bis_dpl')).snapshots.length, 1);
  });

  test('the same file served in full again (no 304) is recognised by its sha256', async () => {
    server.behave(DPL, { kind: 'unconditional' });
    const r = await update(home, '--source', 'us_bis_dpl');
    server.behave(DPL, { kind: 'normal' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.outcomes[0]!.outcome, 'unchanged');
    assert.match(r.outcomes[0]!.message!, new RegExp(`identical to ${good.id}`));
    assert.equal(server.requests.at(-1)!.status, 200);
    assert.equal((await status(home, 'us_bis_dpl')).snapshots.length, 1);
  });

  test('a 500 is retried, and the update succeeds once the server recovers', async () => {
    const before = server.requests.length;
    server.behave(DPL, { kind: 'status', status: 500, times: 2 });
    const r = await cli(home, 'lists', 'update', '--source', 'us_bis_dpl');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /HTTP 500.*retry 1/);
    assert.match(r.stderr, /us_bis_dpl: unchanged/);
    assert.deepEqual(
      server.requests.slice(before).map((q) => q.status),
      [500, 500, 304],
    );
  });

  test('a server that keeps failing is refused after the retries', async () => {
    const before = server.requests.length;
    await assertRefused({ kind: 'status', status: 503, times: 99 }, /HTTP 503.*3 attempts/);
    assert.equal(server.requests.length - before, 3);
  });

  test('a 4xx is refused at once, without retries', async () => {
    const before = server.requests.length;
    await assertRefused({ kind: 'status', status: 404, times: 99 }, /HTTP 404/);
    assert.equal(server.requests.length - before, 1);
  });

  test('a server slower than the timeout is refused, before or during the body', async () => {
    await assertRefused({ kind: 'stall', ms: 3000 }, /timed out: no response within 500 ms/);
    await assertRefused({ kind: 'slow', ms: 3000 }, /timed out: no data within 500 ms/);
  });

  test('a body cut short of its Content-Length is refused as truncated', async () => {
    await assertRefused({ kind: 'truncated' }, /truncated/);
  });

  test('an HTML error page served with 200 is refused', async () => {
    await assertRefused({ kind: 'html' }, /HTML page/);
  });

  test('a file that does not parse as the list is refused by the parser', async () => {
    server.mount(DPL, listPath('ofac_sdn', '2024-05-03', 'sdn.csv'));
    try {
      const o = await assertRefused({ kind: 'normal' }, /not the BIS Denied Persons List/);
      const error = o.error as unknown as { code: string; file: string; line: number };
      assert.equal(error.code, 'E_INPUT_REFUSED');
      assert.equal(
        error.file,
        server.url(DPL),
        'the error names the address, not a temporary file',
      );
      assert.equal(error.line, 1);
    } finally {
      server.mount(DPL, listPath('us_bis_dpl', '2022-09-07', 'dpl.txt'));
    }
  });

  test('the human output names the source, the file, the address and the reason', async () => {
    server.behave(DPL, { kind: 'html' });
    const r = await cli(home, 'lists', 'update', '--source', 'us_bis_dpl');
    server.behave(DPL, { kind: 'normal' });
    assert.equal(r.status, 3);
    assert.ok(
      r.stderr.includes(`us_bis_dpl: refused dpl.txt (${server.url(DPL)}): an HTML page`),
      r.stderr,
    );
    const st = await cli(home, 'lists', 'status');
    assert.match(st.stdout, /us_bis_dpl: last attempt refused at .*HTML page/);
  });

  test('a source asked for without an address is a usage error', async () => {
    const r = await cli(home, 'lists', 'update', '--source', 'uk_ofsi');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /uk_ofsi: no download address.*sources\.uk_ofsi\.urls/);
  });

  test('lists watch refreshes at once and again, survives a refused round, stops on SIGTERM', async () => {
    // The first round's three attempts fail; the second round finds the file unchanged.
    server.behave(DPL, { kind: 'status', status: 500, times: 3 });
    const child = spawn(
      process.execPath,
      [bin, 'lists', 'watch', '--every', '200ms', '--source', 'us_bis_dpl', '--json'],
      { env: env(home) },
    );
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let buffered = '';
    const twoRounds = new Promise<void>((done, fail) => {
      const guard = setTimeout(() => fail(new Error(`no two rounds; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as Record<string, unknown>);
        if (lines.filter((l) => l.event === 'refresh').length >= 2) {
          clearTimeout(guard);
          done();
        }
      });
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      await twoRounds;
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    server.behave(DPL, { kind: 'normal' });
    const rounds = lines.filter((l) => l.event === 'refresh');
    assert.deepEqual(
      rounds.slice(0, 2).map((l) => [l.round, l.outcome]),
      [
        [1, 'refused'],
        [2, 'unchanged'],
      ],
    );
    assert.equal(lines[0]!.event, 'started');
    assert.equal(lines.at(-1)!.event, 'stopped');
    assert.deepEqual(readdirSync(join(home, 'downloads')), []);
  });

  test('a bad --every, or a source without an address, stops lists watch with exit 2', async () => {
    const r = await cli(home, 'lists', 'watch', '--every', 'soon');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--every soon/);
    const w = await cli(home, 'lists', 'watch', '--every', '1s', '--source', 'uk_ofsi');
    assert.equal(w.status, 2);
    assert.match(w.stderr, /uk_ofsi: no download address/);
  });
});

describe(
  'lists update refuses a shrunken list and records what each activation changed',
  needsData('ofac_sdn', '2024-05-03'),
  () => {
    const home = tempDir();
    const work = tempDir('embargo-shrunk-');
    const SDN = '/sdn/sdn.csv';
    let server: ListServer;
    let shrunk: string;

    before(async () => {
      server = await startListServer();
      // The 2024-05-03 list with every tenth entry dropped (generated here, never committed).
      const lines = readFileSync(listPath('ofac_sdn', '2024-05-03', 'sdn.csv'), 'latin1').split(
        '\n',
      );
      shrunk = join(work, 'sdn.csv');
      writeFileSync(
        shrunk,
        lines.filter((_, i) => i % 10 !== 5 || i === lines.length - 1).join('\n'),
        'latin1',
      );
      // Only the CSV set is on hand: point ofac_sdn's download at it by configuration.
      writeFileSync(
        join(home, 'config.json'),
        JSON.stringify({
          sources: {
            ofac_sdn: { formatId: 'csv', urls: { primary: server.url(SDN) }, retries: 0 },
          },
        }),
      );
    });
    after(() => server.close());

    test('the 2024-05-02 list activates as the first snapshot', async () => {
      server.mount(SDN, listPath('ofac_sdn', '2024-05-02', 'sdn.csv'));
      const r = await update(home, '--source', 'ofac_sdn');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.outcomes[0]!.outcome, 'activated');
      assert.equal(r.outcomes[0]!.snapshot!.entityCount, 14973);
    });

    test('a list 10% shorter is refused before activation, unless --force', async () => {
      const active = (await status(home, 'ofac_sdn')).active;
      server.mount(SDN, shrunk);
      const r = await update(home, '--source', 'ofac_sdn');
      assert.equal(r.status, 3, r.stderr);
      const o = r.outcomes[0]!;
      assert.equal(o.outcome, 'refused');
      assert.equal(o.url, server.url(SDN));
      assert.match(o.message!, /1\d{4} entities, 10\.\d% fewer than the 14973 of the active/);
      assert.match(o.message!, /maxShrink.*--force/);
      const s = await status(home, 'ofac_sdn');
      assert.deepEqual(s.active, active);
      assert.equal(s.snapshots.length, 1);
    });

    test('the 2024-05-03 list activates, recording the 8 entries it removed', async () => {
      server.mount(SDN, listPath('ofac_sdn', '2024-05-03', 'sdn.csv'));
      const r = await update(home, '--source', 'ofac_sdn');
      assert.equal(r.status, 0, r.stderr);
      const o = r.outcomes[0]!;
      assert.equal(o.outcome, 'activated');
      assert.deepEqual(
        [o.delta?.added, o.delta?.removed, o.delta?.changed],
        [0, 8, 0],
        JSON.stringify(o.delta),
      );
    });

    test('lists changes --since 2024-05-01 lists the 8 removed entries', async () => {
      const r = await cli(home, 'lists', 'changes', '--since', '2024-05-01', '--json');
      assert.equal(r.status, 0, r.stderr);
      const changes = JSON.parse(r.stdout) as ListChange[];
      assert.equal(changes.length, 2);
      assert.equal(changes[0]!.previous, null, 'the first snapshot records no changes');
      const second = changes[1]!;
      assert.equal(second.previous, changes[0]!.snapshot);
      assert.equal(second.removed.length, 8);
      assert.equal(second.removed.filter((e) => e.schema === 'Airplane').length, 7);
      assert.deepEqual([second.added.length, second.changed.length], [0, 0]);
      const text = await cli(home, 'lists', 'changes', '--since', '2024-05-01');
      assert.equal(text.stdout.split('\n').filter((l) => l.startsWith('- ofac_sdn-')).length, 8);
      const later = await cli(home, 'lists', 'changes', '--since', '2099-01-01', '--json');
      assert.deepEqual(JSON.parse(later.stdout), []);
    });

    test('--force activates the shrunken list', async () => {
      server.mount(SDN, shrunk);
      const r = await update(home, '--source', 'ofac_sdn', '--force');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.outcomes[0]!.outcome, 'activated');
      assert.ok(r.outcomes[0]!.delta!.removed > 1400);
    });
  },
);

describe('mirror loads record their changes too', needsData('ofac_sdn', '2024-05-03'), () => {
  const home = tempDir();

  test('an activation records against the active snapshot; an older list loaded later records nothing', async () => {
    for (const date of ['2024-05-03', '2024-05-02']) {
      const r = await cli(home, 'lists', 'load', 'ofac_sdn', listPath('ofac_sdn', date));
      assert.equal(r.status, 0, r.stderr);
    }
    const r = await cli(home, 'lists', 'changes', '--since', '2024-05-01', '--json');
    assert.equal(r.status, 0, r.stderr);
    const changes = JSON.parse(r.stdout) as ListChange[];
    assert.deepEqual(
      changes.map((c) => [c.snapshot, c.previous]),
      [['ofac_sdn@2024-05-03', null]],
    );
  });
});
