/**
 * End-to-end: `embargo scenario impact` and `scenario compare` through the CLI on the shipped trade
 * baseline ($EMBARGO_DATA_DIR/trade, read in place): issue 15's "Done when".
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { ImpactComparison, Range, ScenarioImpact, Trace } from '../../src/engine/index.ts';
import { embargo, tempDir } from '../helpers/cli.ts';
import { needsTrade, tradeDir } from '../helpers/data.ts';

const sum = (xs: Range[]): Range =>
  xs.reduce((a, b) => ({ low: a.low + b.low, high: a.high + b.high }), { low: 0, high: 0 });

describe('scenario impact and compare on the shipped trade baseline', needsTrade(), () => {
  const home = tempDir();
  const impacts: Record<string, ScenarioImpact> = {};
  let compare: ImpactComparison;
  const lines = new Map<string, string[]>();
  const lineOf = (t: Trace) => {
    if (!lines.has(t.file))
      lines.set(t.file, readFileSync(join(tradeDir(), t.file), 'utf8').split(/\r?\n/));
    return lines.get(t.file)![t.line - 1] ?? '';
  };

  before(() => {
    for (const id of ['hanoi-2019-dprk-proposal', 'hanoi-2019-us-account']) {
      const r = embargo(home, 'scenario', 'impact', id, '--authority', 'un', '--json');
      assert.equal(r.status, 0, r.stderr);
      impacts[id] = JSON.parse(r.stdout) as ScenarioImpact;
    }
    const c = embargo(
      home,
      ...['scenario', 'compare', 'hanoi-2019-dprk-proposal', 'hanoi-2019-us-account'],
      ...['--authority', 'un', '--json'],
    );
    assert.equal(c.status, 0, c.stderr);
    compare = JSON.parse(c.stdout) as ImpactComparison;
  });

  for (const id of ['hanoi-2019-dprk-proposal', 'hanoi-2019-us-account']) {
    test(`${id}: per-measure and per-chapter figures sum to the totals (lows to the low, highs to the high)`, () => {
      const i = impacts[id]!;
      assert.equal(i.baseline.year, 2016);
      assert.ok(i.totals.income.high > 0, 'the scenario re-opens some income');
      assert.deepEqual(sum(i.by_measure.map((s) => s.income)), i.totals.income);
      assert.deepEqual(sum(i.by_measure.map((s) => s.income_goods)), i.totals.income_goods);
      assert.deepEqual(sum(i.by_measure.map((s) => s.income_streams)), i.totals.income_streams);
      assert.deepEqual(sum(i.by_measure.map((s) => s.supplies)), i.totals.supplies);
      assert.deepEqual(sum(i.by_measure.map((s) => s.fuel_bbl.refined)), i.totals.fuel_bbl.refined);
      assert.deepEqual(sum(i.by_measure.map((s) => s.fuel_bbl.crude)), i.totals.fuel_bbl.crude);
      const ch = (k: string) => i.by_chapter.filter((c) => c.kind === k).map((c) => c.reopened);
      assert.deepEqual(sum(ch('exports')), i.totals.income_goods);
      assert.deepEqual(sum(ch('imports')), i.totals.supplies);
    });

    test(`${id}: every figure is traceable to a baseline row (file and line) and its source`, () => {
      const i = impacts[id]!;
      const files = new Set(i.baseline.files.map((f) => f.name));
      const used = [
        ...i.by_chapter.flatMap((c) => c.rows),
        ...i.fuel.filter((f) => f.lifted.length).flatMap((f) => f.rows),
        ...i.streams.filter((s) => s.lifted.length).flatMap((s) => s.rows),
      ];
      assert.ok(i.by_chapter.every((c) => c.rows.length > 0));
      assert.ok(used.length > 0);
      for (const t of used) {
        assert.ok(files.has(t.file), `${t.file} is a baseline file`);
        const line = lineOf(t);
        assert.ok(line.includes(t.source_url), `${t.file}:${t.line} carries ${t.source_url}`);
        assert.ok(line.includes(String(t.value)), `${t.file}:${t.line} carries ${t.value}`);
        // An annual figure is never a partial-period or estimated row of the trade files.
        if (!t.file.includes('income')) assert.ok(!/\[(PARTIAL|ESTIMATE)/.test(line), line);
      }
      // No row is dropped silently: each is a figure, context, or counted as not used.
      for (const f of i.rows) {
        assert.equal(f.in_figures + f.in_context + f.not_used, f.rows, f.file);
        assert.ok(f.not_used >= 0 && f.in_figures > 0, f.file);
      }
      // Income beyond goods rests on estimates, and says so.
      for (const s of i.streams.filter((x) => x.lifted.length)) {
        assert.ok(s.estimate);
        assert.ok(s.rows.every((t) => t.tag === 'ESTIMATE'));
      }
    });

    test(`${id}: a chapter only partly covered is a range from 0, never one number`, () => {
      const i = impacts[id]!;
      const partial = i.by_chapter.filter((c) => c.partial);
      assert.ok(
        partial.length > 0,
        'HS 27 imports (mineral fuels) are only partly capped or banned',
      );
      for (const c of partial) {
        assert.equal(c.reopened.low, 0);
        assert.ok(c.reopened.high > 0);
      }
      assert.ok(partial.some((c) => c.key === 'imports:27'));
    });

    test(`${id}: measures with no annual figure say "no baseline figure", with partial and estimated rows shown as such`, () => {
      const i = impacts[id]!;
      const iron = i.measures.find((m) => m.id === 'un-2371-op8-iron-export')!;
      assert.equal(iron.status, 'no baseline figure');
      assert.deepEqual(iron.figures, []);
      assert.ok(iron.context.length > 0);
      assert.ok(iron.context.every((t) => t.tag !== undefined || t.year !== '2016'));
      const seafood = i.measures.find((m) => m.id === 'un-2371-op9-seafood-export')!;
      // Seafood has no annual 2016 goods figure: only fishing rights (an estimate) re-open.
      assert.deepEqual(seafood.figures, ['stream:fishing rights']);
      assert.match(seafood.reason, /no baseline figure/);
      assert.ok(seafood.context.some((t) => t.tag === 'PARTIAL'));
    });
  }

  test('the refined-petroleum caps lifted give barrels a year against the 2016 supply', () => {
    const refined = impacts['hanoi-2019-dprk-proposal']!.fuel.find((f) => f.key === 'refined')!;
    assert.equal(refined.cap.before, 500_000);
    assert.equal(refined.cap.after, null);
    assert.ok(refined.supply!.low > 500_000);
    assert.deepEqual(refined.reopened_bbl, {
      low: refined.supply!.low - 500_000,
      high: refined.supply!.high - 500_000,
    });
  });

  test('compare lists the measures on which the two accounts differ, and the value at stake in each', () => {
    assert.equal(compare.a.id, 'hanoi-2019-dprk-proposal');
    assert.equal(compare.b.id, 'hanoi-2019-us-account');
    assert.ok(compare.measures.length > 0);
    // The US account adds the labour measures; their value at stake is the workers' income.
    const workers = impacts['hanoi-2019-us-account']!.streams.find(
      (s) => s.label === 'overseas workers',
    )!;
    const labour = compare.gap.find((g) => g.differing.includes('un-2397-op8-repatriate-workers'))!;
    assert.ok(labour, 'the workers repatriation is on the gap');
    assert.deepEqual(labour.difference.income, workers.reopened);
    assert.ok(labour.difference.income.low > 0);
    for (const m of compare.measures)
      if (m.gap.length === 0)
        assert.notEqual(m.status, 'reopens', `${m.id} has a figure but no gap`);
    // The gap adds up to the difference of the totals.
    assert.deepEqual(
      sum(compare.gap.map((g) => g.difference.income)),
      compare.totals.difference.income,
    );
    assert.deepEqual(
      sum(compare.gap.map((g) => g.difference.supplies)),
      compare.totals.difference.supplies,
    );
  });

  test('compare as text names the differing measures and the dollars', () => {
    const r = embargo(
      home,
      'scenario',
      'compare',
      'hanoi-2019-dprk-proposal',
      'hanoi-2019-us-account',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /where they differ/);
    assert.match(r.stdout, /S\/RES\/2397 \(2017\) OP8/);
    assert.match(r.stdout, /\$\d[\d,.]*(–[\d,.]+)? mn/);
  });

  test('impact as text shows "no baseline figure" rows as such', () => {
    const r = embargo(home, 'scenario', 'impact', 'hanoi-2019-dprk-proposal');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /no baseline figure/);
    assert.match(r.stdout, /PARTIAL/);
  });
});

describe('scenario impact without a baseline', () => {
  test('a missing baseline folder is a clear error naming it, exit 3', () => {
    const home = tempDir();
    const missing = join(home, 'no-such-trade');
    const r = embargo(
      home,
      'scenario',
      'impact',
      'hanoi-2019-dprk-proposal',
      '--baseline',
      missing,
    );
    assert.equal(r.status, 3);
    assert.ok(r.stderr.includes(missing), r.stderr);
    assert.equal(r.stdout, '');
  });

  test('an unknown scenario is refused, exit 3', () => {
    const r = embargo(tempDir(), 'scenario', 'impact', 'no-such-scenario');
    assert.equal(r.status, 3);
    assert.match(r.stderr, /no-such-scenario/);
  });
});
