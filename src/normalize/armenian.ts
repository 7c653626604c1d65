/**
 * @module
 * Armenian → Latin. any-ascii writes the aspirates with an apostrophe and ու as "ow"
 * (Փաշինյան → P'ashinyan, Թումանյան → T'owmanyan), which no list uses. Armenians are written in
 * BGN/PCGN (Pashinyan, Tumanyan, Yerevan, Vardanyan), in older English and diaspora spellings
 * (-ian for -յան: Kocharian, Sarkissian) and through Russian (Gukasyan for Ղուկասյան, k for գ
 * in Sarkisyan). So each letter has the BGN/PCGN spelling first, then the ISO 9985 and common
 * alternatives, and a word yields the few likeliest combinations; ու is u (or ou), ե and ո at
 * the start of a word are ye and vo (or e and o), և is ev (yev at the start).
 * Diaspora names are also read in Western Armenian (Hagopian, Bedrosian: see WESTERN).
 * Sources: BGN/PCGN romanization of Armenian (1981), ISO 9985:1996; for Western Armenian, the
 * letters' Western pronunciation as diaspora surnames spell it (no standard system is cited).
 */
import { kBest } from './_kbest.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

const MAX_FORMS = 8;

const LETTERS: Readonly<Record<string, readonly string[]>> = {
  ա: ['a'],
  բ: ['b'],
  գ: ['g', 'k'],
  դ: ['d'],
  ե: ['e'],
  զ: ['z'],
  է: ['e'],
  ը: ['y', 'e', ''],
  թ: ['t'],
  ժ: ['zh', 'j'],
  ի: ['i'],
  լ: ['l'],
  խ: ['kh', 'x', 'h'],
  ծ: ['ts', 'tz'],
  կ: ['k'],
  հ: ['h'],
  ձ: ['dz'],
  ղ: ['gh', 'g'],
  ճ: ['ch', 'j'],
  մ: ['m'],
  յ: ['y', 'i'],
  ն: ['n'],
  շ: ['sh'],
  ո: ['o'],
  չ: ['ch'],
  պ: ['p'],
  ջ: ['j', 'dzh'],
  ռ: ['r', 'rr'],
  ս: ['s', 'ss'],
  վ: ['v'],
  տ: ['t'],
  ր: ['r'],
  ց: ['ts', 'c'],
  ւ: ['v'],
  փ: ['p', 'ph'],
  ք: ['k', 'q'],
  օ: ['o'],
  ֆ: ['f'],
  և: ['ev', 'yev'],
  ﬓ: ['mn'],
  ﬔ: ['me'],
  ﬕ: ['mi'],
  ﬖ: ['vn'],
  ﬗ: ['mkh'],
};

// Western Armenian, the language of the diaspora, voices and unvoices the stops and affricates
// the other way round (Հակոբյան Hagopian, Պետրոսյան Bedrosian, Գևորգյան Kevorkian, Էջմիածին
// Echmiadzin): these letters read so give the diaspora spellings, after the Eastern ones.
const WESTERN: Readonly<Record<string, readonly string[]>> = {
  բ: ['p'],
  պ: ['b'],
  գ: ['k'],
  կ: ['g'],
  դ: ['t'],
  տ: ['d'],
  ջ: ['ch'],
  ճ: ['j'],
  ծ: ['dz'],
  ձ: ['ts'],
  յ: ['i', 'y'],
};
/** Western spellings kept per word, after the Eastern ones. */
const MAX_WESTERN = 3;

const VOWELS = new Set(['ա', 'ե', 'է', 'ը', 'ի', 'ո', 'օ']);

// Legal forms and company words (Law of the Republic of Armenia on Joint-Stock Companies and on
// Limited Liability Companies: ՍՊԸ LLC, ՓԲԸ closed JSC, ԲԲԸ open JSC, ԱԸ JSC).
const WORDS: Readonly<Record<string, readonly [readonly string[], TokenKind?]>> = {
  սպը: [['llc']],
  փբը: [['cjsc']],
  բբը: [['ojsc']],
  բը: [['jsc']],
  աը: [['jsc']],
  ընկերություն: [['company']],
  բանկ: [['bank']],
};

/** Tokens of one Armenian word (lower-cased). */
export function armenianTokens(word: string): NameToken[] {
  const known = WORDS[word];
  if (known) {
    const [forms, kind] = known;
    return [makeToken(forms[0]!, forms, kind ?? wordKind([...forms]), 'armenian')];
  }
  const chars = [...word];
  const forms = kBest(options(chars, false), MAX_FORMS).filter(Boolean);
  if (!forms.length) return [];
  if (chars.some((c) => WESTERN[c] && c !== 'յ'))
    for (const f of kBest(options(chars, true), MAX_WESTERN)) if (!forms.includes(f)) forms.push(f);
  return [makeToken(forms[0]!, forms, chars.length === 1 ? 'initial' : 'word', 'armenian')];
}

/** Option lists of a word's letters, in the Eastern readings or the Western ones. */
function options(chars: string[], western: boolean): (readonly string[])[] {
  const opts: (readonly string[])[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const afterVowel = prev !== undefined && VOWELS.has(prev);
    if (c === 'ո' && chars[i + 1] === 'ւ') {
      opts.push(i === 0 ? ['u', 'ou', 'vu'] : ['u', 'ou', 'oo']);
      i++;
    } else if (c === 'ե' && (i === 0 || afterVowel)) opts.push(['ye', 'e']);
    else if (c === 'ո' && i === 0) opts.push(['vo', 'o']);
    else if (c === 'և' && i === 0) opts.push(['yev', 'ev']);
    else opts.push((western && WESTERN[c]) || LETTERS[c] || (/[0-9]/.test(c) ? [c] : ['']));
  }
  return opts;
}
