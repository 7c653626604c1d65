import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Thai in RTGS: unwritten vowels, final sounds, leading vowels, silent letters', () => {
  assert.deepEqual(texts('สมชาย'), ['somchai'], 'o in a closed syllable; ย final is i');
  assert.deepEqual(texts('ทักษิณ'), ['thaksin'], 'ณ final is n');
  assert.deepEqual(texts('ประยุทธ์'), ['prayut'], 'ธ์ is silent, ท final is t');
  assert.deepEqual(texts('เชียงใหม่'), ['chiangmai'], 'เ-ีย, and ใ before its consonant');
  assert.deepEqual(texts('ภูเก็ต'), ['phuket']);
  assert.deepEqual(texts('ชลบุรี'), ['chonburi'], 'ล final is n');
  assert.ok(forms('สุวรรณ')[0]!.includes('suwan'), 'รร is a');
  assert.ok(forms('ชินวัตร')[0]!.includes('shinwatra'), 'ch or sh');
});

test('Thai company words', () => {
  assert.deepEqual(
    tokenizeName('บริษัท สยามซีเมนต์ จำกัด').map((t) => t.kind),
    ['legal', 'word', 'legal'],
  );
});

test('Thai syllables: อ as o, a final pair after a long vowel, ฤ, a silent final ร', () => {
  assert.ok(forms('ทอง')[0]!.includes('thong'), 'a bare อ between consonants is o');
  assert.ok(forms('แพทองธาร')[0]!.includes('phaethongthan'), 'ท starts ทอง, not ends แพ');
  assert.ok(forms('ธนาธร')[0]!.includes('thanathon'), 'after า, ธร is a syllable');
  assert.ok(forms('ธนาธร')[0]!.includes('thanathorn'), 'final ร as -rn');
  assert.equal(texts('จักรีนฤเบศร')[0], 'chakrinaruebet', 'ฤ is rue; ศร ends in a silent ร');
});

test('Thai personal spellings: aspirates without h, finals by their letter, abbreviations', () => {
  assert.ok(forms('แพทองธาร')[0]!.includes('paetongtarn'), 'Paetongtarn');
  assert.ok(forms('ประยุทธ์')[0]!.includes('prayuth'), 'Prayuth');
  assert.ok(forms('ปตท.')[0]!.includes('ptt'), 'ปตท. is PTT');
  assert.ok(!forms('สม')[0]!.includes('sm'), 'a two-letter word is a syllable');
});

test('Thai: อ carries a vowel except before ยา ยู; a final before ย is read twice; a lone last letter', () => {
  assert.equal(texts('อนุทิน')[0], 'anuthin');
  assert.equal(texts('อยู่')[0], 'yu');
  assert.equal(texts('อยุธยา')[0], 'ayutthaya');
  assert.ok(forms('พัทยา')[0]!.includes('pattaya'));
  assert.equal(texts('ยิ่งลักษณ์')[0], 'yinglak');
});
