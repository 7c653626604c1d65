/**
 * Issue 14: one test per finding, each on a hand-written transaction, titled with the paragraph
 * whose words decide it. Each failed on the main branch before issue 14.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegime } from '../load.ts';
import type { Scenario } from '../scenario.ts';
import { judge, type JudgeContext } from './judge.ts';
import { parseTransaction, type TxParty } from './transaction.ts';
import type { ListHit, Reason, TradeVerdict } from './verdict.ts';

const regime = loadRegime('dprk');

function context(listed: Record<string, ListHit> = {}, extra: Partial<JudgeContext> = {}) {
  return {
    regime,
    authorities: ['un'],
    screenParty: (p: TxParty) => (listed[p.name] ? [listed[p.name]!] : []),
    vesselByImo: () => [],
    ...extra,
  } satisfies JudgeContext;
}

const parties = [
  { role: 'exporter', name: 'Acme Trading', country: 'CN' },
  { role: 'importer', name: 'Korea Import Co', country: 'KP' },
];

/** A shipment from China into North Korea of these goods on this date. */
const into = (date: string, goods: unknown[], over: Record<string, unknown> = {}) => ({
  id: 'tx',
  date,
  kind: 'shipment',
  parties,
  route: { origin: 'CN', destination: 'KP' },
  goods,
  ...over,
});

const check = (tx: unknown, ctx: JudgeContext = context()): TradeVerdict =>
  judge(parseTransaction(tx), ctx);

const show = (v: TradeVerdict) => JSON.stringify(v.reasons, null, 1);
const by = (v: TradeVerdict, re: RegExp): Reason[] =>
  v.reasons.filter((r) => re.test(r.citation ?? ''));
const vague = /check whether its conditions reach/;

test('S/RES/2270 (2016) OP31 (finding 1): aviation gasoline (HS 2710.12) into North Korea in May 2017 is BLOCK', () => {
  const v = check(into('2017-05-15', [{ hs: '2710.12', description: 'Aviation gasoline 100LL' }]));
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /S\/RES\/2270 \(2016\) OP31/)[0]?.verdict, 'BLOCK', show(v));
});

test('S/RES/2270 (2016) OP31 (finding 1): kerosene-type jet fuel in 2018 is BLOCK, not REVIEW under the refined-petroleum cap', () => {
  const v = check(
    into('2018-04-02', [
      { hs: '271019', description: 'kerosene-type jet fuel Jet A-1', quantity: 100, unit: 'bbl' },
    ]),
  );
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.ok(by(v, /OP31/).some((r) => r.verdict === 'BLOCK'));
});

test('S/RES/2270 (2016) OP31 (finding 1): fuel for a civilian passenger aircraft’s flight there and back is claimable, REVIEW with its condition', () => {
  const v = check(
    into('2017-05-15', [{ hs: '271019', description: 'jet fuel' }], {
      declarations: { exemption: ['aviation-fuel-return-flight'] },
    }),
  );
  assert.equal(v.verdict, 'REVIEW', show(v));
  const r = by(v, /OP31/).find((x) => x.kind === 'exemption');
  assert.ok(r, show(v));
  assert.match(r.detail, /return flight/);
  assert.match(r.detail, /confirm/);
});

test('S/RES/2270 (2016) OP31 (finding 1): motor gasoline under the same subheading is not aviation fuel; an undescribed 2710.12 line is REVIEW asking which fuel', () => {
  const motor = check(into('2017-05-15', [{ hs: '271012', description: 'motor gasoline RON 92' }]));
  assert.equal(motor.verdict, 'CLEAR', show(motor));
  const bare = check(into('2017-05-15', [{ hs: '271012' }]));
  assert.equal(bare.verdict, 'REVIEW', show(bare));
  assert.match(
    by(bare, /OP31/)[0]!.detail,
    /aviation gasoline, naphtha-type or kerosene-type jet fuel/,
  );
});

test('S/RES/2375 (2017) OP13 (finding 2): a declared natural gas condensate under HS 2709 is BLOCK, not REVIEW under the crude cap', () => {
  const v = check(
    into('2018-03-10', [
      { hs: '2709', description: 'natural gas condensate', quantity: 1000, unit: 'bbl' },
    ]),
  );
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /2375 \(2017\) OP13/)[0]?.verdict, 'BLOCK');
  assert.ok(!v.reasons.some((r) => r.kind === 'cap'), 'a condensate is not crude oil');
});

test('S/RES/2375 (2017) OP13 (finding 2): HS 2709 without a description is REVIEW asking crude or condensate', () => {
  const v = check(into('2018-03-10', [{ hs: '2709', quantity: 1000, unit: 'bbl' }]));
  assert.equal(v.verdict, 'REVIEW', show(v));
  assert.ok(
    by(v, /OP13/).some((r) => /crude oil .* or a condensate/.test(r.detail)),
    show(v),
  );
});

test('S/RES/2270 (2016) OP39, Annex IV (c) (finding 3): lead-crystal glasses into North Korea in 2018 are BLOCK', () => {
  const v = check(
    into('2018-02-01', [{ hs: '7013.22', description: 'lead crystal wine glasses' }]),
  );
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /2270 \(2016\) OP39/)[0]?.verdict, 'BLOCK');
});

test('S/RES/2270 (2016) OP39, Annex IV (a) (finding 3): gold wrist watches (HS 9101) are BLOCK', () => {
  const v = check(into('2018-02-01', [{ hs: '9101.11', description: 'gold wrist watches' }]));
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.ok(by(v, /OP39/).some((r) => /luxury watches/.test(r.detail)));
});

test('S/RES/2094 (2013) OP23, Annex IV 2(a) (finding 3): a yacht into North Korea in 2014 is BLOCK', () => {
  const v = check(into('2014-05-01', [{ hs: '8903.92', description: 'motor yacht' }]));
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /2094 \(2013\) OP23/)[0]?.verdict, 'BLOCK');
});

test('S/RES/2321 (2016) OP5, Annex IV (1) (finding 3): rugs over $500 each are BLOCK, at $300 each CLEAR, without a value REVIEW stating the threshold', () => {
  const rug = (value?: number) =>
    into('2018-02-01', [
      {
        hs: '5701.10',
        description: 'hand-knotted wool rugs',
        quantity: 10,
        unit: 'pcs',
        ...(value !== undefined && { value: { amount: value, currency: 'USD' } }),
      },
    ]);
  assert.equal(check(rug(8000)).verdict, 'BLOCK');
  assert.equal(check(rug(3000)).verdict, 'CLEAR', show(check(rug(3000))));
  const none = check(rug());
  assert.equal(none.verdict, 'REVIEW', show(none));
  assert.match(by(none, /2321 \(2016\) Annex IV/)[0]!.detail, /greater than USD 500 each/);
});

test('S/RES/2270 (2016) Annex IV (b)(2) (finding 3): a snowmobile of $6,000 in 2017 is BLOCK; one of $1,500 is CLEAR', () => {
  const sled = (amount: number) =>
    into('2017-06-01', [
      {
        hs: '8703.10',
        description: 'snowmobile',
        quantity: 1,
        unit: 'pcs',
        value: { amount, currency: 'USD' },
      },
    ]);
  assert.equal(check(sled(6000)).verdict, 'BLOCK', show(check(sled(6000))));
  assert.equal(check(sled(1500)).verdict, 'CLEAR', show(check(sled(1500))));
});

test('S/RES/2270 (2016) OP6 (finding 4): pistols (HS 9302) into North Korea in 2018 are BLOCK', () => {
  const v = check(into('2018-06-15', [{ hs: '9302', description: 'pistols' }]));
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /2270 \(2016\) OP6$/)[0]?.verdict, 'BLOCK', show(v));
});

const us = (over: Record<string, unknown>) => ({
  id: 'us',
  date: '2018-06-01',
  kind: 'shipment',
  parties: [
    { role: 'exporter', name: 'Acme USA Inc', country: 'US' },
    { role: 'importer', name: 'Korea Import Co', country: 'KP' },
  ],
  ...over,
});

test('EO 13722 sec. 3(a)(i) (finding 5): a US exporter’s shipment from the United States to North Korea is BLOCK', () => {
  const v = check(
    us({
      route: { origin: 'US', destination: 'KP' },
      goods: [{ hs: '1006', description: 'rice' }],
    }),
  );
  assert.equal(v.by_authority.us?.verdict, 'BLOCK', show(v));
  assert.ok(by(v, /EO 13722 sec\. 3\(a\)\(i\)$/).some((r) => r.verdict === 'BLOCK'));
  assert.ok(!v.reasons.some((r) => vague.test(r.detail)));
});

test('EO 13722 sec. 3(a)(i) (finding 5): ship management by a US person for a North Korean owner is BLOCK (services)', () => {
  const v = check({
    id: 'svc',
    date: '2018-06-01',
    kind: 'service',
    services: ['ship management'],
    parties: [
      { role: 'provider', name: 'Harbor Management LLC', country: 'US' },
      { role: 'owner', name: 'Korea Shipping Co', country: 'KP' },
    ],
    nexus: { us_person: true },
  });
  assert.equal(v.by_authority.us?.verdict, 'BLOCK', show(v));
  assert.ok(by(v, /EO 13722 sec\. 3\(a\)\(i\)$/).some((r) => /ship management/.test(r.detail)));
});

test('EO 13466 sec. 2 (finding 5): a US person insuring a North Korea-flagged vessel in 2010 is BLOCK', () => {
  const v = check({
    id: 'ins',
    date: '2010-05-01',
    kind: 'service',
    services: ['insurance'],
    parties: [{ role: 'insurer', name: 'Liberty Marine Ins', country: 'US' }],
    vessel: { name: 'CHON MA', flag: 'KP' },
    nexus: { us_person: true },
  });
  assert.equal(v.by_authority.us?.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /EO 13466 sec\. 2/)[0]?.verdict, 'BLOCK', show(v));
});

test('EO 13722 sec. 3(a)(iii) (finding 5): a US person financing a Chinese firm’s supply to North Korea is BLOCK (facilitation)', () => {
  const v = check(into('2018-06-01', [{ hs: '1006' }], { nexus: { us_facilitation: true } }));
  assert.equal(v.by_authority.us?.verdict, 'BLOCK', show(v));
  assert.equal(by(v, /sec\. 3\(a\)\(iii\)/)[0]?.verdict, 'BLOCK');
});

test('EO 13810 sec. 1(a)(iii) (findings 5, 13): a non-US person’s trade with North Korea under --authority us is REVIEW stating the secondary-sanctions exposure', () => {
  const v = check(into('2018-06-01', [{ hs: '1006' }]), context({}, { authorities: ['un', 'us'] }));
  const r = by(v, /EO 13810 sec\. 1\(a\)\(iii\)/)[0];
  assert.ok(r, show(v));
  assert.equal(r.verdict, 'REVIEW');
  assert.match(r.detail, /US secondary-sanctions exposure under EO 13810/);
  assert.match(r.detail, /significant importation from or exportation to North Korea/);
  assert.ok(!v.reasons.some((x) => vague.test(x.detail)));
});

const hit = (sources: string[], programs: string[]): ListHit => ({
  id: 'x-1',
  caption: 'Listed Exports Ltd',
  sources,
  score: 0.97,
  strength: 'match',
  programs,
});

test('15 CFR 764.3(a)(2) (finding 5): a party on the BIS Denied Persons List to an export is BLOCK citing the denial order', () => {
  const tx = into('2018-06-01', [{ hs: '8471' }], {
    parties: [{ role: 'exporter', name: 'Listed Exports Ltd', country: 'CN' }],
    route: { origin: 'CN', destination: 'MY' },
    nexus: { us_origin: true },
  });
  const v = check(tx, context({ 'Listed Exports Ltd': hit(['us_bis_dpl'], []) }));
  const r = v.by_authority.us?.reasons.find((x) => /Denied Persons/.test(x.citation ?? ''));
  assert.equal(r?.verdict, 'BLOCK', show(v));
  assert.match(r.citation!, /denial order/);
});

test('OFAC Consolidated (non-SDN) List (finding 5): a sectoral hit is REVIEW naming the restriction, not BLOCK', () => {
  const tx = into('2018-06-01', [{ hs: '8471' }], {
    parties: [{ role: 'importer', name: 'Listed Exports Ltd', country: 'RU' }],
    route: { origin: 'CN', destination: 'RU' },
    nexus: { usd: true },
  });
  const v = check(
    tx,
    context({ 'Listed Exports Ltd': hit(['ofac_consolidated'], ['UKRAINE-EO13662']) }),
  );
  const r = v.by_authority.us?.reasons.find((x) => /Consolidated/.test(x.citation ?? ''));
  assert.equal(r?.verdict, 'REVIEW', show(v));
  assert.match(r.detail, /UKRAINE-EO13662/);
});

test('S/RES/2321 (2016) OP30 (finding 6): a used helicopter in May 2017 is CLEAR; a new one BLOCK; an undescribed one REVIEW asking new or used', () => {
  const heli = (description?: string) =>
    into('2017-05-15', [{ hs: '8802.12', ...(description && { description }) }]);
  assert.equal(
    check(heli('used helicopter Mi-8')).verdict,
    'CLEAR',
    show(check(heli('used helicopter Mi-8'))),
  );
  const neu = check(heli('new helicopter'));
  assert.equal(neu.verdict, 'BLOCK');
  assert.equal(by(neu, /2321 \(2016\) OP30/)[0]?.verdict, 'BLOCK');
  const bare = check(heli());
  assert.equal(bare.verdict, 'REVIEW');
  assert.match(by(bare, /OP30/)[0]!.detail, /new or used/);
});

test('S/RES/2397 (2017) OP7, OP14 (finding 6): from 22 Dec 2017 a used helicopter and a used vessel are BLOCK', () => {
  assert.equal(
    check(into('2018-01-15', [{ hs: '8802.12', description: 'used helicopter' }])).verdict,
    'BLOCK',
  );
  const ship = check(into('2018-01-15', [{ hs: '8901.90', description: 'used cargo ship' }]));
  assert.equal(ship.verdict, 'BLOCK');
  assert.ok(by(ship, /2397 \(2017\) OP14/).some((r) => r.verdict === 'BLOCK'));
});

test('S/RES/2397 (2017) OP7 (finding 7): spare parts described for an Il-62M civil passenger aircraft are REVIEW, not BLOCK', () => {
  const v = check(
    into('2018-06-01', [
      { hs: '8803.30', description: 'landing gear spare parts for Il-62M aircraft' },
    ]),
  );
  assert.equal(v.verdict, 'REVIEW', show(v));
  const r = by(v, /2397 \(2017\) OP7/).find((x) => x.kind === 'exemption');
  assert.ok(r, show(v));
  assert.match(r.detail, /civil-aircraft-spares/);
  const claimed = check(
    into('2018-06-01', [{ hs: '8803.30' }], {
      declarations: { exemption: 'civil-aircraft-spares' },
    }),
  );
  assert.equal(claimed.verdict, 'REVIEW', show(claimed));
});

test('S/RES/2270 (2016) OP6 extends 1874 OP10 (finding 8): lifting OP6 in a scenario leaves the older arms ban standing', () => {
  const scenario: Scenario = {
    id: 'lift-op6',
    regime: 'dprk',
    title: 'lift 2270 OP6 only',
    from: '2019-01-01',
    lifts: [
      {
        ids: ['un-2270-op6-arms-supply'],
        inferred: false,
        reason: 'test',
        sources: [{ citation: 'test' }],
      },
    ],
  };
  const v = check(
    into('2019-06-01', [{ hs: '8710', description: 'battle tank' }]),
    context({}, { scenario }),
  );
  assert.equal(v.verdict, 'BLOCK', show(v));
  assert.ok(
    by(v, /1874 \(2009\) OP10/).some((r) => r.verdict === 'BLOCK'),
    show(v),
  );
  assert.equal(by(v, /2270 \(2016\) OP6$/).length, 0);
});

test('S/RES/2270 (2016) OP10 (finding 9): a UN hit listed on 2 March 2016 cites 2270 OP10, a Committee listing 1718 OP8(d)', () => {
  const un = (listed_on: string): ListHit => ({
    id: 'un-1',
    caption: 'Listed Person',
    sources: ['un_sc'],
    score: 1,
    strength: 'match',
    listed_on,
  });
  const tx = into('2018-06-01', [{ hs: '1006' }], {
    parties: [{ role: 'importer', name: 'Listed Person', country: 'CN' }],
    route: { origin: 'CN', destination: 'CN' },
  });
  const v = check(tx, context({ 'Listed Person': un('2016-03-02') }));
  assert.equal(v.reasons.find((r) => r.kind === 'designation')?.citation, 'S/RES/2270 (2016) OP10');
  const w = check(tx, context({ 'Listed Person': un('2009-07-16') }));
  assert.equal(
    w.reasons.find((r) => r.kind === 'designation')?.citation,
    'S/RES/1718 (2006) OP8(d)',
  );
  const x = check(tx, context({ 'Listed Person': un('2017-12-22') }));
  assert.equal(x.reasons.find((r) => r.kind === 'designation')?.citation, 'S/RES/2397 (2017) OP3');
});

test('S/RES/2321 (2016) OP46 (finding 10): the general Committee exemption is not offered before 30 Nov 2016', () => {
  const arms = (date: string) =>
    into(date, [{ hs: '9301' }], { declarations: { exemption: 'committee-approval' } });
  const before = check(arms('2016-06-01'));
  assert.equal(before.verdict, 'BLOCK', show(before));
  assert.match(
    by(before, /2270 \(2016\) OP6$/)[0]!.detail,
    /no exception of this measure on 2016-06-01/,
  );
  const after = check(arms('2017-06-01'));
  assert.equal(after.verdict, 'REVIEW', show(after));
  assert.ok(after.reasons.some((r) => r.citation === 'S/RES/2321 (2016) OP46'));
});

test('S/RES/2375 (2017) OP6 (finding 10): applying 2371 OP6 brings its emergency and return-to-port exceptions', () => {
  const m = regime.measures.find((x) => x.id === 'un-2375-op6-vessels-prohibited-items')!;
  const keys = (m.exemptions ?? []).map((e) => e.key ?? e.kind);
  assert.ok(keys.includes('emergency') && keys.includes('return-to-port'), keys.join());
});

test('S/RES/2094 (2013) OP22 (finding 10): "to or from" the DPRK: the catch-all is encoded for both directions', () => {
  const op22 = regime.measures.filter(
    (m) => m.citation.act === 'S/RES/2094 (2013)' && m.citation.paragraph === 'OP22',
  );
  assert.deepEqual(op22.map((m) => m.direction).sort(), ['export', 'import']);
  assert.ok(op22.every((m) => m.citation.force === 'calls-upon'));
});

const out = (date: string, hs: string, description: string) => ({
  id: 'exp',
  date,
  kind: 'shipment',
  parties,
  route: { origin: 'KP', destination: 'CN' },
  goods: [{ hs, description }],
});

test('S/RES/2371 (2017) OP8 (finding 11, inferred): iron and steel scrap (HS 7204) is iron; coke (HS 2704) is coal', () => {
  const scrap = check(out('2018-01-10', '7204.49', 'steel scrap'));
  const r = by(scrap, /2371 \(2017\) OP8/)[0];
  assert.equal(r?.verdict, 'BLOCK', show(scrap));
  assert.match(r.detail, /our reading/);
  const coke = check(out('2018-01-10', '2704', 'metallurgical coke'));
  assert.equal(by(coke, /2371 \(2017\) OP8/)[0]?.verdict, 'BLOCK', show(coke));
});

test('S/RES/2371 (2017) OP9 (finding 11, inferred): fish meal (HS 2301.20) and fish oil (HS 1504) are seafood "in all forms"', () => {
  for (const [hs, d] of [
    ['2301.20', 'fish meal'],
    ['1504.20', 'fish oil'],
  ]) {
    const v = check(out('2018-01-10', hs!, d!));
    assert.equal(by(v, /2371 \(2017\) OP9/)[0]?.verdict, 'BLOCK', show(v));
  }
});

test('S/RES/2375 (2017) OP13 (finding 11, inferred): propane is a natural gas liquid; LNG and olefins (HS 2711.14) are not', () => {
  const ngl = (hs: string) => by(check(into('2018-03-10', [{ hs }])), /2375 \(2017\) OP13/);
  assert.equal(ngl('2711.12')[0]?.verdict, 'BLOCK');
  assert.equal(ngl('2711.11').length, 0);
  assert.equal(ngl('2711.14').length, 0);
});

test('issue 14 finding 12 (units): machinery in sets is judged (BLOCK under 2397 OP7), not refused; refined petroleum in drums is REVIEW, the cap cannot count it', () => {
  const sets = check(into('2018-06-01', [{ hs: '8429.52', quantity: 2, unit: 'sets' }]));
  assert.equal(sets.verdict, 'BLOCK');
  const drums = check(
    into('2018-06-01', [{ hs: '2710.19', description: 'diesel', quantity: 40, unit: 'drums' }]),
  );
  assert.equal(drums.verdict, 'REVIEW', show(drums));
  assert.ok(
    drums.reasons.some((r) => r.kind === 'cap' && /cannot count against the cap/.test(r.detail)),
  );
});

test('issue 14 finding 13: no reason tells the analyst to "check whether its conditions reach this supply"', () => {
  const txs = [
    us({
      route: { origin: 'US', destination: 'KP' },
      goods: [{ hs: '8471' }],
      nexus: { us_origin: true },
    }),
    into('2018-06-01', [{ hs: '1006' }], { nexus: { usd: true } }),
    { ...us({ route: { origin: 'KP', destination: 'US' }, goods: [{ hs: '0306' }] }), parties: [] },
  ];
  for (const tx of txs) {
    const v = check(tx, context({}, { authorities: ['un', 'us'] }));
    for (const r of v.reasons) {
      assert.doesNotMatch(r.detail, vague);
      if (r.verdict === 'REVIEW') assert.match(r.detail, /confirm|:/);
    }
  }
});
