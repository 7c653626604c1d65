import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GoodsItem } from '../types.ts';
import { matchGoods, matchItem, namedTerm } from './_goods.ts';

test('namedTerm: whole words, case, hyphens and plurals aside; no match inside another word', () => {
  assert.equal(namedTerm('Kerosene type JET-FUEL', ['jet fuel']), 'jet fuel');
  assert.equal(namedTerm('two snowmobiles', ['snowmobile']), 'snowmobile');
  assert.equal(namedTerm('spare parts for Il-62M', ['Il-62M']), 'Il-62M');
  assert.equal(namedTerm('renewed stock', ['new']), undefined);
  assert.equal(namedTerm(undefined, ['new']), undefined);
});

const tableware: GoodsItem = {
  name: 'tableware of porcelain or bone china (valued greater than $100)',
  citation: 'S/RES/2321 (2016) Annex IV (2)',
  hs: ['691110'],
  match: 'hs',
  valueOver: { amount: 100, currency: 'USD' },
  hsText: 'HS 2017 6911.10',
};

test('a value threshold applies per item: line value ÷ quantity, dozens counted as twelve', () => {
  const line = (amount: number, quantity: number, unit: string, currency = 'USD') => ({
    hs: '691110',
    quantity,
    unit,
    value: { amount, currency },
  });
  assert.equal(matchItem(tableware, line(1300, 10, 'pcs')).state, 'in');
  assert.equal(matchItem(tableware, line(1300, 2, 'dozen')).state, 'out', '$54 a piece');
  assert.equal(matchItem(tableware, line(90, 1, 'pcs')).state, 'out');
  const sets = matchItem(tableware, line(1300, 2, 'set'));
  assert.equal(sets.state, 'ask');
  assert.match(sets.state === 'ask' ? sets.question : '', /USD 100 each: the line counts in set/);
  const eur = matchItem(tableware, line(1300, 10, 'pcs', 'EUR'));
  assert.equal(eur.state, 'ask');
});

test('goods without items: a code broader than the scope is decided by the terms, else asked', () => {
  const goods = { hs: ['271112'], hsEdition: 'HS2017', terms: ['propane'] };
  assert.equal(matchGoods(goods, { hs: '2711', description: 'propane, bulk' }).state, 'in');
  assert.equal(matchGoods(goods, { hs: '2711' }).state, 'ask');
  assert.equal(matchGoods(goods, { hs: '2709' }).state, 'out');
});
