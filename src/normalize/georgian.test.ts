import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Georgian in the national system, without the ejectives’ apostrophes', () => {
  assert.deepEqual(texts('ედუარდ შევარდნაძე'), ['eduard', 'shevardnadze']);
  assert.deepEqual(texts('მიხეილ სააკაშვილი'), ['mikheil', 'saakashvili']);
  assert.deepEqual(texts('ᲡᲐᲐᲙᲐᲨᲕᲘᲚᲘ'), ['saakashvili'], 'Mtavruli capitals');
});

test('and in the spellings made through Russian', () => {
  assert.ok(forms('ღარიბაშვილი')[0]!.includes('garibashvili'));
  assert.ok(forms('ჯუღაშვილი')[0]!.includes('dzhugashvili'));
  assert.ok(forms('ყაზბეგი')[0]!.includes('kazbegi'));
});

test('Georgian legal forms', () => {
  assert.deepEqual(
    tokenizeName('შპს ქართუ').map((t) => `${t.text}:${t.kind}`),
    ['llc:legal', 'kartu:word'],
  );
  assert.equal(tokenizeName('სს იმერეთი')[0]!.kind, 'legal');
});
