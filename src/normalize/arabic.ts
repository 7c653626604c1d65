/**
 * @module
 * Arabic-script words (Arabic, Persian, Urdu, Pashto) → tokens. any-ascii writes the consonants
 * only (محمد → mhmd, علي → `ly), which the matcher compares through consonant skeletons; common
 * names also get their usual Latin spellings from {@link ARABIC_NAMES}. The article ال is split off
 * as its own `stop` token, as Latin lists write it apart ("al-Baghdadi"): البغدادي → al, bghddy.
 * Its spellings include the assimilated forms before a "sun letter" (الرحمن → ar-Rahman,
 * الدين → ad-Din, ud-Din), so joined spellings such as Abdurrahman or Nuruddin can be rebuilt by
 * joining tokens. A glued عبد ("servant of", عبدالرحمن) is split off the same way.
 */
import anyAscii from 'any-ascii';
import { ARABIC_NAMES } from './arabicNames.ts';
import { asciiKey, makeToken, type NameToken, type TokenKind } from './nameToken.ts';

// Diacritics (harakat, shadda, superscript alef, Quranic marks: all nonspacing marks) and the
// tatweel: not letters of the name. Hamza seats survive, as NFKC has composed them (أ, إ, ؤ).
const MARKS = /[\p{Mn}\u0640]/gu;

// Letters written several ways for the same name: hamza seats on alef, alef maqsura and
// Persian yeh for yeh, Persian kaf, ta marbuta (ة, ۀ) for ha.
const FOLD: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ۀ: 'ه',
};
const FOLDABLE = /[أإآٱىیکةۀ]/g;

/** Folds an Arabic-script word for table lookups: no diacritics, one spelling per letter. */
export function foldArabic(word: string): string {
  return word.replace(MARKS, '').replace(FOLDABLE, (c) => FOLD[c]!);
}

const table = new Map<string, { forms: readonly string[]; kind: TokenKind }>();
for (const [key, [forms, kind]] of Object.entries(ARABIC_NAMES)) {
  table.set(foldArabic(key), { forms, kind: kind ?? 'word' });
}

// Sun letters assimilate the article's l: ال + ر → ar-, ال + د → ad-.
const SUN_LETTERS: Readonly<Record<string, string>> = {
  ت: 't',
  ث: 'th',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ن: 'n',
};

const ARTICLE = 'ال';
const DIGITS = /^[0-9]+$/;
const ABD = 'عبد';

function articleToken(next: string): NameToken {
  const sun = SUN_LETTERS[next];
  const forms = ['al', 'el', 'ul'];
  if (sun) forms.push(`a${sun}`, `e${sun}`, `u${sun}`);
  return makeToken('al', forms, 'stop', 'arabic');
}

/** The consonant spelling any-ascii gives, without the ayin and hamza marks (` and '). */
function consonants(word: string): string {
  return asciiKey(anyAscii(word));
}

/** Tokens of one Arabic-script word (usually one; two or three when an article or عبد is glued). */
export function arabicTokens(word: string): NameToken[] {
  const folded = foldArabic(word);
  if (!folded) return [];
  const entry = table.get(folded);
  if (entry) {
    return [makeToken(entry.forms[0]!, [...entry.forms, consonants(folded)], entry.kind, 'arabic')];
  }
  if (folded.startsWith(ARTICLE) && folded.length >= 4) {
    return [articleToken(folded[2]!), ...arabicTokens(folded.slice(2))];
  }
  if (folded.startsWith(ABD) && folded.length >= 6) {
    return [...arabicTokens(ABD), ...arabicTokens(folded.slice(3))];
  }
  const text = consonants(folded);
  if (!text) return [];
  const kind: TokenKind = DIGITS.test(text) ? 'number' : 'word';
  return [makeToken(text, [text], kind, 'arabic')];
}
