import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegime, measureById, measuresInForce } from './index.ts';
import {
  applyScenario,
  liftedMeasures,
  listScenarios,
  loadScenario,
  validateScenario,
} from './scenario.ts';

const regime = loadRegime('dprk');
const dprk = loadScenario('hanoi-2019-dprk-proposal');
const usAccount = loadScenario('hanoi-2019-us-account');
const ids = (s: typeof dprk): string[] => liftedMeasures(s, regime).map((l) => l.id);
const inForce = (s: typeof dprk, date: string): string[] =>
  applyScenario(regime, s, date).map((m) => m.id);

test('both Hanoi scenarios load, from 2019-03-01', () => {
  assert.deepEqual(listScenarios(), ['hanoi-2019-dprk-proposal', 'hanoi-2019-us-account']);
  assert.equal(dprk.from, '2019-03-01');
  assert.equal(usAccount.from, '2019-03-01');
  assert.throws(() => loadScenario('hanoi-2020'), /no scenario/);
});

test('DPRK proposal: lifts 2371 OP8 coal and 2397 OP6, by tag and marked as inferred', () => {
  const lifted = liftedMeasures(dprk, regime);
  for (const id of ['un-2371-op8-coal-export', 'un-2397-op6-export-ban', 'un-2397-op4-crude-oil']) {
    const l = lifted.find((x) => x.id === id);
    assert.ok(l, id);
    assert.equal(l.by, 'tag');
    assert.equal(l.inferred, true, 'that the five resolutions are 2270–2397 is an inference');
  }
  const acts = new Set(lifted.map((l) => measureById(regime, l.id).citation.act));
  assert.deepEqual([...acts].sort(), [
    'S/RES/2270 (2016)',
    'S/RES/2321 (2016)',
    'S/RES/2371 (2017)',
    'S/RES/2375 (2017)',
    'S/RES/2397 (2017)',
  ]);
});

test('DPRK proposal: 1718 OP8 arms, luxury goods and every designation stay', () => {
  const lifted = ids(dprk);
  assert.ok(!lifted.includes('un-1718-op8a-i-arms-supply'));
  assert.ok(!lifted.includes('un-1718-op8a-iii-luxury-supply'));
  for (const id of lifted) {
    const m = measureById(regime, id);
    for (const tag of ['arms', 'wmd', 'luxury', 'designation'] as const)
      assert.ok(!m.tags.includes(tag), `${id} carries ${tag}`);
    assert.equal(m.authority, 'un', `${id}: US measures are not lifted`);
  }
  assert.ok(!lifted.includes('un-2321-op8-leasing-chartering-crew'), 'maritime is not sectoral');
  assert.ok(!lifted.includes('un-2371-op12-joint-ventures-new'), 'nor are joint ventures');
});

test('US account: also lifts 2321 OP8 leasing/crew and 2371 OP12 joint ventures, not arms, luxury or designations', () => {
  const lifted = ids(usAccount);
  for (const id of [
    'un-2371-op8-coal-export',
    'un-2397-op6-export-ban',
    'un-2321-op8-leasing-chartering-crew',
    'un-2371-op12-joint-ventures-new',
    'un-2397-op8-repatriate-workers',
    'un-2270-op33-dprk-bank-branches',
  ])
    assert.ok(lifted.includes(id), id);
  for (const id of lifted) {
    const m = measureById(regime, id);
    for (const tag of ['arms', 'wmd', 'luxury', 'designation'] as const)
      assert.ok(!m.tags.includes(tag), `${id} carries ${tag}`);
    assert.equal(m.authority, 'un', id);
    const act = regime.acts.find((a) => a.measures.includes(m));
    assert.ok((act?.adopted ?? '') >= '2016-03-01', `${id} adopted from March 2016`);
  }
  for (const id of [
    'un-1718-op8a-i-arms-supply',
    'un-2094-op11-financial-services',
    'un-2270-op32-government-asset-freeze',
    'un-2371-op6-designated-vessels-port-entry',
    'us-eo13810-sec2-vessel-180-day',
  ])
    assert.ok(!lifted.includes(id), `${id} stays`);
  assert.ok(
    ids(dprk).every((id) => lifted.includes(id)),
    'the US account contains the DPRK one',
  );
});

test('nothing is lifted before 2019-03-01', () => {
  for (const s of [dprk, usAccount]) {
    for (const date of ['2018-06-15', '2019-02-28'])
      assert.deepEqual(
        inForce(s, date),
        measuresInForce(regime, date).map((m) => m.id),
        date,
      );
    assert.ok(inForce(s, '2019-02-28').includes('un-2371-op8-coal-export'));
    assert.ok(!inForce(s, '2019-03-01').includes('un-2371-op8-coal-export'));
  }
});

test('lifting 2371 OP8 coal does not revive 2321 OP26 or 2270 OP29', () => {
  for (const s of [dprk, usAccount]) {
    const after = inForce(s, '2019-06-01');
    for (const id of [
      'un-2321-op26-coal-export',
      'un-2321-op26-coal-export-2016',
      'un-2270-op29-coal-export',
    ])
      assert.ok(!after.includes(id), `${s.id}: ${id}`);
    assert.ok(after.includes('un-1718-op8a-i-arms-supply'), 'arms stay in force');
    assert.ok(after.includes('un-1718-op8a-iii-luxury-supply'), 'luxury stays in force');
  }
});

test('a scenario must cite sources and select by id or tag; ids must exist in the regime', () => {
  const raw = JSON.parse(JSON.stringify(dprk)) as Record<string, unknown> & {
    lifts: Record<string, unknown>[];
  };
  delete raw.lifts[0]!.sources;
  assert.throws(
    () => validateScenario(raw, 'x.json'),
    /x\.json: \/lifts\/0\/sources \(lifts\[0\]\.sources\): sources is required/,
  );
  const badTag = JSON.parse(JSON.stringify(dprk)) as typeof raw;
  badTag.lifts[0]!.tags = ['coal'];
  assert.throws(
    () => validateScenario(badTag, 'x.json'),
    /\/lifts\/0\/tags\/0 \(lifts\[0\]\.tags\[0\]\): unknown tag "coal" \(allowed: arms, /,
  );
  const noSelector = JSON.parse(JSON.stringify(dprk)) as typeof raw;
  delete noSelector.lifts[0]!.tags;
  assert.throws(() => validateScenario(noSelector, 'x.json'), /by ids or by tags/);
  const byId = { ...dprk, lifts: [{ ...dprk.lifts[0]!, tags: undefined, ids: ['un-9999-op1'] }] };
  assert.throws(() => liftedMeasures(byId, regime), /no measure un-9999-op1/);
  const one = {
    ...dprk,
    lifts: [{ ...dprk.lifts[0]!, tags: undefined, ids: ['un-2397-op6-export-ban'] }],
  };
  assert.deepEqual(liftedMeasures(one, regime), [
    { id: 'un-2397-op6-export-ban', rule: 0, by: 'id', inferred: true },
  ]);
  assert.throws(() => liftedMeasures({ ...dprk, regime: 'iran' }, regime), /not dprk/);
});
