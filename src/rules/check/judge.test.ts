import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegime } from '../load.ts';
import { CapLedger } from './caps.ts';
import { judge, screeningAsks, type JudgeContext } from './judge.ts';
import { parseTransaction, type TxParty } from './transaction.ts';
import type { ListHit, TradeVerdict } from './verdict.ts';

const regime = loadRegime('dprk');

/** A fake screening: parties named in `listed` are hits on the given list. */
function context(
  listed: Record<string, ListHit> = {},
  vessels: Record<string, ListHit> = {},
  extra: Partial<JudgeContext> = {},
): JudgeContext {
  return {
    regime,
    authorities: ['un'],
    screenParty: (p: TxParty) => (listed[p.name] ? [listed[p.name]!] : []),
    vesselByImo: (imo) => (vessels[imo] ? [vessels[imo]!] : []),
    ...extra,
  };
}

const shipment = (over: Record<string, unknown>) => ({
  id: 'tx',
  kind: 'shipment',
  parties: [
    { role: 'exporter', name: 'Acme Trading', country: 'CN' },
    { role: 'importer', name: 'Other Co', country: 'CN' },
  ],
  ...over,
});

const coal = (date: string) =>
  shipment({
    date,
    route: { origin: 'KP', destination: 'CN' },
    goods: [{ hs: '2701.12', quantity: 10000, unit: 't' }],
  });

const check = (tx: unknown, ctx: JudgeContext = context()): TradeVerdict =>
  judge(parseTransaction(tx), ctx);

const cites = (v: TradeVerdict, re: RegExp): boolean =>
  v.reasons.some((r) => re.test(r.citation ?? '') && r.verdict === v.verdict);

test('S/RES/2371 (2017) OP8: coal from North Korea to China on 2018-03-10 is BLOCK', () => {
  const v = check(coal('2018-03-10'));
  assert.equal(v.verdict, 'BLOCK');
  assert.ok(cites(v, /S\/RES\/2371 \(2017\) OP8/), JSON.stringify(v.reasons));
  assert.equal(v.by_authority.un?.verdict, 'BLOCK');
});

test('S/RES/2371 (2017) OP8 (adopted 5 Aug 2017): the same coal on 2015-06-01 is CLEAR', () => {
  const v = check(coal('2015-06-01'));
  assert.equal(v.verdict, 'CLEAR', JSON.stringify(v.reasons));
});

test('--as-of judges the measures on another date than the transaction’s', () => {
  const v = judge(parseTransaction(coal('2015-06-01')), context({}, {}, { asOf: '2018-03-10' }));
  assert.equal(v.verdict, 'BLOCK');
  assert.equal(v.date, '2018-03-10');
});

const textiles = (date: string, contract?: string) =>
  shipment({
    date,
    route: { origin: 'KP', destination: 'CN' },
    goods: [{ hs: '6109', description: 'T-shirts' }, { hs: '620342' }],
    ...(contract && { declarations: { contract_date: contract } }),
  });

test('S/RES/2375 (2017) OP16: textiles exported 2017-10-01 under a contract of 2017-08-01 are REVIEW (wind-down to 10 Dec 2017)', () => {
  const v = check(textiles('2017-10-01', '2017-08-01'));
  assert.equal(v.verdict, 'REVIEW', JSON.stringify(v.reasons));
  assert.ok(
    v.reasons.some((r) => r.kind === 'wind-down' && /2375 \(2017\) OP16/.test(r.citation!)),
  );
});

test('S/RES/2375 (2017) OP16: textiles exported 2017-10-01 without a contract date are BLOCK', () => {
  const v = check(textiles('2017-10-01'));
  assert.equal(v.verdict, 'BLOCK');
  assert.ok(cites(v, /S\/RES\/2375 \(2017\) OP16/));
});

test('S/RES/2375 (2017) OP16: from 2017-12-11 textiles are BLOCK, contract or not', () => {
  assert.equal(check(textiles('2017-12-11', '2017-08-01')).verdict, 'BLOCK');
  assert.equal(check(textiles('2017-12-11')).verdict, 'BLOCK');
  // 10 Dec 2017 is still within the "up to 90 days" window.
  assert.equal(check(textiles('2017-12-10', '2017-08-01')).verdict, 'REVIEW');
});

test('S/RES/2397 (2017) OP7: an excavator (HS 8429) into North Korea in mid-2018 is BLOCK', () => {
  const v = check(
    shipment({
      date: '2018-06-15',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '8429.52', description: 'Excavator', quantity: 1, unit: 'pcs' }],
    }),
  );
  assert.equal(v.verdict, 'BLOCK');
  assert.ok(cites(v, /S\/RES\/2397 \(2017\) OP7/), JSON.stringify(v.reasons));
});

test('S/RES/2397 (2017) OP7 and 1718 OP8(a): rice (HS 1006) into North Korea is CLEAR', () => {
  const v = check(
    shipment({
      date: '2018-06-15',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '1006.30', quantity: 500, unit: 't' }],
    }),
  );
  assert.equal(v.verdict, 'CLEAR', JSON.stringify(v.reasons));
});

test('S/RES/2375 (2017) OP13: liquefied natural gas (HS 2711.11) into North Korea in 2018 triggers no 2375 reason', () => {
  const v = check(
    shipment({
      date: '2018-04-01',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '2711.11', quantity: 1000, unit: 't' }],
    }),
  );
  assert.ok(!v.reasons.some((r) => /2375/.test(r.citation ?? '')), JSON.stringify(v.reasons));
  assert.equal(v.verdict, 'CLEAR');
});

test('S/RES/2375 (2017) OP13: heading 2711 alone cannot tell LNG from condensates: REVIEW', () => {
  const v = check(
    shipment({
      date: '2018-04-01',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '2711' }],
    }),
  );
  assert.equal(v.verdict, 'REVIEW');
  assert.ok(v.reasons.some((r) => r.kind === 'hs-unclassified' && /2375/.test(r.citation!)));
});

test('S/RES/2397 (2017) OP5: in a book in date order, the refined-petroleum shipment that takes 2018 past 500,000 bbl is BLOCK, those before it REVIEW', () => {
  const ledger = new CapLedger();
  const ctx = context({}, {}, { ledger });
  const petrol = (id: string, date: string, bbl: number) =>
    shipment({
      id,
      date,
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '2710.12', quantity: bbl, unit: 'BLL' }],
    });
  const book = [
    petrol('a', '2018-01-10', 200_000),
    petrol('b', '2018-03-01', 250_000),
    petrol('c', '2018-05-01', 60_000), // 510,000: over
  ];
  const verdicts = book.map((tx) => check(tx, ctx));
  assert.deepEqual(
    verdicts.map((v) => v.verdict),
    ['REVIEW', 'REVIEW', 'BLOCK'],
  );
  const op5 = (v: TradeVerdict) =>
    v.caps.find((c) => c.measure === 'un-2397-op5-refined-petroleum')!;
  assert.equal(op5(verdicts[1]!).state, 'under');
  assert.equal(op5(verdicts[2]!).state, 'over');
  assert.equal(op5(verdicts[2]!).used_before.quantity, 450_000);
  // Under the cap, the reason cites the conditions (notification, no designated party, livelihood).
  const under = verdicts[0]!.reasons.find((r) => r.measure === 'un-2397-op5-refined-petroleum')!;
  assert.match(under.detail, /livelihood/);
  // Re-judging a transaction replaces its usage: idempotent.
  assert.equal(check(book[1], ctx).verdict, 'REVIEW');
  assert.equal(ledger.used('un-2397-op5-refined-petroleum', '2018-01-01').quantity, 450_000);
  // A new year opens a new period.
  assert.equal(check(petrol('d', '2019-01-02', 60_000), ctx).verdict, 'REVIEW');
});

test('S/RES/2397 (2017) OP5: tonnes of refined petroleum do not convert to barrels (the act gives no factor): REVIEW', () => {
  const v = check(
    shipment({
      date: '2018-02-01',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '2710.12', quantity: 1_000_000, unit: 't' }],
    }),
  );
  assert.equal(v.verdict, 'REVIEW');
  assert.equal(v.caps.find((c) => c.measure === 'un-2397-op5-refined-petroleum')?.state, 'unknown');
});

test('S/RES/2397 (2017) OP4: crude in tonnes converts at the act’s 4,000,000 bbl = 525,000 t', () => {
  const v = check(
    shipment({
      date: '2018-02-01',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '2709', quantity: 526_000, unit: 'TNE' }],
    }),
  );
  assert.equal(v.caps.find((c) => c.measure === 'un-2397-op4-crude-oil')?.state, 'over');
  assert.equal(v.verdict, 'BLOCK');
});

test('S/RES/1718 (2006) OP8(d): a party on the UN list is BLOCK under un; an uncertain hit REVIEW', () => {
  const hit = (strength: ListHit['strength']): ListHit => ({
    id: 'un_sc-KPe.001',
    caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
    sources: ['un_sc'],
    score: strength === 'match' ? 0.9 : 0.7,
    strength,
  });
  const tx = shipment({
    date: '2018-06-15',
    route: { origin: 'CN', destination: 'TH' },
    goods: [{ hs: '1006' }],
  });
  const block = check(tx, context({ 'Acme Trading': hit('match') }));
  assert.equal(block.verdict, 'BLOCK');
  assert.ok(
    block.reasons.some(
      (r) => r.kind === 'designation' && /1718 \(2006\) OP8\(d\)/.test(r.citation!),
    ),
  );
  assert.equal(check(tx, context({ 'Acme Trading': hit('possible') })).verdict, 'REVIEW');
});

test('US designations without US nexus under --authority un are REVIEW (secondary-sanctions risk); under us BLOCK', () => {
  const sdnVessel: ListHit = {
    id: 'ofac_sdn-17069',
    caption: 'CHONG CHON GANG',
    sources: ['ofac_sdn'],
    score: 1,
    strength: 'decisive',
  };
  const tx = shipment({
    date: '2018-06-15',
    route: { origin: 'CN', destination: 'TH' },
    vessel: { name: 'SEA BREEZE', imo: 'IMO 7937317', flag: 'PA' },
    goods: [{ hs: '1006' }],
  });
  const un = check(tx, context({}, { '7937317': sdnVessel }));
  assert.equal(un.verdict, 'REVIEW');
  assert.equal(un.by_authority.us?.bound, false);
  assert.equal(un.by_authority.un?.verdict, 'CLEAR');
  const us = check(tx, context({}, { '7937317': sdnVessel }, { authorities: ['un', 'us'] }));
  assert.equal(us.verdict, 'BLOCK');
  assert.equal(us.by_authority.us?.reasons[0]?.kind, 'vessel');
  // USD payment is a US nexus: the US binds without being chosen.
  const usd = check({ ...tx, nexus: { usd: true } }, context({}, { '7937317': sdnVessel }));
  assert.equal(usd.by_authority.us?.verdict, 'BLOCK');
});

test('S/RES/2371 (2017) OP8 exemptions: a declared Rajin transit makes coal REVIEW, citing the condition', () => {
  const v = check({ ...coal('2018-03-10'), declarations: { exemption: 'rajin-transit' } });
  assert.equal(v.verdict, 'REVIEW');
  assert.ok(v.reasons.some((r) => r.kind === 'exemption' && /Rajin/.test(r.detail)));
});

test('S/RES/2270 (2016) OP6: military weapons (HS 9301) into North Korea in 2018 are BLOCK', () => {
  const v = check(
    shipment({
      date: '2018-06-15',
      route: { origin: 'CN', destination: 'KP' },
      goods: [{ hs: '9301' }],
    }),
  );
  assert.equal(v.verdict, 'BLOCK');
  assert.ok(cites(v, /S\/RES\/2270 \(2016\) OP6/), JSON.stringify(v.reasons));
});

test('S/RES/2371 (2017) OP7: chartering a DPRK-flagged vessel is BLOCK', () => {
  const v = check({
    id: 'ch',
    date: '2018-01-05',
    kind: 'charter',
    parties: [{ role: 'charterer', name: 'Acme', country: 'SG' }],
    vessel: { name: 'X', flag: 'KP' },
  });
  assert.equal(v.verdict, 'BLOCK');
  assert.ok(v.reasons.some((r) => /2371 \(2017\) OP7/.test(r.citation!) && r.verdict === 'BLOCK'));
});

/** Rice from Thailand to the US on a vessel whose earlier calls are given. */
const toUs = (portCalls: unknown[], sts: unknown[] = []) =>
  shipment({
    date: '2019-05-01',
    vessel: { name: 'Calm Sea', imo: '9123456', flag: 'PA', sts },
    route: { origin: 'TH', destination: 'US', port_calls: portCalls },
    goods: [{ hs: '1006.30', quantity: 500, unit: 't' }],
  });

test('EO 13810 sec. 2 ("called at a port in North Korea within the previous 180 days"): a call at Nampo 100 days before the US call is BLOCK, under any authority choice', () => {
  const v = check(
    toUs([
      { port: 'Nampo', country: 'KP', date: '2019-01-21' },
      { port: 'Long Beach', country: 'US', date: '2019-05-01' },
    ]),
  );
  assert.equal(v.verdict, 'BLOCK', JSON.stringify(v.reasons));
  const r = v.by_authority.us!.reasons.find((x) => x.measure === 'us-eo13810-sec2-vessel-180-day');
  assert.equal(r?.verdict, 'BLOCK');
  assert.match(r!.detail, /100 days before/);
  assert.match(r!.citation ?? '', /EO 13810/);
});

test('EO 13810 sec. 2: a North Korean call 200 days before is outside the look-back; no US port, no reason', () => {
  const old = check(
    toUs([
      { port: 'Nampo', country: 'KP', date: '2018-10-13' },
      { port: 'Long Beach', country: 'US', date: '2019-05-01' },
    ]),
  );
  // The voyage's own call in North Korea is a route REVIEW under 2397 OP7; the look-back is not.
  assert.ok(!old.reasons.some((x) => x.measure?.includes('180-day')), JSON.stringify(old.reasons));
  assert.notEqual(old.verdict, 'BLOCK');
  const elsewhere = check(
    shipment({
      date: '2019-05-01',
      vessel: { name: 'Calm Sea', imo: '9123456' },
      route: {
        origin: 'TH',
        destination: 'JP',
        port_calls: [{ port: 'Nampo', country: 'KP', date: '2019-04-01' }],
      },
      goods: [{ hs: '1006.30', quantity: 500, unit: 't' }],
    }),
  );
  assert.ok(!elsewhere.reasons.some((x) => x.measure?.includes('180-day')));
});

test('EO 13810 sec. 2 ("ship-to-ship transfer with such a vessel"): a transfer 30 days before the US call is REVIEW, the partner\'s calls being unknown', () => {
  const v = check(toUs([], [{ imo: '8765432', name: 'Night Star', date: '2019-04-01' }]));
  assert.equal(v.verdict, 'REVIEW', JSON.stringify(v.reasons));
  assert.ok(v.reasons.some((x) => x.subject === '/vessel/sts/0' && /Night Star/.test(x.detail)));
});

test('screeningAsks lists exactly what judging asks: every party, each vessel by IMO and by name', () => {
  const tx = parseTransaction(
    shipment({
      date: '2018-03-10',
      route: { origin: 'KP', destination: 'CN' },
      goods: [{ hs: '2701.12', quantity: 10, unit: 't' }],
      vessel: {
        name: 'Calm Sea',
        imo: '9123456',
        sts: [{ imo: '9234567', name: 'Night Star' }, { name: 'No Number' }, { imo: '9345678' }],
      },
    }),
  );
  const parties: TxParty[] = [];
  const imos: string[] = [];
  judge(tx, {
    ...context(),
    screenParty: (p) => (parties.push(p), []),
    vesselByImo: (imo) => (imos.push(imo), []),
  });
  const asks = screeningAsks(tx);
  // The book runner screens these ahead of the judge: the two lists must agree, order aside.
  const sorted = (ps: TxParty[]) => ps.map((p) => JSON.stringify(p)).sort();
  assert.deepEqual(sorted(asks.parties), sorted(parties));
  assert.deepEqual([...asks.imos].sort(), [...imos].sort());
  assert.equal(asks.parties.length, 5); // 2 parties, 3 named vessels
  assert.deepEqual(asks.imos.sort(), ['9123456', '9234567', '9345678']);
});
