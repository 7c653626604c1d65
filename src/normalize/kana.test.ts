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

test('foreign names: the vowels katakana adds dropped, and the letters it bends put back', () => {
  assert.ok(forms('トランプ')[0]!.includes('tramp'), 'to-ra-n-pu');
  assert.ok(forms('ドナルド')[0]!.includes('donald'), 'the first syllable kept');
  assert.ok(forms('ラブロフ')[0]!.includes('lavlov'), 'b as v, final f as v, r as l');
  assert.ok(forms('イワノフ')[0]!.includes('ivanov'));
  assert.ok(forms('アレクサンドル')[0]!.includes('alexandr'));
  assert.ok(forms('セルゲイ')[0]!.includes('sergei'));
});
