import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Khmer vowels are read by the series of their consonant', () => {
  assert.deepEqual(texts('ហ៊ុន'), ['hun'], '៊ makes ហ second series: u, not o');
  assert.deepEqual(texts('សុខ'), ['sok'], 'first series: o');
  assert.ok(forms('ជា')[0]!.includes('chea'), 'ា after a second-series consonant is ea');
  assert.ok(forms('សែន')[0]!.includes('sen'));
  assert.ok(forms('ម៉ាណែត')[0]!.includes('manet'));
});

test('inherent vowels, subscripts and finals', () => {
  assert.deepEqual(texts('សម'), ['sam']);
  assert.deepEqual(texts('ពត'), ['pot']);
  assert.ok(forms('ស្វាយរៀង')[0]!.includes('svayrieng'));
  assert.deepEqual(texts('វ៉្លាឌីមៀរ ពូទីន'), ['vladimier', 'putin']);
});

test('company words and digits', () => {
  assert.deepEqual(
    tokenizeName('ក្រុមហ៊ុន សុខា ១២').map((t) => `${t.text}:${t.kind}`),
    ['company:legal', 'sokha:word', '12:number'],
  );
});

test('a place word written together with its name is a word of its own, as in Latin', () => {
  const phnomPenh = forms('ភ្នំពេញ');
  assert.equal(phnomPenh.length, 2);
  assert.ok(phnomPenh[0]!.includes('phnom') && phnomPenh[1]!.includes('penh'));
  assert.deepEqual(texts('កំពង់ចាម'), ['kampong', 'cham']);
  assert.deepEqual(texts('កោះកុង'), ['kaoh', 'kong']);
  assert.deepEqual(texts('កោះ'), ['kaoh'], 'alone it is read as written');
});

test('a letter under ៍ (toandakhiat) is not read', () => {
  const [pochentong] = tokenizeName('ពោធិ៍ចិនតុង').map((t) => t.forms);
  assert.ok(pochentong!.includes('pochentong'), pochentong!.join(' '));
  assert.ok(!pochentong!.some((f) => f.startsWith('pothi')));
});
