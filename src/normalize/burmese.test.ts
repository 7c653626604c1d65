import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

/** The forms of each token of a name. */
const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Burmese names come out syllable by syllable in their conventional spellings', () => {
  assert.deepEqual(texts('မင်းအောင်လှိုင်'), ['min', 'aung', 'hlaing']);
  assert.deepEqual(texts('သိန်းစိန်'), ['thein', 'sein']);
  assert.deepEqual(texts('ကျော်ဇော်'), ['kyaw', 'zaw']);
  assert.deepEqual(texts('စိုးဝင်း'), ['so', 'win']);
  assert.ok(forms('စိုးဝင်း')[0]!.includes('soe'), 'ို is o or oe');
  assert.deepEqual(texts('သန်းရွှေ'), ['than', 'shwe'], 'ရွှ is shw');
  assert.equal(tokenizeName('ကျော်')[0]!.script, 'burmese');
});

test('the Myanmar Language Commission transcription (MLCTS) is a spelling too', () => {
  const [min, aung, hlaing] = forms('မင်းအောင်လှိုင်');
  assert.ok(min!.includes('mang') && aung!.includes('aung') && hlaing!.includes('hluing'));
  assert.ok(forms('ကျော်')[0]!.includes('kyau'));
});

test('a creaky nasal is written with t, and ထ is Htun or Tun', () => {
  assert.deepEqual(texts('ဝင်းမြင့်'), ['win', 'myint']);
  assert.ok(forms('ခင်ညွန့်')[1]!.includes('nyunt'));
  const htun = forms('ထွန်း')[0]!;
  assert.ok(htun.includes('htun') && htun.includes('tun'));
});

test('open a-syllables join the syllable before them, as Latin writes Pali words', () => {
  assert.equal(tokenizeName('သူရ').length, 1);
  assert.ok(forms('သူရ')[0]!.includes('thura'));
  assert.ok(forms('ဝဏ္ဏ')[0]!.includes('wunna'), 'stacked consonant closes the syllable');
});

test('honorifics, company words and digits', () => {
  assert.deepEqual(
    tokenizeName('ဦးဇော်မင်းထွန်း').map((t) => `${t.text}:${t.kind}`),
    ['u:title', 'zaw:word', 'min:word', 'htun:word'],
  );
  assert.deepEqual(
    tokenizeName('ရွှေတောင် ကုမ္ပဏီ လီမိတက်').map((t) => `${t.text}:${t.kind}`),
    ['shwe:word', 'taung:word', 'company:legal', 'limited:legal'],
  );
  assert.deepEqual(
    tokenizeName('ရွှေ ၁၂၃').map((t) => `${t.text}:${t.kind}`),
    ['shwe:word', '123:number'],
  );
});

test('ဦး is the honorific U first in a name and the syllable Oo after a syllable', () => {
  assert.deepEqual(
    tokenizeName('ဦးနု').map((t) => `${t.text}:${t.kind}`),
    ['u:title', 'nu:word'],
  );
  assert.deepEqual(
    tokenizeName('မြထွန်းဦး').map((t) => `${t.text}:${t.kind}`),
    ['mya:word', 'htun:word', 'oo:word'],
  );
});

test('places Latin writes as one word come out in their MIMU and colonial spellings', () => {
  for (const [burmese, latin] of [
    ['မန္တလေး', 'mandalay'],
    ['ရန်ကုန်', 'rangoon'],
    ['ထားဝယ်', 'dawei'],
    ['ပုဂံ', 'bagan'],
    ['ဧရာဝတီ', 'irrawaddy'],
    ['တပ်မတော်', 'tatmadaw'],
  ] as const)
    assert.deepEqual(
      forms(burmese).map((f) => f.includes(latin)),
      [true],
      `${burmese}: ${JSON.stringify(forms(burmese))}`,
    );
  assert.deepEqual(texts('မန္တလေး ကုမ္ပဏီ လီမိတက်'), ['mandalay', 'company', 'limited']);
  assert.deepEqual(texts('ရန်ကုန်မြို့')[0], 'yangon', 'a place word inside a longer word');
  assert.deepEqual(texts('မင်းအောင်လှိုင်'), ['min', 'aung', 'hlaing'], 'names stay syllables');
});
