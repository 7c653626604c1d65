import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  capPeriod,
  hsMatches,
  hsRelation,
  loadRegime,
  measureById,
  measuresInForce,
  windDownFor,
  type Measure,
} from './index.ts';

// The real UN DPRK regime as shipped in src/rules/regimes/dprk: one file per resolution.
const regime = loadRegime('dprk');
const RESOLUTIONS = [
  '1718',
  '1874',
  '2087',
  '2094',
  '2270',
  '2321',
  '2356',
  '2371',
  '2375',
  '2397',
];

/** Measures in force on `date` that move goods this way and cover the HS code wholly. */
// The UN resolutions' measures; the regime folder also holds the US acts (see us.test.ts).
const unActs = () => regime.acts.filter((a) => a.authority === 'un');
const unMeasures = () => regime.measures.filter((m) => m.authority === 'un');

const covering = (date: string, direction: Measure['direction'], hs: string): string[] =>
  measuresInForce(regime, date)
    .filter((m) => m.direction === direction && hsMatches(m.goods, hs))
    .map((m) => m.id);

test('the UN DPRK regime loads: ten resolutions, one file each', () => {
  assert.equal(regime.id, 'dprk');
  assert.deepEqual(
    unActs().map((a) => a.act.match(/S\/RES\/(\d+)/)?.[1]),
    RESOLUTIONS,
  );
  for (const a of unActs()) assert.ok(a.measures.length > 0, `${a.act} has measures`);
});

test('every measure cites its act, an operative paragraph, the verb and the words', () => {
  for (const m of unMeasures()) {
    const act = regime.acts.find((a) => a.measures.includes(m));
    assert.equal(m.citation.act, act?.act, m.id);
    assert.match(m.citation.paragraph, /^OP\d+(\([a-z]+\))*(\([ivx]+\))?$/, m.id);
    assert.ok(m.citation.text && m.citation.text.length > 20, `${m.id} quotes the text`);
    assert.ok(['decides', 'calls-upon'].includes(m.citation.force), m.id);
    assert.ok(
      m.id.startsWith(`un-${m.citation.act.slice(6, 10)}-`),
      `${m.id} is named after its act`,
    );
  }
});

test('S/RES/2321 OP46, 2371 OP26, 2375 OP26, 2397 OP25: the Committee may exempt any measure in force from 30 Nov 2016', () => {
  for (const m of unMeasures()) {
    if (m.ends !== undefined && m.ends <= '2016-11-30') continue;
    const power = m.exemptions?.find(
      (e) =>
        e.kind === 'committee-approval' &&
        /^OP(46|26|25)$/.test(e.citation.paragraph) &&
        /exempt any activity/.test(e.citation.text ?? ''),
    );
    assert.ok(power, `${m.id} carries the Committee's general exemption power`);
  }
});

test('calls-upon paragraphs are marked as such (1874 OP18–20, 2094 OP12, OP13, OP22)', () => {
  const hortatory = unMeasures()
    .filter((m) => m.citation.force === 'calls-upon')
    .map((m) => m.id);
  assert.deepEqual(hortatory.sort(), [
    'un-1874-op18-financial-services',
    'un-1874-op19-grants-loans',
    'un-1874-op20-public-trade-finance',
    'un-2094-op12-dprk-bank-branches',
    'un-2094-op13-offices-in-dprk',
    'un-2094-op22-catch-all',
    'un-2094-op22-catch-all-procurement',
  ]);
});

test('every HS mapping states its edition and source; only 2397 OP6 and OP7 cite the act itself', () => {
  for (const m of regime.measures) {
    if (!m.goods?.hs) continue;
    assert.equal(m.goods.hsEdition, 'HS2017', m.id);
    const fromAct = m.goods.hsSource?.inferred === false;
    assert.equal(
      fromAct,
      ['un-2397-op6-export-ban', 'un-2397-op7-supply-ban'].includes(m.id),
      m.id,
    );
  }
});

test('S/RES/2371 OP8: coal exports banned from 2017-08-05; none on 2015-06-01', () => {
  assert.deepEqual(covering('2015-06-01', 'export', '2701'), []);
  assert.deepEqual(covering('2018-03-10', 'export', '2701.12'), ['un-2371-op8-coal-export']);
  assert.deepEqual(covering('2017-08-05', 'export', '2701'), ['un-2371-op8-coal-export']);
  const coal = measureById(regime, 'un-2371-op8-coal-export');
  assert.equal(coal.effect, 'prohibited');
  assert.equal(coal.effective, '2017-08-05');
  assert.equal(windDownFor(coal, '2017-08-20', '2017-07-01'), undefined, 'no window for coal');
});

test('S/RES/2270 OP29 → 2321 OP26 → 2371 OP8: the coal chain replaces each step', () => {
  assert.deepEqual(covering('2016-06-01', 'export', '2701'), ['un-2270-op29-coal-export']);
  assert.deepEqual(covering('2016-12-15', 'export', '2701'), ['un-2321-op26-coal-export-2016']);
  assert.deepEqual(covering('2017-03-01', 'export', '2701'), ['un-2321-op26-coal-export']);
  assert.deepEqual(measureById(regime, 'un-2371-op8-coal-export').replaces, [
    'un-2321-op26-coal-export-2016',
    'un-2321-op26-coal-export',
  ]);
  assert.deepEqual(measureById(regime, 'un-2321-op26-coal-export').replaces, [
    'un-2270-op29-coal-export',
  ]);
});

test('S/RES/2321 OP26(b): coal cap for 2017 is US$400,870,018 or 7,500,000 t, whichever lower', () => {
  const cap = measureById(regime, 'un-2321-op26-coal-export').cap;
  assert.deepEqual(cap?.value, { amount: 400870018, currency: 'USD' });
  assert.deepEqual(cap?.quantity, { amount: 7500000, unit: 't' });
  assert.equal(cap?.combine, 'lower');
  const first = measureById(regime, 'un-2321-op26-coal-export-2016').cap;
  assert.deepEqual([first?.value?.amount, first?.quantity?.amount], [53495894, 1000866]);
});

test('S/RES/2371 OP8, OP9, OP10: iron, seafood and lead windows run to 2017-09-04 for contracts before adoption', () => {
  for (const id of [
    'un-2371-op8-iron-export',
    'un-2371-op9-seafood-export',
    'un-2371-op10-lead-export',
  ]) {
    const m = measureById(regime, id);
    assert.ok(windDownFor(m, '2017-09-04', '2017-07-01'), `${id} on the last day`);
    assert.equal(windDownFor(m, '2017-09-05', '2017-07-01'), undefined, `${id} after the window`);
  }
});

test('S/RES/2375 OP16: textiles banned from 2017-09-11; contracts before adoption may ship to 2017-12-10', () => {
  const [id, ...rest] = covering('2017-10-01', 'export', '6203.42');
  assert.equal(id, 'un-2375-op16-textiles-export');
  assert.deepEqual(rest, []);
  assert.deepEqual(covering('2017-10-01', 'export', '6109'), [id]);
  const textiles = measureById(regime, id);
  assert.equal(textiles.effective, '2017-09-11');
  assert.ok(windDownFor(textiles, '2017-10-01', '2017-08-01'), 'prior contract: in the window');
  assert.equal(windDownFor(textiles, '2017-10-01'), undefined, 'no contract date: no window');
  assert.ok(windDownFor(textiles, '2017-12-10', '2017-08-01'), 'last day of the window');
  assert.equal(windDownFor(textiles, '2017-12-11', '2017-08-01'), undefined, 'window over');
  assert.equal(
    windDownFor(textiles, '2017-10-01', '2017-09-11'),
    undefined,
    'contract on adoption day',
  );
});

test('S/RES/2397 OP7: industrial machinery into the DPRK (an excavator, HS 8429) is banned from 2017-12-22', () => {
  assert.deepEqual(covering('2018-06-15', 'import', '8429.52'), ['un-2397-op7-supply-ban']);
  assert.deepEqual(covering('2017-12-21', 'import', '8429.52'), []);
  const op7 = measureById(regime, 'un-2397-op7-supply-ban');
  assert.equal(op7.effect, 'prohibited');
  assert.equal(hsMatches(op7.goods, '77'), false, 'chapter 77 is reserved and not listed');
  for (const ch of ['72', '76', '83', '84', '85', '86', '89'])
    assert.ok(hsMatches(op7.goods, ch), ch);
});

test('S/RES/2397 OP6: exports of HS 12, 08, 07, 84, 85, 25, 44, 89 from the DPRK, window to 2018-01-21', () => {
  const op6 = measureById(regime, 'un-2397-op6-export-ban');
  for (const hs of ['1201', '0803', '0701', '8429', '8501', '2519', '4403', '8901'])
    assert.ok(hsMatches(op6.goods, hs), hs);
  assert.equal(hsMatches(op6.goods, '1006'), false, 'rice is chapter 10, not named');
  assert.ok(windDownFor(op6, '2018-01-21', '2017-12-01'));
  assert.equal(windDownFor(op6, '2018-01-22', '2017-12-01'), undefined);
});

test('rice (HS 1006) falls in no import ban of any UN resolution, on any date', () => {
  for (const date of ['2010-01-01', '2017-01-01', '2018-06-15', '2020-01-01']) {
    assert.deepEqual(covering(date, 'import', '1006.30'), [], date);
    for (const m of measuresInForce(regime, date).filter((x) => x.direction === 'import'))
      assert.equal(hsRelation(m.goods, '1006'), 'out', `${m.id} on ${date}`);
  }
});

test('S/RES/2375 OP13: LNG (HS 2711.11) is not a natural gas liquid; propane, butane and other 2711 liquids are', () => {
  const ngl = measureById(regime, 'un-2375-op13-condensates-ngl');
  assert.equal(hsMatches(ngl.goods, '2711.11'), false);
  assert.equal(hsMatches(ngl.goods, '2711.21'), false, 'natural gas in the gaseous state');
  for (const hs of ['2711.12', '2711.13', '2711.14', '2711.19', '2711.29'])
    assert.ok(hsMatches(ngl.goods, hs), hs);
  assert.equal(hsRelation(ngl.goods, '2711'), 'partial', 'the heading holds both');
  const lng2018 = measuresInForce(regime, '2018-06-15').filter(
    (m) =>
      m.direction === 'import' &&
      m.citation.act === 'S/RES/2375 (2017)' &&
      hsRelation(m.goods, '271111') !== 'out',
  );
  assert.deepEqual(lng2018, [], 'no 2375 measure reaches LNG');
});

test('S/RES/2397 OP5: refined petroleum capped at 500,000 bbl per year from 2018-01-01, under conditions', () => {
  const inForce = covering('2018-06-15', 'import', '2710.19');
  assert.deepEqual(inForce.sort(), [
    'un-2375-op14-refined-petroleum',
    'un-2397-op5-refined-petroleum',
  ]);
  const op5 = measureById(regime, 'un-2397-op5-refined-petroleum');
  assert.equal(op5.effect, 'conditional');
  assert.deepEqual(op5.cap?.quantity, { amount: 500000, unit: 'bbl' });
  assert.deepEqual(capPeriod(op5.cap!, '2018-06-15'), { from: '2018-01-01', to: '2018-12-31' });
  const op14 = measureById(regime, 'un-2375-op14-refined-petroleum');
  assert.deepEqual(op14.cap?.quantity, { amount: 2000000, unit: 'bbl' });
});

test('S/RES/2375 OP14: refined petroleum has no allowance 11–30 Sep 2017 and 500,000 bbl in Q4 2017', () => {
  const sep = measuresInForce(regime, '2017-09-20').filter((m) => hsMatches(m.goods, '2710'));
  assert.deepEqual(
    sep.map((m) => [m.id, m.effect]),
    [['un-2375-op14-refined-petroleum-2017-09', 'prohibited']],
  );
  const q4 = measureById(regime, 'un-2375-op14-refined-petroleum-2017q4');
  assert.deepEqual(q4.cap?.period, { from: '2017-10-01', to: '2017-12-31' });
  assert.equal(q4.cap?.quantity?.amount, 500000);
});

test('S/RES/2397 OP4: crude capped at 4,000,000 bbl or 525,000 t per twelve months from 2017-12-22', () => {
  const op4 = measureById(regime, 'un-2397-op4-crude-oil');
  assert.equal(op4.cap?.quantity?.amount, 4000000);
  const conv = op4.cap?.conversions?.[0];
  assert.equal(conv?.from, 't');
  assert.ok(Math.abs((conv?.factor ?? 0) * 525000 - 4000000) < 1e-6);
  assert.deepEqual(capPeriod(op4.cap!, '2018-12-21'), { from: '2017-12-22', to: '2018-12-21' });
});

test('S/RES/2397 OP16: the Rajin-Khasan coal carve-out switches off every 2397 measure', () => {
  for (const m of regime.measures.filter((x) => x.citation.act === 'S/RES/2397 (2017)'))
    assert.ok(
      m.exemptions?.some((e) => e.kind === 'rajin-transit' && e.citation.paragraph === 'OP16'),
      m.id,
    );
});

test('S/RES/2375 OP18: existing joint ventures close within 120 days (2018-01-09)', () => {
  const jv = measureById(regime, 'un-2375-op18-joint-ventures');
  assert.ok(windDownFor(jv, '2018-01-09', '2017-01-01'));
  assert.equal(windDownFor(jv, '2018-01-10', '2017-01-01'), undefined);
});

test('S/RES/2270 OP6 ("shall also apply"): extends 1874 OP10, which stays in force beside it from 2016-03-02', () => {
  const arms2015 = measuresInForce(regime, '2015-06-01').map((m) => m.id);
  assert.ok(arms2015.includes('un-1874-op10-arms-supply'));
  const arms2017 = measuresInForce(regime, '2017-06-01').map((m) => m.id);
  assert.ok(arms2017.includes('un-2270-op6-arms-supply'));
  assert.ok(arms2017.includes('un-1874-op10-arms-supply'));
  const op6 = measureById(regime, 'un-2270-op6-arms-supply');
  assert.deepEqual(op6.extends, ['un-1874-op10-arms-supply', 'un-1874-op10-salw-notification']);
  assert.equal(op6.replaces, undefined);
});
