import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbargoError } from '../../core/index.ts';
import { parseTransaction } from './transaction.ts';

const base = {
  id: 't1',
  date: '2018-03-10',
  kind: 'shipment',
  parties: [{ role: 'exporter', name: 'Acme', country: 'KP' }],
  vessel: { name: 'X', imo: 'IMO 7937317', flag: 'PA' },
  route: { origin: 'KP', destination: 'CN', port_calls: [{ port: 'Nampo', country: 'KP' }] },
  goods: [{ hs: '2701.12', quantity: 1000, unit: 'TNE', value: { amount: 5, currency: 'usd' } }],
};

/** The error a transaction raises, or fails the test. */
function fault(tx: unknown, line?: number): EmbargoError {
  try {
    parseTransaction(tx, line === undefined ? {} : { line, file: 'book.jsonl' });
  } catch (err) {
    assert.ok(err instanceof EmbargoError);
    return err;
  }
  assert.fail('no error');
}

test('issue 4 ("Countries are ISO 3166 alpha-2; units are UN/CEFACT Rec. 20 codes or the usual words"): a sound transaction parses and normalises', () => {
  const tx = parseTransaction(JSON.stringify(base));
  assert.equal(tx.route?.origin, 'kp');
  assert.equal(tx.parties[0]?.country, 'kp');
  assert.equal(tx.vessel?.imo, '7937317');
  assert.equal(tx.goods[0]?.hs, '270112');
  assert.equal(tx.goods[0]?.unit, 't');
  assert.equal(tx.goods[0]?.value?.currency, 'USD');
});

test('issue 4 ("Bad input"): an invalid HS code names /goods/0/hs', () => {
  const e = fault({ ...base, goods: [{ hs: '27A1' }] });
  assert.equal(e.code, 'E_INVALID_QUERY');
  assert.equal(e.field, '/goods/0/hs');
});

test('issue 4 ("Bad input"): an unknown country names its pointer; names and alpha-3 are refused', () => {
  assert.equal(fault({ ...base, route: { origin: 'XX' } }).field, '/route/origin');
  assert.equal(fault({ ...base, route: { origin: 'PRK' } }).field, '/route/origin');
  assert.equal(
    fault({ ...base, parties: [{ role: 'bank', name: 'B', country: 'North Korea' }] }).field,
    '/parties/0/country',
  );
});

test('issue 14 (finding 12): a unit the tool does not convert (sets, pairs, dozens, m2, jugs) is kept, not refused', () => {
  for (const [unit, kept] of [
    ['sets', 'set'],
    ['pairs', 'pair'],
    ['DZN', 'dozen'],
    ['m2', 'm2'],
    ['jugs', 'jugs'],
  ])
    assert.equal(
      parseTransaction({ ...base, goods: [{ hs: '2710', quantity: 3, unit }] }).goods[0]?.unit,
      kept,
    );
});

test('issue 4 ("Bad input"): a missing date, with the line in a book', () => {
  const u = fault({ ...base, date: '2018-13-01' }, 7);
  assert.equal(u.code, 'E_INPUT_REFUSED');
  assert.equal(u.field, '/date');
  assert.equal(u.line, 7);
  assert.match(u.message, /line 7: \/date/);
  const { date: _date, ...undated } = base;
  assert.equal(fault(undated).field, '/date');
  assert.equal(fault({ ...base, date: '2018-02-30' }).field, '/date');
  assert.equal(fault({ ...base, goods: [{ hs: '2710', quantity: 3 }] }).field, '/goods/0/unit');
  assert.equal(
    fault({ ...base, declarations: { contract_date: '1 Aug' } }).field,
    '/declarations/contract_date',
  );
  assert.equal(fault({ ...base, vessel: { imo: '123' } }).field, '/vessel/imo');
  assert.equal(fault({ ...base, kind: 'gift' }).field, '/kind');
  assert.equal(fault({ ...base, extra: 1 }).field, '/extra');
  assert.equal(fault('{not json').field, '/');
});

test('issue 18 (schema once): inputs the lenient parser took still pass the TypeBox schema', () => {
  const tx = parseTransaction({
    ...base,
    id: 42,
    kind: ' payment ',
    vessel: null,
    route: { origin: null, transshipment: ['cn'] },
    goods: [{ hs: 2701, quantity: 3, unit: 'jugs', description: null }],
    parties: [{ role: 'bank', name: 'B', identifiers: { swift: 'ABCDKPPY', tax: 123 } }],
    nexus: { usd: true, us_person: null },
    declarations: { exemption: 'Livelihood' },
  });
  assert.equal(tx.id, '42');
  assert.equal(tx.kind, 'payment');
  assert.equal(tx.goods[0]?.hs, '2701');
  assert.deepEqual(tx.declarations?.exemption, ['livelihood']);
  assert.equal(tx.parties[0]?.identifiers?.tax, '123');
  assert.deepEqual(
    parseTransaction({ ...base, declarations: { exemption: ['a', 'B'] } }).declarations?.exemption,
    ['a', 'b'],
  );
});

test('issue 18 (schema once): a schema fault names the deepest field, in words', () => {
  const neg = fault({ ...base, goods: [{ hs: '2701', quantity: -1, unit: 't' }] });
  assert.equal(neg.field, '/goods/0/quantity');
  assert.match(neg.message, /\/goods\/0\/quantity: must be a number ≥ 0/);
  const kind = fault({ ...base, kind: 'gift' });
  assert.match(kind.message, /\/kind: "gift": use shipment, payment, charter, service/);
  assert.match(fault({ ...base, extra: 1 }).message, /\/extra: unknown field/);
  const flag = fault({ ...base, nexus: { usd: 'yes' } });
  assert.equal(flag.field, '/nexus/usd');
  assert.match(flag.message, /must be true or false/);
  assert.equal(fault({ ...base, parties: [{ role: 'x', name: ' ' }] }).field, '/parties/0/name');
  assert.equal(fault({ ...base, vessel: { sts: [{ imo: 'IMO 12' }] } }).field, '/vessel/sts/0/imo');
  assert.match(fault({ ...base, goods: 'coal' }).message, /\/goods: must be an array/);
  assert.match(fault([base]).message, /\/: must be an object/);
});
