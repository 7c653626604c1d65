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

test('Thai names spelled letter by letter after the Sanskrit: bh, b, dh, j, v, finals by letter, kept silent letters', () => {
  for (const [thai, latin] of [
    ['อภิสิทธิ์', 'abhisit'],
    ['เวชชาชีวะ', 'vejjajiva'],
    ['ภูมิพล', 'bhumibol'],
    ['อดุลยเดช', 'adulyadej'],
    ['สิรินธร', 'sirindhorn'],
    ['มหิดล', 'mahidol'],
    ['สิงห์', 'singha'],
  ] as const)
    assert.ok(forms(thai)[0]!.includes(latin), `${thai}: ${forms(thai)[0]!.join(' ')}`);
  assert.equal(texts('อภิสิทธิ์')[0], 'aphisit', 'RTGS stays the primary spelling');
});

test('Thai: a short i or u after an open syllable may be mute; two last consonants after one are a syllable', () => {
  for (const [thai, latin] of [
    ['ชาติ', 'chat'],
    ['ประวัติ', 'prawat'],
    ['ภูมิธรรม', 'phumtham'],
    ['ภูมิพล', 'phumiphon'],
    ['มหิดล', 'mahidon'],
  ] as const)
    assert.ok(forms(thai)[0]!.includes(latin), `${thai}: ${forms(thai)[0]!.join(' ')}`);
  assert.ok(forms('ชาติ')[0]!.includes('chati'), 'the vowel is kept as well');
  assert.ok(
    !forms('เทือกสุบรรณ')[0]!.includes('thueaksban'),
    'after a closed syllable the vowel is read',
  );
  assert.ok(forms('จิตร')[0]!.includes('chit'), 'a last ร after a final stays silent');
  assert.ok(forms('อุดร')[0]!.includes('ut'), 'so ร ends no such syllable (Udon is beyond rules)');
});

test('Thai compounds: a final read twice, the Pali inherent a, รร before a vowel, a silent ย after ไ', () => {
  for (const [thai, latin] of [
    ['นครราชสีมา', 'nakhonratchasima'],
    ['นครราชสีมา', 'nakhonratsima'],
    ['เวชยชัย', 'wetchayachai'],
    ['เวชยชัย', 'wechayachai'],
    ['ชวลิต', 'javalit'],
    ['สุนทรเวช', 'suntharavej'],
    ['กสิกรไทย', 'kasikonthai'],
    ['ไทย', 'thai'],
  ] as const)
    assert.ok(forms(thai)[0]!.includes(latin), `${thai}: ${forms(thai)[0]!.join(' ')}`);
  assert.ok(!forms('ไทย')[0]!.includes('thaii'), 'ย after ไ is not read');
  assert.equal(forms('นครราชสีมา')[0]![0], 'nakhonratsima', 'the usual reading stays first');
  assert.ok(forms('วรรณ')[0]!.includes('wan'), 'รร before a consonant is still a');
});
