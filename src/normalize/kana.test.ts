import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);

test('small kana join the kana before them; a small tsu doubles the next consonant', () => {
  assert.equal(forms('ショウコウ')[0]![0], 'shoukou');
  assert.equal(forms('ジョン')[0]![0], 'jon');
  assert.equal(forms('ニッサン')[0]![0], 'nissan');
  assert.equal(forms('ファティマ')[0]![0], 'fatima');
});

test('Hepburn without long vowels, and Kunrei-shiki', () => {
  const shoko = forms('アサハラ ショウコウ')[1]!;
  assert.ok(shoko.includes('shoko') && shoko.includes('syoko'));
  assert.ok(forms('ふさこ')[0]!.includes('husako'));
  assert.ok(forms('マツモト')[0]!.includes('matumoto'));
  assert.ok(forms('おおた')[0]!.includes('ohta'));
  assert.ok(forms('シンブン')[0]!.includes('shimbun'));
});

test('foreign names: ti, di, no added final vowel, l for r', () => {
  assert.ok(forms('プーチン')[0]!.includes('putin'));
  assert.ok(forms('ウラジーミル')[0]!.includes('uladimil'));
});
