/**
 * End-to-end: `embargo screen` and `embargo compare` against the real UN and OFAC lists.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CompareResponse, ScreenResponse } from '../../src/core/index.ts';
import { embargo, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

describe('screen and compare on the real lists', needsData('un_sc', '2026-02-27'), () => {
  const home = tempDir();

  before(() => {
    assert.equal(
      embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27')).status,
      0,
    );
    assert.equal(
      embargo(home, 'lists', 'load', 'ofac_sdn', listPath('ofac_sdn', '2024-05-03')).status,
      0,
    );
  });

  const json = <T>(...args: string[]): { status: number | null; body: T; stderr: string } => {
    const r = embargo(home, ...args, '--json');
    return {
      status: r.status,
      body: (r.stdout ? JSON.parse(r.stdout) : undefined) as T,
      stderr: r.stderr,
    };
  };

  test('finds Kim Jong Un on the SDN list, in Hangul too, with the response shape of the issue', () => {
    for (const name of ['Kim Jong Un', '김정은']) {
      const { status, body } = json<ScreenResponse>('screen', name, '--schema', 'Person');
      assert.equal(status, 0);
      const top = body.results[0]!;
      assert.equal(top.caption, 'KIM, Jong Un', name);
      assert.equal(top.match, true);
      assert.ok(top.programs.some((p) => p.startsWith('DPRK')));
      for (const k of [
        'id',
        'schema',
        'caption',
        'properties',
        'datasets',
        'score',
        'match',
        'explanations',
        'matched_name',
        'programs',
      ])
        assert.ok(k in top, k);
      assert.deepEqual(Object.keys(body).sort(), [
        'algorithm',
        'coverage',
        'engine_version',
        'input',
        'results',
        'snapshots',
        'threshold',
      ]);
      assert.deepEqual(body.snapshots.sort(), ['ofac_sdn@2024-05-03', 'un_sc@2026-02-27']);
      assert.equal(body.algorithm, 'embargo');
    }
  });

  test('--fail-on-match exits 1 on a match and 0 otherwise; --source restricts the lists', () => {
    assert.equal(embargo(home, 'screen', 'Kim Jong Un', '--fail-on-match').status, 1);
    assert.equal(embargo(home, 'screen', 'Kim Jong Un').status, 0);
    assert.equal(embargo(home, 'screen', 'Maria Gonzalez Fernandez', '--fail-on-match').status, 0);
    const un = json<ScreenResponse>('screen', 'Kim Jong Un', '--source', 'un_sc');
    assert.ok(un.body.results.every((r) => r.datasets[0] === 'un_sc'));
    assert.deepEqual(un.body.snapshots, ['un_sc@2026-02-27']);
  });

  test('a vessel is found by its IMO number under another name', () => {
    const none = json<ScreenResponse>(
      'screen',
      'SOME OTHER NAME',
      '--schema',
      'Vessel',
      '--limit',
      '1',
    );
    assert.equal(none.body.results[0]?.match ?? false, false);
    const { body } = json<ScreenResponse>(
      'screen',
      'SOME OTHER NAME',
      '--schema',
      'Vessel',
      '--imo',
      'IMO 7937317',
    );
    assert.equal(body.results[0]!.caption, 'CHONG CHON GANG');
    assert.equal(body.results[0]!.match, true);
    assert.ok(body.results[0]!.score >= 0.99);
  });

  test('--algorithm ofac uses its own threshold; --threshold overrides it', () => {
    const o = json<ScreenResponse>('screen', 'Vladimir Putin', '--algorithm', 'ofac');
    assert.equal(o.body.algorithm, 'ofac');
    assert.equal(o.body.threshold, 0.85);
    const t = json<ScreenResponse>('screen', 'Kim Jong Un', '--threshold', '0.99');
    assert.equal(t.body.threshold, 0.99);
    assert.equal(t.body.results[0]!.match, false);
  });

  test('compare scores two names and explains the score', () => {
    const { status, body } = json<CompareResponse>(
      'compare',
      'Vladimir Putin',
      'PUTIN, Vladimir Vladimirovich',
    );
    assert.equal(status, 0);
    assert.deepEqual(Object.keys(body).sort(), [
      'algorithm',
      'explanations',
      'match',
      'name1',
      'name2',
      'schema',
      'score',
    ]);
    assert.equal(body.match, true);
    assert.ok(body.explanations.tokens.some((t) => t.query === 'putin' && t.list === 'putin'));
    const text = embargo(home, 'compare', 'Иван Иванов', 'Ivan Ivanov');
    assert.equal(text.status, 0);
    assert.match(text.stdout, /translit/);
  });

  test('bad queries exit 2 naming the field; nothing crashes', () => {
    const cases: [string[], RegExp][] = [
      [['screen', '   '], /no name/],
      [['screen', 'Kim', '--dob', '1984-02-30'], /birthDate/],
      [['screen', 'Kim', '--schema', 'Spaceship'], /unknown schema/],
      [['screen', 'Kim', '--source', 'nowhere'], /unknown source/],
      [['screen', 'Kim', '--country', 'Atlantis'], /nationality "Atlantis"/],
      [['screen', 'Kim', '--limit', '0'], /--limit/],
      [['compare', 'only one'], /two names/],
    ];
    for (const [args, message] of cases) {
      const r = embargo(home, ...args, '--json');
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(JSON.parse(r.stderr).error.message, message);
    }
    const long = json<ScreenResponse & { warnings: string[] }>('screen', 'A'.repeat(5000));
    assert.equal(long.status, 0);
    assert.match(long.body.warnings.join(), /cut to 300/);
  });
});
