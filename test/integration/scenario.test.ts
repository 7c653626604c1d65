/**
 * End-to-end: `embargo scenario list|show|run` and `trade check --scenario` through the CLI,
 * against the real UN list (2026-02-27), on test/fixtures/trade/scenario-book.jsonl: a book that
 * touches every measure tag, with one shipper designated by the UN (KOMID, KPe.001).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import type { ScenarioRun, ScenarioView, TradeVerdict } from '../../src/engine/index.ts';
import { embargo, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

const book = resolve(fileURLToPath(import.meta.url), '../../fixtures/trade/scenario-book.jsonl');

describe('scenario run on the real UN list', needsData('un_sc', '2026-02-27'), () => {
  const home = tempDir();
  let dprk: ScenarioRun;
  let us: ScenarioRun;

  before(() => {
    const load = embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27'));
    assert.equal(load.status, 0, load.stderr);
    const run = (id: string) => {
      const r = embargo(home, 'scenario', 'run', id, '--authority', 'un', '--book', book, '--json');
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as ScenarioRun;
    };
    dprk = run('hanoi-2019-dprk-proposal');
    us = run('hanoi-2019-us-account');
  });

  const tx = (r: ScenarioRun, id: string) => {
    const t = r.transactions.find((x) => x.id === id);
    assert.ok(t, `no transaction ${id} in the run`);
    return t;
  };

  test('the invented names of the book hit nothing on the UN list: only the designated shipper does', () => {
    assert.equal(dprk.totals.transactions, 16);
    assert.equal(dprk.errors.length, 0);
    const hits = dprk.transactions.flatMap((t) =>
      t.reasons.before.filter((r) => r.kind === 'designation').map(() => t.id),
    );
    assert.deepEqual(hits, ['coal-designated']);
  });

  test('issue 4 step 7: under hanoi-2019-dprk-proposal, coal from the DPRK after 2019-03-01 flips BLOCK → CLEAR, S/RES/2371 (2017) OP8 lifted', () => {
    const t = tx(dprk, 'coal-2019-06');
    assert.equal(t.before, 'BLOCK');
    assert.equal(t.after, 'CLEAR');
    assert.ok(t.changed);
    assert.deepEqual(
      t.lifted.map((l) => l.citation),
      ['S/RES/2371 (2017) OP8'],
    );
    const m = dprk.by_measure.find((s) => s.key === 'un-2371-op8-coal-export')!;
    assert.equal(m.count, 1);
    assert.equal(m.value.USD, 640000);
    assert.ok(dprk.by_chapter.some((s) => s.key === '27' && s.count >= 1));
  });

  test('coal before the scenario date (2019-02-15) stays BLOCK: the scenario lifts from 2019-03-01', () => {
    const t = tx(dprk, 'coal-2019-02');
    assert.equal(t.before, 'BLOCK');
    assert.equal(t.after, 'BLOCK');
    assert.deepEqual(t.lifted, []);
  });

  test('coal with a designated shipper (KOMID, KPe.001) stays BLOCK under S/RES/1718 (2006) OP8(d): designations are kept', () => {
    const t = tx(dprk, 'coal-designated');
    assert.equal(t.before, 'BLOCK');
    assert.equal(t.after, 'BLOCK');
    assert.ok(!t.changed);
    const r = t.reasons.after.find((x) => x.kind === 'designation')!;
    assert.equal(r.verdict, 'BLOCK');
    assert.equal(r.citation, 'S/RES/1718 (2006) OP8(d)');
    assert.ok(r.hits!.some((h) => h.id === 'un_sc-KPe.001'));
    // The coal ban itself is lifted; the listing keeps the verdict.
    assert.ok(!t.reasons.after.some((x) => x.measure === 'un-2371-op8-coal-export'));
  });

  test('arms (HS 93) both ways never flip under either scenario: S/RES/2270 (2016) OP6 and S/RES/1718 (2006) OP8(b) stay', () => {
    for (const r of [dprk, us])
      for (const id of ['arms-in', 'arms-out']) {
        const t = tx(r, id);
        assert.equal(t.before, t.after, `${r.scenario.id} ${id}`);
        assert.ok(!t.changed);
        assert.deepEqual(t.lifted, []);
      }
    const cites = tx(dprk, 'arms-in').reasons.after.map((x) => x.citation);
    // Cartridges (9306.30) are small-arms ammunition: outside 1718 OP8(a)(i)'s categories, within
    // 2270 OP6's "all arms and related materiel, including small arms and light weapons" (issue 14).
    assert.ok(cites.includes('S/RES/2270 (2016) OP6'));
    assert.ok(
      tx(dprk, 'arms-out').reasons.after.some((x) => x.citation === 'S/RES/1718 (2006) OP8(b)'),
    );
    assert.ok(!dprk.by_chapter.some((s) => s.key === '93'));
  });

  test('the sectoral bans of 2016–2017 flip: textiles, seafood, machinery into the DPRK BLOCK → CLEAR; refined petroleum and crude REVIEW → CLEAR', () => {
    for (const id of ['textiles', 'seafood', 'machinery']) {
      assert.equal(tx(dprk, id).before, 'BLOCK', id);
      assert.equal(tx(dprk, id).after, 'CLEAR', id);
    }
    for (const id of ['refined-petroleum', 'crude']) {
      assert.equal(tx(dprk, id).before, 'REVIEW', id);
      assert.equal(tx(dprk, id).after, 'CLEAR', id);
    }
  });

  test('the charter of a DPRK-flagged vessel (S/RES/2321 (2016) OP8, S/RES/2371 (2017) OP7) flips under the US account only', () => {
    const d = tx(dprk, 'charter');
    assert.equal(d.before, 'BLOCK');
    assert.equal(d.after, 'BLOCK');
    const u = tx(us, 'charter');
    assert.equal(u.before, 'BLOCK');
    assert.equal(u.after, 'CLEAR');
    assert.deepEqual(u.lifted.map((l) => l.citation).sort(), [
      'S/RES/2321 (2016) OP8',
      'S/RES/2371 (2017) OP7',
    ]);
    assert.equal(us.totals.changed, dprk.totals.changed + 1);
  });

  test('the readable table names the flipped transactions and the sums; --output writes the JSON', () => {
    const out = join(tempDir(), 'run.json');
    const r = embargo(
      home,
      'scenario',
      'run',
      'hanoi-2019-dprk-proposal',
      '--authority',
      'un',
      '--book',
      book,
      '--output',
      out,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /coal-2019-06\s+2019-06-10\s+270112 Anthracite\s+BLOCK → CLEAR\s+S\/RES\/2371 \(2017\) OP8/,
    );
    assert.match(r.stdout, /^by measure:/m);
    assert.match(r.stdout, /^by HS chapter:/m);
    assert.doesNotMatch(r.stdout, /^coal-designated /m);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as ScenarioRun;
    assert.deepEqual(saved.totals, dprk.totals);
  });

  test('trade check --scenario judges with the scenario applied', () => {
    const file = join(tempDir(), 'coal.json');
    writeFileSync(file, readFileSync(book, 'utf8').split('\n')[0]!);
    const check = (...a: string[]) => {
      const r = embargo(home, 'trade', 'check', file, ...a, '--json');
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as TradeVerdict;
    };
    assert.equal(check().verdict, 'BLOCK');
    assert.equal(check('--scenario', 'hanoi-2019-dprk-proposal').verdict, 'CLEAR');
  });
});

describe('scenario list and show', () => {
  test('list names both Hanoi scenarios with their dates', () => {
    const r = embargo(tempDir(), 'scenario', 'list', '--json');
    assert.equal(r.status, 0, r.stderr);
    const all = JSON.parse(r.stdout) as { id: string; from: string }[];
    assert.deepEqual(
      all.map((s) => `${s.id} ${s.from}`),
      ['hanoi-2019-dprk-proposal 2019-03-01', 'hanoi-2019-us-account 2019-03-01'],
    );
  });

  test('show lists the lifted measure ids with the rule, its sources and the inferred flag', () => {
    const r = embargo(tempDir(), 'scenario', 'show', 'hanoi-2019-dprk-proposal', '--json');
    assert.equal(r.status, 0, r.stderr);
    const v = JSON.parse(r.stdout) as ScenarioView;
    const coal = v.lifted.find((l) => l.id === 'un-2371-op8-coal-export')!;
    assert.equal(coal.citation, 'S/RES/2371 (2017) OP8');
    assert.equal(coal.inferred, true);
    assert.equal(coal.by, 'tag');
    assert.ok(v.rules[coal.rule]!.sources.length > 0);
    assert.ok(!v.lifted.some((l) => l.tags.includes('arms') || l.tags.includes('designation')));
    assert.ok(!v.lifted.some((l) => l.id === 'un-2371-op7-charter-dprk-flagged'));
    const text = embargo(tempDir(), 'scenario', 'show', 'hanoi-2019-us-account');
    assert.equal(text.status, 0, text.stderr);
    assert.match(
      text.stdout,
      /un-2371-op7-charter-dprk-flagged\s+S\/RES\/2371 \(2017\) OP7\s+0\s+tag\s+no/,
    );
  });

  test('an unknown scenario id is refused with exit 3, naming it', () => {
    for (const args of [
      ['show', 'hanoi-2020'],
      ['run', 'hanoi-2020', '--book', book],
    ]) {
      const r = embargo(tempDir(), 'scenario', ...args);
      assert.equal(r.status, 3, r.stderr);
      assert.match(r.stderr, /no scenario "hanoi-2020"/);
    }
    const file = join(tempDir(), 'coal.json');
    writeFileSync(file, readFileSync(book, 'utf8').split('\n')[0]!);
    const t = embargo(tempDir(), 'trade', 'check', file, '--scenario', 'hanoi-2020');
    assert.equal(t.status, 3, t.stderr);
    assert.match(t.stderr, /no scenario "hanoi-2020"/);
  });
});
