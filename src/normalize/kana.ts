/**
 * @module
 * Kana → Latin. any-ascii gives Hepburn (プーチン → puchin, ウラジーミル → urajimiru). Katakana
 * mostly transcribes foreign names, and Japanese has no ti, di or word-final consonants but l/r,
 * so a transcription bends the original: チ and ジ stand for ti and di (Putin → プーチン), and a
 * final consonant gets a vowel (-mir → ミル miru, -d → ド do). Two more forms undo that: one with
 * chi → ti and ji → di, and one that also drops a final u or o after a consonant. Japanese names
 * written in kana keep their Hepburn spelling first. Kanji are handled as Han characters (and get
 * Chinese and Korean readings, not Japanese ones: see han.ts).
 */
import anyAscii from 'any-ascii';
import { makeToken, type NameToken } from './nameToken.ts';

const NON_ALNUM = /[^a-z0-9]+/;
const EPENTHETIC = /([^aeiou])[uo]$/;

/** The spellings of one kana word: Hepburn, then the foreign-name readings. */
export function kanaForms(hepburn: string): string[] {
  const loan = hepburn.replace(/chi/g, 'ti').replace(/ji/g, 'di');
  const bare = loan.replace(EPENTHETIC, '$1');
  return [...new Set([hepburn, loan, bare])];
}

/** Tokens of a run of kana (usually one; any-ascii may split at punctuation it keeps). */
export function kanaTokens(run: string): NameToken[] {
  const tokens: NameToken[] = [];
  for (const piece of anyAscii(run).toLowerCase().split(NON_ALNUM)) {
    if (piece) tokens.push(makeToken(piece, kanaForms(piece), 'word', 'kana'));
  }
  return tokens;
}
