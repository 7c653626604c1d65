/**
 * The trade baseline and scenario impact on a baseline of invented figures
 * (test/fixtures/trade-baseline/), against the shipped DPRK regime and Hanoi scenarios.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { EmbargoError } from '../../core/index.ts';
import { loadRegime } from '../load.ts';
import { loadScenario } from '../scenario.ts';
import { loadBaseline } from './baseline.ts';
import { compareImpacts } from './compare.ts';
import { scenarioImpact, type Range, type ScenarioImpact } from './impact.ts';

const FIXTURE = resolve(fileURLToPath(import.meta.url), '../../../../test/fixtures/trade-baseline');
const regime = loadRegime('dprk');
const baseline = loadBaseline(FIXTURE);
const dprk = scenarioImpact(regime, loadScenario('hanoi-2019-dprk-proposal'), baseline);
const us = scenarioImpact(regime, loadScenario('hanoi-2019-us-account'), baseline);

const M = 1_000_000;
const r = (low: number, high = low): Range => ({ low, high });
const sum = (xs: Range[]): Range => xs.reduce((a, b) => r(a.low + b.low, a.high + b.high), r(0));

function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-baseline-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('loadBaseline', () => {
  test('reads the year from the file names and versions the baseline by its files', () => {
    assert.equal(baseline.year, 2016);
    assert.deepEqual(
      baseline.files.map((f) => [f.name, f.rows]),
      [
        ['SOURCES.md', 0],
        ['dprk-exports-2016.csv', 7],
        ['dprk-imports-2016.csv', 4],
        ['fuel.csv', 3],
        ['other-income.csv', 4],
      ],
    );
    assert.match(baseline.version, /^[0-9a-f]{64}$/);
    const changed = loadBaseline(copyWith('fuel.csv', (t) => t.replace('4500000', '4600000')));
    assert.notEqual(changed.version, baseline.version);
  });

  test('keeps each row’s line and source, and the [PARTIAL] tag of its description', () => {
    const seafood = baseline.exports.find((x) => x.hs_chapter === '03;16')!;
    assert.equal(seafood.line, 6);
    assert.equal(seafood.tag, 'PARTIAL');
    assert.equal(seafood.source_url, 'https://example.org/seafood');
  });

  test('a missing folder is NOT_FOUND naming it', () => {
    assert.throws(
      () => loadBaseline('/nonexistent/trade'),
      (e: EmbargoError) => e.code === 'E_NOT_FOUND' && /\/nonexistent\/trade/.test(e.message),
    );
  });

  test('a value that is not a number is refused naming the file, line and field', () => {
    const dir = copyWith('dprk-imports-2016.csv', (t) => t.replace('60000000', '60 million'));
    assert.throws(
      () => loadBaseline(dir),
      (e: EmbargoError) =>
        e.code === 'E_INPUT_REFUSED' &&
        e.line === 3 &&
        e.field === 'value_usd' &&
        /dprk-imports-2016\.csv:3: value_usd/.test(e.message),
    );
  });

  test('a row with a missing column is refused naming its line', () => {
    const dir = copyWith('fuel.csv', (t) =>
      t.replace(',estimate (test),https://example.org/crude', ',https://example.org/crude'),
    );
    assert.throws(
      () => loadBaseline(dir),
      (e: EmbargoError) =>
        e.code === 'E_INPUT_REFUSED' && e.line === 3 && /fuel\.csv:3/.test(e.message),
    );
  });

  test('a row without a source is refused', () => {
    const dir = copyWith('other-income.csv', (t) => t.replace('https://example.org/fishing', ''));
    assert.throws(
      () => loadBaseline(dir),
      (e: EmbargoError) => e.field === 'source_url' && e.line === 4,
    );
  });

  test('a baseline without its SOURCES.md is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-baseline-'));
    for (const f of [
      'dprk-exports-2016.csv',
      'dprk-imports-2016.csv',
      'fuel.csv',
      'other-income.csv',
    ])
      cpSync(join(FIXTURE, f), join(dir, f));
    assert.throws(
      () => loadBaseline(dir),
      (e: EmbargoError) => /SOURCES\.md/.test(e.message),
    );
  });
});

describe('scenarioImpact on invented figures', () => {
  const flow = (i: ScenarioImpact, key: string) => i.flows.find((f) => f.key === key)!;

  test('coal from two disagreeing sources re-opens as their range, under S/RES/2371 (2017) OP8', () => {
    const coal = flow(dprk, 'exports:2701');
    assert.equal(coal.status, 'reopened');
    assert.deepEqual(coal.reopened, r(500 * M, 520 * M));
    assert.deepEqual(coal.lifted, ['un-2371-op8-coal-export']);
    assert.deepEqual(
      coal.rows.map((x) => `${x.file}:${x.line}`),
      ['dprk-exports-2016.csv:3', 'dprk-exports-2016.csv:4'],
    );
  });

  test('a chapter the lifted measures cover only in part (27 against 2709/2710/2711) is a range from 0', () => {
    const fuels = flow(dprk, 'imports:27');
    assert.equal(fuels.status, 'partly reopened');
    assert.ok(fuels.partial);
    assert.deepEqual(fuels.reopened, r(0, 100 * M));
  });

  test('a chapter no measure covers is not blocked, and re-opens nothing', () => {
    const coffee = flow(dprk, 'imports:09');
    assert.equal(coffee.status, 'not blocked');
    assert.deepEqual(coffee.reopened, r(0));
  });

  test('partial-period rows are not summed: seafood has no baseline figure as goods', () => {
    assert.ok(!dprk.flows.some((f) => f.key.includes('03')));
    const iron = dprk.measures.find((m) => m.id === 'un-2371-op8-iron-export')!;
    assert.equal(iron.status, 'no baseline figure');
    // The seafood ban re-opens fishing rights, yet its goods have only a partial-period row.
    const seafood = dprk.measures.find((m) => m.id === 'un-2371-op9-seafood-export')!;
    assert.equal(seafood.status, 'reopens');
    assert.deepEqual(seafood.figures, ['stream:fishing rights']);
    assert.match(seafood.reason, /no baseline figure/);
    assert.deepEqual(
      seafood.context.map((c) => [c.line, c.tag]),
      [[6, 'PARTIAL']],
    );
    assert.deepEqual(
      iron.context.map((c) => `${c.file}:${c.line}`),
      ['dprk-exports-2016.csv:8'],
    );
  });

  test('TOTAL and n/a rows are kept as context, never dropped', () => {
    assert.deepEqual(
      dprk.context.totals.map((c) => c.line),
      [2],
    );
    assert.deepEqual(
      dprk.context.unmapped.map((c) => `${c.file}:${c.line}`),
      ['dprk-imports-2016.csv:5'],
    );
    assert.equal(dprk.context.not_relief.length, 1);
  });

  test('every baseline row is accounted for: an annual figure, context, or not used', () => {
    assert.deepEqual(
      dprk.rows.map((x) => [x.file, x.rows, x.in_figures, x.in_context, x.not_used]),
      [
        ['dprk-exports-2016.csv', 7, 4, 3, 0],
        ['dprk-imports-2016.csv', 4, 3, 1, 0],
        ['fuel.csv', 3, 2, 0, 1],
        ['other-income.csv', 4, 2, 2, 0],
      ],
    );
  });

  test('the refined-petroleum caps lifted re-open the pre-cap supply above the 500,000 bbl cap', () => {
    const refined = dprk.fuel.find((f) => f.key === 'refined')!;
    assert.equal(refined.cap.before, 500_000);
    assert.equal(refined.cap.after, null);
    assert.deepEqual(refined.reopened_bbl, r(4_000_000));
    const crude = dprk.fuel.find((f) => f.key === 'crude')!;
    assert.equal(crude.status, 'cap above supply');
    assert.deepEqual(crude.reopened_bbl, r(0));
  });

  test('workers’ income re-opens only where the labour measures are lifted (the US account)', () => {
    const w = (i: ScenarioImpact) => i.streams.find((s) => s.label === 'overseas workers')!;
    assert.equal(w(dprk).status, 'still blocked');
    assert.equal(w(us).status, 'reopened');
    assert.deepEqual(w(us).reopened, r(500 * M));
    assert.ok(w(us).estimate);
    assert.deepEqual(
      w(us).context.map((c) => c.line),
      [3],
    );
  });

  for (const impact of [dprk, us])
    test(`${impact.scenario.id}: sums by measure and by chapter equal the totals`, () => {
      const t = impact.totals;
      assert.deepEqual(sum(impact.by_measure.map((s) => s.income)), t.income);
      assert.deepEqual(sum(impact.by_measure.map((s) => s.income_goods)), t.income_goods);
      assert.deepEqual(sum(impact.by_measure.map((s) => s.income_streams)), t.income_streams);
      assert.deepEqual(sum(impact.by_measure.map((s) => s.supplies)), t.supplies);
      assert.deepEqual(sum(impact.by_measure.map((s) => s.fuel_bbl.refined)), t.fuel_bbl.refined);
      const ch = (k: string) =>
        impact.by_chapter.filter((c) => c.kind === k).map((c) => c.reopened);
      assert.deepEqual(sum(ch('exports')), t.income_goods);
      assert.deepEqual(sum(ch('imports')), t.supplies);
    });

  test('the totals are the invented figures the lifted measures reach', () => {
    // Coal 500–520 + textiles 200 + earth and stone 40 (2397 OP6); fishing rights 70.
    assert.deepEqual(dprk.totals.income_goods, r(740 * M, 760 * M));
    assert.deepEqual(dprk.totals.income_streams, r(70 * M));
    // Vehicles 60 (2397 OP7) + mineral fuels 0–100.
    assert.deepEqual(dprk.totals.supplies, r(60 * M, 160 * M));
  });

  test('read before the scenario starts, nothing re-opens', () => {
    const early = scenarioImpact(regime, loadScenario('hanoi-2019-dprk-proposal'), baseline, {
      asOf: '2019-02-01',
    });
    assert.deepEqual(early.totals.income, r(0));
    assert.equal(early.by_measure.length, 0);
  });

  test('under US authority the US bans on all trade still block every flow', () => {
    const both = scenarioImpact(regime, loadScenario('hanoi-2019-us-account'), baseline, {
      authorities: ['un', 'us'],
    });
    assert.deepEqual(both.totals.income_goods, r(0));
    assert.equal(flow(both, 'exports:2701').status, 'still blocked');
    assert.ok(flow(both, 'exports:2701').still.includes('us-eo13570-sec1-imports'));
    const coal = both.measures.find((m) => m.id === 'un-2371-op8-coal-export')!;
    assert.equal(coal.status, 'nothing re-opened');
    assert.match(coal.reason, /us-eo13570-sec1-imports/);
    // Fuel too: EO 13722 bans every US export, whatever the UN caps.
    const refined = both.fuel.find((f) => f.key === 'refined')!;
    assert.equal(refined.status, 'still blocked');
    assert.deepEqual(refined.reopened_bbl, r(0));
    assert.ok(refined.still.includes('us-eo13722-sec3a-i-exports'));
  });
});

describe('compareImpacts', () => {
  const c = compareImpacts(dprk, us);

  test('the two Hanoi accounts differ by the labour measures, and the workers’ income at stake', () => {
    assert.deepEqual(
      c.gap.map((g) => g.key),
      [
        'un-2371-op11-work-authorizations-freeze+un-2375-op17-work-authorizations+un-2397-op8-repatriate-workers',
      ],
    );
    assert.deepEqual(c.gap[0]!.difference.income, r(500 * M));
    assert.deepEqual(c.totals.difference.income, r(500 * M));
    const labour = c.measures.filter((m) => m.gap.length > 0).map((m) => m.id);
    assert.deepEqual(labour, [
      'un-2371-op11-work-authorizations-freeze',
      'un-2375-op17-work-authorizations',
      'un-2397-op8-repatriate-workers',
    ]);
    assert.ok(c.measures.every((m) => m.lifted_by === 'b'));
  });

  test('measures lifted by one account with no baseline figure say so, not zero', () => {
    const finance = c.measures.find((m) => m.id === 'un-2321-op32-trade-finance')!;
    assert.equal(finance.status, 'not in the baseline');
    assert.deepEqual(finance.gap, []);
  });
});
