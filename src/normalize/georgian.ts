/**
 * @module
 * Georgian (Mkhedruli, and Mtavruli capitals, which lower-case to it) → Latin. any-ascii follows
 * the national system of 2002 but writes the ejectives with an apostrophe (სააკაშვილი →
 * saak'ashvili) and knows no other system. Georgians on sanctions lists and in company registers
 * are written in the national system (Gharibashvili, Jughashvili, Qazbegi) or, from Soviet
 * documents and Russian intermediaries, in spellings made through Russian (Garibashvili,
 * Dzhugashvili, Kazbegi). So each letter has the national spelling first, then the Russian-based
 * one (BGN/PCGN 1981 for Georgian, and the English rendering of the Russian form: ღ g, ყ k,
 * ჯ dzh, ხ kh or h, ც/წ ts or tz), and a word yields the few likeliest combinations.
 * Sources: Georgian national romanisation (2002, as adopted by BGN/PCGN in 2009), BGN/PCGN
 * 1981 Georgian, and ISO 9984 (for the ejective letters, which both drop the apostrophe).
 */
import { kBest } from './_kbest.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

const MAX_FORMS = 8;

const LETTERS: Readonly<Record<string, readonly string[]>> = {
  ა: ['a'],
  ბ: ['b'],
  გ: ['g'],
  დ: ['d'],
  ე: ['e'],
  ვ: ['v'],
  ზ: ['z'],
  თ: ['t', 'th'],
  ი: ['i'],
  კ: ['k'],
  ლ: ['l'],
  მ: ['m'],
  ნ: ['n'],
  ო: ['o'],
  პ: ['p'],
  ჟ: ['zh', 'j'],
  რ: ['r'],
  ს: ['s'],
  ტ: ['t'],
  უ: ['u'],
  ფ: ['p', 'ph'],
  ქ: ['k', 'q'],
  ღ: ['gh', 'g'],
  ყ: ['q', 'k', 'kh'],
  შ: ['sh'],
  ჩ: ['ch'],
  ც: ['ts', 'tz', 'c'],
  ძ: ['dz'],
  წ: ['ts', 'tz'],
  ჭ: ['ch'],
  ხ: ['kh', 'h', 'x'],
  ჯ: ['j', 'dzh', 'dj'],
  ჰ: ['h'],
  // Letters of old Georgian, still in a few names.
  ჱ: ['e'],
  ჲ: ['y'],
  ჳ: ['v'],
  ჴ: ['q'],
  ჵ: ['o'],
  ჶ: ['f'],
  ჷ: ['y'],
  ჸ: [''],
  ჺ: [''],
};

// Legal forms and company words (Law of Georgia on Entrepreneurs, art. 2: შპს LLC, სს JSC…).
const WORDS: Readonly<Record<string, readonly [readonly string[], TokenKind?]>> = {
  შპს: [['llc']],
  სს: [['jsc']],
  სპს: [['lp']],
  კს: [['lp']],
  შეზღუდული: [['limited']],
  პასუხისმგებლობის: [['liability'], 'legal'],
  საზოგადოება: [['company']],
  სააქციო: [['jsc']],
  კომპანია: [['company']],
  ბანკი: [['bank']],
};

/** Tokens of one Georgian word. */
export function georgianTokens(word: string): NameToken[] {
  const known = WORDS[word];
  if (known) {
    const [forms, kind] = known;
    return [makeToken(forms[0]!, forms, kind ?? wordKind([...forms]), 'georgian')];
  }
  const opts = [...word].map((c) => LETTERS[c] ?? (/[0-9]/.test(c) ? [c] : ['']));
  const forms = kBest(opts, MAX_FORMS).filter(Boolean);
  if (!forms.length) return [];
  return [makeToken(forms[0]!, forms, [...word].length === 1 ? 'initial' : 'word', 'georgian')];
}
