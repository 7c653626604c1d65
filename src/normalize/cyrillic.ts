/**
 * @module
 * Cyrillic words → the Latin spellings lists and passports use for them. Russian names reach
 * sanctions lists through several transliteration systems at once (OFAC and the UN mostly
 * BGN/PCGN-like, the EU and UK often the passport spelling, the press English spellings), so one
 * Cyrillic word gets up to {@link MAX_FORMS} spellings:
 * - any-ascii, which is close to BGN/PCGN: Дмитрий → dmitriy, Александр → aleksandr, Юрий → yuriy;
 * - the ICAO Doc 9303 passport transliteration (й → i, ю → iu, я → ia, ъ → ie): Юрий → iurii;
 * - BGN/PCGN's "ye" for е at the start of a word and after a vowel: Евгений → yevgeniy;
 * - the English simplifications: final -iy → -y or -i (dmitry, dmitri), -yy → -y, ks → x
 *   (alexandr), kh → h, ts → tz, shch → sch.
 */
import anyAscii from 'any-ascii';
import { asciiKey } from './nameToken.ts';

/** At most this many spellings per Cyrillic word, primary first. */
const MAX_FORMS = 8;

// ICAO Doc 9303 (8th ed., part 3, table for Cyrillic), for the letters where it differs from
// any-ascii. Ukrainian г is h there, but a lone word rarely says which language it is: g stays.
const ICAO: Readonly<Record<string, string>> = {
  й: 'i',
  ё: 'e',
  ъ: 'ie',
  ь: '',
  ю: 'iu',
  я: 'ia',
  є: 'ie',
  ї: 'i',
};
const ICAO_LETTERS = /[йёъьюяєї]/g;

// е after a vowel, a soft or hard sign, or at the start: pronounced (and by BGN/PCGN written) ye.
const YE = /(^|[аеёиоуыэюяіїєьъ])е/g;

// Rewrites of a Latin spelling, in order of how often lists use them.
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/iy$/, 'y'],
  [/iy$/, 'i'],
  [/yy$/, 'y'],
  [/ks/g, 'x'],
  [/kh/g, 'h'],
  [/ts/g, 'tz'],
  [/shch/g, 'sch'],
];

/** The Latin spellings of one lower-cased Cyrillic word, the any-ascii one first. */
export function cyrillicForms(word: string): string[] {
  const base = asciiKey(anyAscii(word));
  const forms = [base];
  const add = (f: string): void => {
    if (f && forms.length < MAX_FORMS && !forms.includes(f)) forms.push(f);
  };
  for (const [re, to] of REWRITES.slice(0, 3)) add(base.replace(re, to));
  add(asciiKey(anyAscii(word.replace(ICAO_LETTERS, (c) => ICAO[c]!))));
  YE.lastIndex = 0;
  if (YE.test(word)) add(asciiKey(anyAscii(word.replace(YE, '$1йе'))));
  // The remaining rewrites on every spelling so far (aleksandr → alexandr, khabarov → habarov).
  for (const [re, to] of REWRITES.slice(3)) {
    for (const f of forms.slice()) add(f.replace(re, to));
  }
  return forms;
}
