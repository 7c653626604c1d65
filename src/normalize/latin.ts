/**
 * @module
 * Latin-script words → ASCII spellings. The primary form strips diacritics (any-ascii: "Müller" →
 * muller, "Łukasz" → lukasz, "ß" → ss); a second form spells the letters that have a customary
 * two-letter ASCII spelling out in full, because lists and passports often do: German and Nordic
 * umlauts (ü → ue, ö → oe, ä → ae, ø → oe, å → aa; "Müller" → mueller) and the háček letters of
 * Czech, Slovak and Croatian names transliterated from Cyrillic (č → ch, š → sh, ž → zh, ć → ch;
 * "Vladimirovič" → vladimirovich, matching the English transliteration).
 */
import anyAscii from 'any-ascii';
import { asciiKey } from './nameToken.ts';

const EXPANSIONS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ø: 'oe',
  å: 'aa',
  č: 'ch',
  ć: 'ch',
  š: 'sh',
  ž: 'zh',
};
const EXPANDABLE = /[äöüøåčćšž]/g;

/**
 * The ASCII spellings of one lower-cased Latin word: the diacritic-stripped form first, then the
 * spelled-out form where the word has an umlaut or háček. Pure ASCII words have one form.
 */
export function latinForms(word: string): string[] {
  const base = asciiKey(anyAscii(word));
  EXPANDABLE.lastIndex = 0;
  if (!EXPANDABLE.test(word)) return [base];
  const spelled = asciiKey(anyAscii(word.replace(EXPANDABLE, (c) => EXPANSIONS[c]!)));
  return spelled === base ? [base] : [base, spelled];
}
