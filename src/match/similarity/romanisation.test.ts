import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ABJAD_PROFILE,
  ABUGIDA_PROFILE,
  ARMENIAN_PROFILE,
  BURMESE_PROFILE,
  GEORGIAN_PROFILE,
  KANA_PROFILE,
  romanisationDistance,
} from './index.ts';

test('spellings a romanisation explains are soft edits only', () => {
  for (const [a, b, profile] of [
    ['wongswat', 'wongsawat', ABUGIDA_PROFILE], // the inherent vowel written
    ['thanathon', 'thanathorn', ABUGIDA_PROFILE], // a silent r (English spelling)
    ['phitha', 'pita', ABUGIDA_PROFILE], // aspiration not written
    ['chunhawan', 'choonhavan', ABUGIDA_PROFILE], // u/oo, w/v
    ['nataniho', 'netanyahu', ABJAD_PROFILE], // vowels guessed, a mater lectionis
    ['kocharyan', 'kocharian', ARMENIAN_PROFILE], // y/i
    ['sargsyan', 'sarkisian', ARMENIAN_PROFILE], // the unwritten schwa, g/k
    ['manganezi', 'manganese', GEORGIAN_PROFILE], // the nominative -i, z/s
    ['tarou', 'taro', KANA_PROFILE], // vowel length
  ] as const) {
    const d = romanisationDistance(a, b, profile);
    assert.equal(d.hard, 0, `${a}/${b}: ${JSON.stringify(d)}`);
    assert.ok(d.soft > 0 && d.soft <= 1.5, `${a}/${b}: ${d.soft}`);
    assert.deepEqual(romanisationDistance(b, a, profile), d, `${b}/${a} is symmetric`);
  }
});

test('a consonant of another class, added or dropped, is a hard edit: another name', () => {
  for (const [a, b, profile] of [
    ['wongsuwan', 'wongsawat', ABUGIDA_PROFILE], // n/t
    ['vasadze', 'vashadze', GEORGIAN_PROFILE], // s/sh are two letters
    ['gharibashvili', 'gabashvili', GEORGIAN_PROFILE], // r dropped
    ['yamada', 'yamaha', KANA_PROFILE], // d/h
    ['fuji', 'fuki', KANA_PROFILE], // j/k
    ['tanaka', 'takana', KANA_PROFILE], // consonants swapped
  ] as const)
    assert.ok(romanisationDistance(a, b, profile).hard >= 1, `${a}/${b}`);
});

test('a vowel changed is soft where vowels are guesses and hard where every vowel is written', () => {
  assert.equal(romanisationDistance('paras', 'peres', ABJAD_PROFILE).hard, 0);
  assert.ok(romanisationDistance('suzuki', 'sasaki', KANA_PROFILE).hard >= 1);
  assert.ok(romanisationDistance('suzuki', 'sazuki', KANA_PROFILE).hard >= 1);
  // Near vowels are spellings of one Thai vowel; distant ones are another vowel.
  assert.equal(romanisationDistance('chan', 'chen', ABUGIDA_PROFILE).hard, 0);
  assert.ok(romanisationDistance('krabi', 'kirby', ABUGIDA_PROFILE).hard >= 1);
  // A vowel added at the start is no romanisation (Rioni is not Orion).
  assert.ok(romanisationDistance('rioni', 'orion', GEORGIAN_PROFILE).hard >= 1);
});

test('dropping both letters of a double is dropping a letter, not two doublings', () => {
  assert.ok(romanisationDistance('nasralla', 'nasra', ABJAD_PROFILE).hard >= 1);
  assert.equal(romanisationDistance('masis', 'massis', ARMENIAN_PROFILE).soft, 0.1);
});

test('a Burmese syllable keeps its consonant and its rhyme', () => {
  assert.equal(romanisationDistance('wei', 'wai', BURMESE_PROFILE).hard, 0); // ေ as ei or ai
  assert.equal(romanisationDistance('hlaing', 'hlaing', BURMESE_PROFILE).soft, 0);
  assert.ok(romanisationDistance('zein', 'zan', BURMESE_PROFILE).hard >= 1); // ein is not an
  assert.ok(romanisationDistance('sein', 'zein', BURMESE_PROFILE).hard >= 1); // nor s z
  assert.equal(romanisationDistance('sein', 'zein', ABUGIDA_PROFILE).hard, 0);
});
