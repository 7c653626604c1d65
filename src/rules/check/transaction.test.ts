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
