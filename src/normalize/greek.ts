/**
 * @module
 * Greek words → Latin spellings. any-ascii transliterates letter by letter (Πούτιν → poytin,
 * Βλαντίμιρ → vlantimir, Ευάγγελος → eyaggelos); Greek spells several sounds with two letters, so
 * the usual ELOT 743 / passport readings of those pairs are added: ου → ou, u; αυ, ευ → av, ev
 * (af, ef); ντ → d at the start of a word, nd inside, and d everywhere in names borrowed
 * from other languages (Βλαντίμιρ → vladimir); μπ likewise b or mb; γγ → ng; γκ → g, nk; υ → i;
 * χ → kh, h. Nominative endings -os, -as, -is, -es are dropped in one more form, since the
 * English form of a Greek name usually lacks them (Αλέξανδρος → alexandr ~ Alexander).
 */
import anyAscii from 'any-ascii';
import { asciiKey } from './nameToken.ts';

const MAX_FORMS = 6;

// Applied to the any-ascii spelling, in one pass each: the first form gets the most common
// reading of every pair, the second the alternatives.
const COMMON: readonly (readonly [RegExp, string])[] = [
  [/oy/g, 'ou'],
  [/ay/g, 'av'],
  [/ey/g, 'ev'],
  [/^nt/, 'd'],
  [/^mp/, 'b'],
  [/gg/g, 'ng'],
  [/gk/g, 'g'],
  [/y/g, 'i'],
];
const ALTERNATIVE: readonly (readonly [RegExp, string])[] = [
  [/oy/g, 'u'],
  [/ay/g, 'af'],
  [/ey/g, 'ef'],
  [/nt/g, 'nd'],
  [/mp/g, 'mb'],
  [/gg/g, 'ng'],
  [/gk/g, 'nk'],
  [/ch/g, 'kh'],
  [/y/g, 'i'],
];
// Foreign names written in Greek: ντ and μπ stand for plain d and b.
const LOANWORD: readonly (readonly [RegExp, string])[] = [
  [/oy/g, 'u'],
  [/nt/g, 'd'],
  [/mp/g, 'b'],
  [/gk/g, 'g'],
  [/y/g, 'i'],
];
const ENDING = /(os|as|is|es)$/;

function rewrite(s: string, rules: readonly (readonly [RegExp, string])[]): string {
  let out = s;
  for (const [re, to] of rules) out = out.replace(re, to);
  return out;
}

/** The Latin spellings of one lower-cased Greek word, the any-ascii one first. */
export function greekForms(word: string): string[] {
  const base = asciiKey(anyAscii(word));
  const common = rewrite(base, COMMON);
  const forms = [base, common, rewrite(base, ALTERNATIVE), rewrite(base, LOANWORD)];
  forms.push(common.replace(/ch/g, 'h'));
  if (common.length > 4 && ENDING.test(common)) forms.push(common.replace(ENDING, ''));
  return [...new Set(forms)].slice(0, MAX_FORMS);
}
