/**
 * @module
 * Hebrew words → Latin spellings. Hebrew writes consonants and, for some vowels, the "matres
 * lectionis" א ה ו י ע; short vowels are left out. any-ascii gives the consonants
 * (חמאס → hm's, חיזבאללה → hyzv'llh), and a consonant string matched as a spelling made
 * `חמאס` find JOINT STOCK COMPANY HMS GROUP before HAMAS. So a Hebrew word here yields only
 * vocalised spellings, from a letter table with the readings each letter has in names:
 * - ב כ פ are b/v, k/kh, p/f (hard at the start of a word, soft after a vowel), ח is h/kh/ch,
 *   ש sh/s, צ ts/tz/z, ק k/q;
 * - ו and י are vowels (o/u, i/e) or consonants (v/w, y); א and ע carry a vowel or are silent;
 *   ה at the end of a word is a vowel (a, ah, e);
 * - between two consonants a vowel is supplied (a, then none, e, o, i);
 * - ג׳ ז׳ צ׳ (with geresh) are j, zh, ch; final letters (ך ם ן ף ץ) are their letters at the end;
 * - a prefix letter (ה the, ו and, ב in, ל to, מ from, ש that, כ as) glued to a word also gives
 *   the spellings of the word without it, after those with it (הפועלים → hapoalim, poalim).
 * Table after the ALA-LC Hebrew romanization table (2011) and the Academy of the Hebrew
 * Language's 2006 rules, with the common English spellings of names first.
 *
 * The consonant skeleton is never a spelling: the matcher compares skeletons of abjad scripts on
 * its own, at a lower score than a spelling match, so a vowel-less likeness (HMS) never outranks
 * a real spelling (HAMAS). Known words (בע״מ Ltd, בנק bank…) get their Latin word, frequent given
 * names (hebrewNames.ts) their usual spellings first.
 */
import { kBest } from './_kbest.ts';
import { HEBREW_NAMES } from './hebrewNames.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

/** Spellings kept per word (and as many again for the word without its prefix letter). */
const MAX_FORMS = 10;

/** Marks a letter written with geresh (ג׳ j, ז׳ zh, צ׳ ch): U+059C, the Hebrew accent geresh. */
const GERESH = '\u059c';

const HEBREW = /[\u0590-\u05ff]/;
const GERSHAYIM = /([\u05d0-\u05ea])["\u05f4]([\u05d0-\u05ea])/g;
const GERESH_LETTER = /([גזצץת])['\u05f3\u2019]/g;
const OTHER_GERESH = /([\u05d0-\u05ea])\u05f3/g;

/**
 * Hebrew punctuation that sits inside names, fixed before the name is cut into words (it would
 * cut them): gershayim in acronyms (בע״מ, צה"ל) joins the letters, a geresh after ג ז צ ת
 * becomes a mark of that letter, another geresh (an abbreviation) goes.
 */
export function prepareHebrew(text: string): string {
  if (!HEBREW.test(text)) return text;
  return text
    .replace(GERSHAYIM, '$1$2')
    .replace(GERESH_LETTER, `$1${GERESH}`)
    .replace(OTHER_GERESH, '$1');
}

const FINALS: Readonly<Record<string, string>> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

type Place = 'start' | 'middle' | 'end';

// Consonant readings; by place where they differ. The usual English spelling of names first.
const CONSONANTS: Readonly<Record<string, Partial<Record<Place | 'all', readonly string[]>>>> = {
  ב: { start: ['b', 'v'], middle: ['v', 'b'], end: ['v', 'b'] },
  ג: { all: ['g'] },
  ד: { all: ['d'] },
  ז: { all: ['z'] },
  ח: { all: ['h', 'kh', 'ch'] },
  ט: { all: ['t'] },
  כ: { start: ['k', 'kh', 'c', 'ch'], middle: ['kh', 'k', 'ch'], end: ['kh', 'ch', 'k'] },
  ל: { all: ['l'] },
  מ: { all: ['m'] },
  נ: { all: ['n'] },
  ס: { all: ['s'] },
  פ: { start: ['p', 'f'], middle: ['f', 'p', 'ph'], end: ['f', 'ph', 'p'] },
  צ: { all: ['ts', 'tz', 'z', 's'] },
  ק: { all: ['k', 'q', 'c'] },
  ר: { all: ['r'] },
  ש: { all: ['sh', 's'] },
  ת: { all: ['t', 'th'] },
  [`ג${GERESH}`]: { all: ['j', 'g'] },
  [`ז${GERESH}`]: { all: ['zh', 'j'] },
  [`צ${GERESH}`]: { all: ['ch', 'tch'] },
  [`ת${GERESH}`]: { all: ['th'] },
};

// Letters that may stand for a vowel.
const MATRES: Readonly<Record<string, Record<Place, readonly string[]>>> = {
  א: { start: ['a', 'e', 'i', 'o'], middle: ['a', '', 'e'], end: ['a', ''] },
  ע: { start: ['a', 'e', 'o', 'i'], middle: ['a', '', 'e'], end: ['a', ''] },
  ה: { start: ['h'], middle: ['h', ''], end: ['a', 'ah', 'e', 'h'] },
  ו: { start: ['v', 'w', 'o', 'u'], middle: ['o', 'u', 'v', 'w'], end: ['o', 'u', 'v'] },
  י: {
    start: ['y', 'i', 'e'],
    middle: ['i', 'y', 'ai', 'e', 'ay', 'ei'],
    end: ['i', 'y', 'ai', 'ei'],
  },
  וו: { start: ['v', 'w'], middle: ['v', 'w', 'uv', 'ov'], end: ['v', 'w'] },
  יי: { start: ['y'], middle: ['y', 'i', 'yy', 'ai', 'ei'], end: ['y', 'i', 'ai', 'ei'] },
};

// The vowel supplied between two consonants: a, none (a cluster: Naftali), e, o, i; none first
// between a doubled letter (Hizballah).
const GAP = ['a', '', 'e', 'o', 'i'];
const GEMINATE_GAP = ['', 'a', 'e'];

const PREFIXES = new Set(['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'כ']);

// Whole words with a Latin equivalent: legal forms and company words.
const WORDS_BY_SPELLING: Readonly<Record<string, readonly [readonly string[], TokenKind?]>> = {
  בעמ: [['ltd', 'limited']],
  בערבון: [['limited', 'ltd']],
  מוגבל: [['limited', 'ltd']],
  חברה: [['company']],
  חברת: [['company']],
  ושות: [['co']],
  בנק: [['bank']],
};

const WORDS = new Map(
  Object.entries(WORDS_BY_SPELLING).map(([w, v]) => [letters(w).join(''), v] as const),
);
const NAMES = new Map(
  Object.entries(HEBREW_NAMES).map(([w, v]) => [letters(prepareHebrew(w)).join(''), v] as const),
);

/** Spellings kept for the word without its prefix letter: a guess, so fewer. */
const MAX_PREFIXLESS = 4;

/** Letters of a word: base letters (finals folded) with a geresh mark kept on its letter. */
function letters(word: string): string[] {
  const out: string[] = [];
  for (const ch of word) {
    // Points (niqqud) and cantillation go; a geresh stays on its letter.
    if (ch >= '\u05d0' && ch <= '\u05ea') out.push(FINALS[ch] ?? ch);
    else if (ch === GERESH && out.length) out[out.length - 1] += GERESH;
  }
  return out;
}

/** Option lists (letters and the vowels between them) whose k-best are the word's spellings. */
function options(ls: string[]): string[][] {
  // Pair up ויו/יי written double for a consonant.
  const units: string[] = [];
  for (const l of ls) {
    const last = units[units.length - 1];
    if ((l === 'ו' || l === 'י') && last === l) units[units.length - 1] = l + l;
    else units.push(l);
  }
  const opts: string[][] = [];
  units.forEach((u, i) => {
    const place: Place = i === 0 ? 'start' : i === units.length - 1 ? 'end' : 'middle';
    const prev = units[i - 1];
    const consonantHere = !MATRES[u] || (u === 'ה' && place !== 'end');
    const consonantBefore = prev !== undefined && (!MATRES[prev] || prev === 'ה');
    if (consonantHere && consonantBefore && i > 0) opts.push(prev === u ? GEMINATE_GAP : GAP);
    const m = MATRES[u];
    // א or ע before a vowel letter at the start only carries it (אוחיון Ohayon, איתמר Itamar).
    const carrier = i === 0 && (u === 'א' || u === 'ע') && (units[1] === 'ו' || units[1] === 'י');
    if (carrier) opts.push(['', ...m![place]]);
    else if (m) opts.push([...m[place]]);
    else {
      const c = CONSONANTS[u];
      opts.push([...(c?.[place] ?? c?.all ?? [''])]);
    }
  });
  return opts;
}

// A spelling without a vowel is the consonant skeleton, which must not count as a spelling.
const VOWEL = /[aeiou]/;

// Ashkenazi names reached Latin through German, whose z is the sound ts (Weizmann, Herzl, Bezalel):
// the first spellings also get z for צ, whose ts/tz another z's distance counts as a letter dropped.
const GERMAN_Z = 2;

function spellings(ls: string[]): string[] {
  const forms = kBest(options(ls), MAX_FORMS + 4)
    .filter((f) => VOWEL.test(f))
    .slice(0, MAX_FORMS);
  for (const f of forms.slice(0, GERMAN_Z)) {
    const z = f.replace(/t[sz]/g, 'z');
    if (z !== f && !forms.includes(z)) forms.push(z);
  }
  return forms;
}

/** Tokens of one Hebrew word (one token: a glued prefix gives extra spellings, not a token). */
export function hebrewTokens(word: string): NameToken[] {
  const ls = letters(word);
  if (!ls.length) return [];
  const known = WORDS.get(ls.join(''));
  if (known) {
    const [forms, kind] = known;
    return [makeToken(forms[0]!, forms, kind ?? wordKind([...forms]), 'hebrew')];
  }
  const key = ls.join('');
  // A known name: its usual spellings first, then the vocalised ones.
  const forms = [...(NAMES.get(key) ?? []), ...spellings(ls)];
  if (ls.length >= 4 && PREFIXES.has(ls[0]!)) {
    const rest = ls.slice(1);
    forms.push(...(NAMES.get(rest.join('')) ?? spellings(rest).slice(0, MAX_PREFIXLESS)));
  }
  if (!forms.length) {
    // A word that no vowel can be read into (a lone letter, an abbreviation: ר׳, צ) keeps its
    // consonants rather than vanish from the name.
    const consonants = kBest(options(ls), 1)[0];
    if (!consonants) return [];
    return [makeToken(consonants, [consonants], ls.length === 1 ? 'initial' : 'word', 'hebrew')];
  }
  return [makeToken(forms[0]!, forms, ls.length === 1 ? 'initial' : 'word', 'hebrew')];
}
