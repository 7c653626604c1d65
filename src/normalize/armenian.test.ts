import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Armenian in BGN/PCGN, with the -ian and Russian-based spellings', () => {
  assert.deepEqual(texts('Նիկոլ Փաշինյան'), ['nikol', 'pashinyan']);
  assert.deepEqual(texts('Հովհաննես Թումանյան'), ['hovhannes', 'tumanyan'], 'ու is u');
  assert.ok(forms('Քոչարյան')[0]!.includes('kocharian'));
  assert.ok(forms('Ղուկասյան')[0]!.includes('gukasyan'));
});

test('ye and vo at the start of a word, ev for և', () => {
  assert.deepEqual(forms('Երևան')[0], ['yerevan', 'erevan']);
  assert.ok(forms('Ոսկան')[0]!.includes('voskan'));
});

test('Armenian legal forms', () => {
  assert.deepEqual(
    tokenizeName('«Տաշիր» ՍՊԸ').map((t) => `${t.text}:${t.kind}`),
    ['tashir:word', 'llc:legal'],
  );
  assert.equal(tokenizeName('«Արարատ» ՓԲԸ')[1]!.text, 'cjsc');
});

test('Western Armenian spellings of the diaspora follow the Eastern ones', () => {
  const spell = (w: string) => tokenizeName(w)[0]!.forms;
  assert.equal(spell('Հակոբյան')[0], 'hakobyan');
  assert.ok(spell('Հակոբյան').includes('hagopian'));
  assert.ok(spell('Պետրոսյան').includes('bedrosian'));
  assert.ok(spell('Գևորգյան').includes('kevorkian'));
  assert.ok(spell('Էջմիածին').includes('echmiadzin'));
});
