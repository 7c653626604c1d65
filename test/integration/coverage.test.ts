/**
 * End-to-end (issue 11, points 1 to 3): Embargo never answers "no match" or CLEAR when it could
 * not look. With no list it refuses (exit 3, E_NOT_READY); with a list missing, stale, or an
 * authority without measures, the verdict is REVIEW and says what the analyst must confirm; every
 * answer carries the snapshots it was judged on.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { ScreenResponse } from '../../src/core/index.ts';
import type { SourceStatus, TradeVerdict } from '../../src/engine/index.ts';
import { embargo, embargoEnv, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

const dir = tempDir();
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const payment = (id: string, payee: string) => ({
  id,
  date: '2024-06-01',
  kind: 'payment',
  parties: [
    { role: 'payer', name: 'Acme Trading GmbH', country: 'DE' },
    { role: 'payee', name: payee },
  ],
});
const komid = write(
  'komid.json',
  payment('pay-komid', 'Korea Mining Development Trading Corporation'),
);
const yakima = write('yakima.json', payment('pay-yakima', 'Yakima Trading Corporation'));
const innocent = write('innocent.json', payment('pay-bakery', 'Dupont Boulangerie SARL'));
const coal = join(import.meta.dirname, '../fixtures/trade/coal-2018.json');

/** Whole UTC days from a list date to today: what `lists status` and verdicts must say. */
const ageOf = (date: string) =>
  Math.round(
    (Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) -
      Date.parse(`${date}T00:00:00Z`)) /
      86_400_000,
  );

const errorOf = (stderr: string) =>
  (JSON.parse(stderr.trim().split('\n').pop()!) as { error: { code: string; message: string } })
    .error;

describe('issue 11 point 1: with no list loaded, Embargo refuses instead of answering', () => {
  const home = tempDir();

  test('`screen "Kim Jong Un" --fail-on-match` exits 3 saying no lists are loaded (it was "no candidates", exit 0)', () => {
    const r = embargo(home, 'screen', 'Kim Jong Un', '--fail-on-match');
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /no lists are loaded/);
    assert.equal(r.stdout, '');
    const j = embargo(home, 'screen', 'Kim Jong Un', '--json');
    assert.equal(j.status, 3);
    assert.equal(j.stdout, '');
    assert.equal(errorOf(j.stderr).code, 'E_NOT_READY');
  });

  test('a batch is refused before a row is written (it wrote match=false for every row)', () => {
    const input = write('names.csv', 'name\nKim Jong Un\nYakima Trading Corporation\n');
    const output = join(dir, 'names.out.csv');
    const r = embargo(home, 'screen', '--input', input, '--output', output, '--json');
    assert.equal(r.status, 3, r.stderr);
    assert.equal(errorOf(r.stderr).code, 'E_NOT_READY');
    assert.equal(existsSync(output), false);
  });

  test('`trade check` on a payment to KOMID is never CLEAR: exit 3 E_NOT_READY, for a book too', () => {
    const r = embargo(home, 'trade', 'check', komid, '--fail-on', 'review', '--json');
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(errorOf(r.stderr).code, 'E_NOT_READY');
    assert.match(errorOf(r.stderr).message, /no lists are loaded/);
    const book = write(
      'book.jsonl',
      JSON.stringify(payment('b1', 'Korea Mining Development Trading Corporation')) + '\n',
    );
    const out = join(dir, 'book.out.jsonl');
    const b = embargo(home, 'trade', 'check', '--input', book, '--output', out);
    assert.equal(b.status, 3, b.stderr);
    assert.match(b.stderr, /no lists are loaded/);
    assert.equal(existsSync(out), false);
  });

  test('compare needs no list and still answers', () => {
    const r = embargo(home, 'compare', 'Kim Jong Un', 'Kim Jong-un');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /match/);
  });
});

describe('issue 11 points 2 and 3: only un_sc loaded', needsData('un_sc', '2026-02-27'), () => {
  const home = tempDir();
  const UN = 'un_sc@2026-02-27';
  const off = { EMBARGO_MAX_LIST_AGE_DAYS: '0' };
  const week = { EMBARGO_MAX_LIST_AGE_DAYS: '7' };
  const check = (env: Record<string, string | undefined>, ...args: string[]) => {
    const r = embargoEnv(home, env, 'trade', 'check', ...args, '--json');
    return { ...r, v: (r.stdout ? JSON.parse(r.stdout) : undefined) as TradeVerdict };
  };

  before(() => {
    const r = embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27'));
    assert.equal(r.status, 0, r.stderr);
  });

  test('--authority us on Yakima Trading Corporation (SDN) is REVIEW naming ofac_sdn as missing (it was US: CLEAR)', () => {
    const r = check(off, yakima, '--authority', 'us', '--fail-on', 'review');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.v.verdict, 'REVIEW');
    const us = r.v.by_authority.us!;
    assert.equal(us.verdict, 'REVIEW');
    const reason = us.reasons.find((x) => x.kind === 'coverage')!;
    assert.match(reason.detail, /ofac_sdn is not loaded/);
    assert.match(reason.detail, /confirm/);
    assert.deepEqual(r.v.coverage!.missing, ['ofac_sdn']);
    assert.deepEqual(
      r.v.coverage!.snapshots.map((s) => s.id),
      [UN],
    );
  });

  test('--authority eu,uk on DPRK coal in 2018: EU and UK REVIEW "no measures loaded"; un,eu keeps the UN BLOCK', () => {
    const r = check(off, coal, '--authority', 'eu,uk');
    assert.equal(r.status, 0, r.stderr);
    for (const a of ['eu', 'uk'] as const) {
      assert.equal(r.v.by_authority[a]!.verdict, 'REVIEW', a);
      assert.ok(
        r.v.by_authority[a]!.reasons.some((x) =>
          /no measures loaded for this authority/.test(x.detail),
        ),
        a,
      );
    }
    assert.equal(r.v.verdict, 'REVIEW');
    const both = check(off, coal, '--authority', 'un,eu');
    assert.equal(both.v.by_authority.un!.verdict, 'BLOCK');
    assert.equal(both.v.by_authority.eu!.verdict, 'REVIEW');
    assert.equal(both.v.verdict, 'BLOCK');
  });

  test('a verdict records the snapshots it was judged on (KOMID under the UN: BLOCK on un_sc)', () => {
    const r = check(off, komid);
    assert.equal(r.v.verdict, 'BLOCK');
    assert.deepEqual(r.v.coverage!.snapshots, [
      {
        id: UN,
        source: 'un_sc',
        list_date: '2026-02-27',
        age_days: ageOf('2026-02-27'),
        stale: false,
      },
    ]);
    assert.deepEqual(r.v.coverage!.missing, []);
    assert.equal(r.v.coverage!.max_age_days, null);
    assert.ok(!r.v.reasons.some((x) => x.kind === 'coverage'));
  });

  test('a stale list is flagged by `lists status` (loaded from files, too) in text and JSON', () => {
    const r = embargoEnv(home, week, 'lists', 'status', '--json');
    assert.equal(r.status, 0, r.stderr);
    const un = (JSON.parse(r.stdout) as SourceStatus[]).find((s) => s.source === 'un_sc')!;
    assert.equal(un.stale, true);
    assert.equal(un.ageDays, ageOf('2026-02-27'));
    assert.equal(un.maxAgeDays, 7);
    // Never downloaded: its age counts from the list date, so an alert on it fires (was null).
    assert.ok(un.freshness.staleSeconds! >= ageOf('2026-02-27') * 86_400);
    const text = embargoEnv(home, week, 'lists', 'status');
    assert.match(text.stdout, /un_sc@2026-02-27 .* \d+d STALE/);
    assert.match(text.stdout, /stale \(list older than 7 days.*\): un_sc@2026-02-27/);
  });

  test('screening against a stale list answers, with a warning and the staleness in coverage', () => {
    const r = embargoEnv(
      home,
      week,
      'screen',
      'Korea Mining Development Trading Corporation',
      '--json',
    );
    assert.equal(r.status, 0, r.stderr);
    const body = JSON.parse(r.stdout) as ScreenResponse & { warnings?: string[] };
    assert.equal(body.results[0]!.id, 'un_sc-KPe.001');
    assert.ok(
      body.warnings?.some((w) => new RegExp(`^${UN} is \\d+ days old \\(more than 7\\)`).test(w)),
      JSON.stringify(body.warnings),
    );
    assert.deepEqual(body.coverage!.stale, [
      { source: 'un_sc', id: UN, age_days: ageOf('2026-02-27') },
    ]);
    const text = embargoEnv(home, week, 'screen', 'Kim Jong Un');
    assert.match(text.stdout, /^warning: un_sc@2026-02-27 is \d+ days old/m);
    assert.match(text.stdout, /un_sc@2026-02-27 \(\d+ d, STALE\)/);
  });

  test('a verdict relying on a stale list is REVIEW naming it; a BLOCK stays BLOCK', () => {
    assert.equal(check(off, innocent).v.verdict, 'CLEAR');
    const r = check(week, innocent, '--fail-on', 'review');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.v.verdict, 'REVIEW');
    const reason = r.v.by_authority.un!.reasons.find((x) => x.kind === 'coverage')!;
    assert.match(reason.detail, /un_sc@2026-02-27 is \d+ days old \(more than 7\)/);
    assert.equal(r.v.coverage!.stale[0]!.id, UN);
    assert.equal(check(week, komid).v.verdict, 'BLOCK');
  });

  test('lists.maxAgeDays in the configuration sets the age; the environment wins; a bad value is named', () => {
    const cfgHome = home;
    writeFileSync(join(cfgHome, 'config.json'), JSON.stringify({ lists: { maxAgeDays: 36500 } }));
    try {
      const status = (env: Record<string, string | undefined>) =>
        (
          JSON.parse(embargoEnv(cfgHome, env, 'lists', 'status', '--json').stdout) as SourceStatus[]
        ).find((s) => s.source === 'un_sc')!;
      assert.equal(status({ EMBARGO_MAX_LIST_AGE_DAYS: undefined }).stale, false);
      assert.equal(status({ EMBARGO_MAX_LIST_AGE_DAYS: undefined }).maxAgeDays, 36500);
      assert.equal(status(week).stale, true);
      writeFileSync(join(cfgHome, 'config.json'), JSON.stringify({ lists: { maxAgeDays: -1 } }));
      const bad = embargoEnv(cfgHome, { EMBARGO_MAX_LIST_AGE_DAYS: undefined }, 'lists', 'status');
      assert.equal(bad.status, 2);
      // The field in words and as a JSON pointer, the range expected and the value given.
      assert.match(
        bad.stderr,
        /lists\.maxAgeDays \(\/lists\/maxAgeDays\): expected a whole number from 0 to 36500, got -1/,
      );
      const env = embargoEnv(cfgHome, { EMBARGO_MAX_LIST_AGE_DAYS: 'soon' }, 'screen', 'x');
      assert.equal(env.status, 2);
      assert.match(env.stderr, /EMBARGO_MAX_LIST_AGE_DAYS=soon/);
    } finally {
      writeFileSync(join(cfgHome, 'config.json'), '{}');
    }
  });
});
