/**
 * @module
 * Khmer → Latin. any-ascii transliterates letter by letter: it leaves out the inherent vowels and
 * does not know that a vowel sign is read differently after the two series of consonants
 * (ហ៊ុន សែន → hon saen for Hun Sen, សម រង្ស៊ី → sm rngsei for Sam Rainsy, ទា → ta for Tea).
 * Khmer names on lists and in passports follow the UNGEGN system (1972, as used by the
 * Cambodian government) or French-based spellings close to it. So a word is cut into syllables
 * (a consonant with its subscripts, its vowel sign, its final consonant) and each part is
 * spelled from the UNGEGN tables, the vowel by the series of its consonant (first series ក ខ ច…,
 * second series គ ឃ ជ…, switched by ៉ and ៊), with the common alternatives after the UNGEGN
 * spelling; a word yields the few likeliest combinations.
 * Source: UNGEGN, "Report on the Current Status of United Nations Romanization Systems for
 * Geographical Names", Khmer (version 4.0, 2016), tables of consonants and vowels.
 */
import { kBest } from './_kbest.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

const MAX_FORMS = 8;

// [initial spellings, final spellings, series]
const CONSONANTS: Readonly<Record<string, readonly [readonly string[], readonly string[], 1 | 2]>> =
  {
    ក: [['k'], ['k', 'c'], 1],
    ខ: [['kh', 'k'], ['k', 'kh'], 1],
    គ: [['k'], ['k'], 2],
    ឃ: [['kh'], ['k'], 2],
    ង: [['ng'], ['ng'], 2],
    ច: [['ch', 'c'], ['ch'], 1],
    ឆ: [['chh', 'ch'], ['ch'], 1],
    ជ: [['ch', 'j'], ['ch'], 2],
    ឈ: [['chh', 'ch'], ['ch'], 2],
    ញ: [['nh', 'ny', 'n'], ['nh', 'n'], 2],
    ដ: [['d'], ['t', 'd'], 1],
    ឋ: [['th'], ['t'], 1],
    ឌ: [['d'], ['t', 'd'], 2],
    ឍ: [['th'], ['t'], 2],
    ណ: [['n'], ['n'], 1],
    ត: [['t', 'd'], ['t', 'th'], 1],
    ថ: [['th', 't'], ['t', 'th'], 1],
    ទ: [['t', 'd'], ['t', 'th'], 2],
    ធ: [['th', 't'], ['t', 'th'], 2],
    ន: [['n'], ['n'], 2],
    ប: [['b', 'p'], ['b', 'p'], 1],
    ផ: [['ph', 'p'], ['p', 'ph'], 1],
    ព: [['p'], ['p'], 2],
    ភ: [['ph', 'p'], ['p'], 2],
    ម: [['m'], ['m'], 2],
    យ: [['y'], ['y', 'i', ''], 2],
    រ: [['r'], ['r', ''], 2],
    ល: [['l'], ['l'], 2],
    វ: [['v', 'w'], ['v', 'o', 'u', 'w'], 2],
    ឝ: [['sh', 's'], ['h', 's'], 1],
    ឞ: [['s'], ['h', 's'], 1],
    ស: [['s'], ['h', 's', ''], 1],
    ហ: [['h'], ['h', ''], 1],
    ឡ: [['l'], ['l'], 1],
    អ: [[''], [''], 1],
  };

// Vowel signs: [first-series spellings, second-series spellings].
type Vowel = readonly [readonly string[], readonly string[]];
const VOWELS: Readonly<Record<string, Vowel>> = {
  '': [
    ['a', 'o'],
    ['o', 'u', 'ou'],
  ],
  'ា': [
    ['a', 'ar'],
    ['ea', 'ie', 'a'],
  ],
  'ិ': [
    ['e', 'i'],
    ['i', 'e'],
  ],
  'ី': [
    ['ei', 'i', 'ey', 'y'],
    ['i', 'ee', 'y'],
  ],
  'ឹ': [
    ['oe', 'e', 'eu'],
    ['ue', 'eu', 'e'],
  ],
  'ឺ': [
    ['eu', 'oe'],
    ['eu', 'ueu'],
  ],
  'ុ': [
    ['o', 'u'],
    ['u', 'o'],
  ],
  'ូ': [
    ['ou', 'o'],
    ['u', 'ou', 'oo'],
  ],
  'ួ': [
    ['uo', 'uor', 'ua'],
    ['uo', 'uor', 'ua'],
  ],
  'ើ': [
    ['aeu', 'ae', 'eu'],
    ['eu', 'oe'],
  ],
  'ឿ': [
    ['oea', 'eua'],
    ['oea', 'eua'],
  ],
  'ៀ': [
    ['ie', 'ia'],
    ['ie', 'ia'],
  ],
  'េ': [
    ['e', 'ay'],
    ['e', 'ay'],
  ],
  'ែ': [
    ['ae', 'e', 'ai'],
    ['ae', 'e', 'ai'],
  ],
  'ៃ': [
    ['ai', 'ay'],
    ['ey', 'ai'],
  ],
  'ោ': [
    ['ao', 'o', 'or'],
    ['o', 'ou'],
  ],
  'ៅ': [
    ['au', 'ao'],
    ['ov', 'ou'],
  ],
  // With nikahit (ំ): ាំ, ុំ, and the inherent vowel's ំ.
  'ាំ': [
    ['am', 'aam'],
    ['oam', 'eam', 'am'],
  ],
  'ុំ': [
    ['om', 'um'],
    ['um', 'om'],
  ],
  'ំ': [
    ['am', 'om'],
    ['um', 'om'],
  ],
};
// An open syllable with the inherent vowel (ស Sar, ក Ka).
const OPEN_INHERENT: Vowel = [
  ['a', 'ar', 'or'],
  ['o', 'or', 'a'],
];

const INDEPENDENT: Readonly<Record<string, readonly string[]>> = {
  ឥ: ['e', 'i'],
  ឦ: ['ei', 'i'],
  ឧ: ['o', 'u'],
  ឩ: ['ou', 'u'],
  ឪ: ['ov', 'au'],
  ឫ: ['rue', 'ru'],
  ឬ: ['rueu', 'ru'],
  ឭ: ['lue', 'lu'],
  ឮ: ['lueu', 'lu'],
  ឯ: ['ae', 'e'],
  ឰ: ['ai'],
  ឱ: ['ao', 'o'],
  ឲ: ['ao', 'o'],
  ឳ: ['au'],
};

const COENG = '\u17d2';
const TO_FIRST = '\u17c9'; // ៉ musikatoan: a second-series consonant read as first series
const TO_SECOND = '\u17ca'; // ៊ triisap: a first-series consonant read as second series
const NIKAHIT = 'ំ';
const REAHMUK = 'ះ';
const VOWEL_SIGN = /[\u17b6-\u17c5]/;
// Bantoc, robat and the other signs that change no letter's spelling.
const SIGNS = /[\u17cb-\u17cc\u17ce-\u17d1\u17d3\u17dd]/;

/**
 * Whether the consonant before `i` closes its syllable: it does at the end of the word, before a
 * sign, or before a consonant that has a vowel of its own; before a consonant that has none it
 * starts a syllable (មេគង្គ me-kong).
 */
function closes(cs: string[], i: number): boolean {
  const c = cs[i];
  if (c === undefined || SIGNS.test(c)) return true;
  const v = cs[i + 1];
  return (
    v !== undefined && (VOWEL_SIGN.test(v) || v === TO_FIRST || v === TO_SECOND || v === NIKAHIT)
  );
}

/** Nothing but signs from `i` to the end of the word. */
function atEnd(cs: string[], i: number): boolean {
  for (let k = i; k < cs.length; k++) if (!SIGNS.test(cs[k]!)) return false;
  return true;
}

// Company words (Law on Commercial Enterprises, 2005: ក្រុមហ៊ុន company, ឯ.ក sole proprietor).
const WORDS: Readonly<Record<string, readonly [readonly string[], TokenKind?]>> = {
  ក្រុមហ៊ុន: [['company']],
  ធនាគារ: [['bank']],
  អិលធីឌី: [['ltd']],
};

const TOANDAKHIAT = '\u17cd'; // ៍: the letter under it is not read

/**
 * The letters of a word without those ៍ silences: the consonant under it (a subscript one with
 * its coeng) and the vowel signs it carries (ពោធិ៍ចិនតុង Pochentong, not Pothichentong). UNGEGN
 * (see the module comment) leaves such letters out, as RTGS does Thai's ์ (thanthakhat).
 */
function unsilenced(word: string): string[] {
  const cs = [...word];
  for (let i = cs.indexOf(TOANDAKHIAT); i >= 0; i = cs.indexOf(TOANDAKHIAT)) {
    let from = i - 1;
    while (from > 0 && !CONSONANTS[cs[from]!]) from--;
    if (from > 0 && cs[from - 1] === COENG) from--;
    cs.splice(Math.max(0, from), i - Math.max(0, from) + 1);
  }
  return cs;
}

/** Option lists for one Khmer word: per syllable, its onset, vowel and final. */
function options(word: string): (readonly string[])[] {
  const cs = unsilenced(word);
  const opts: (readonly string[])[] = [];
  let i = 0;
  while (i < cs.length) {
    const c = cs[i]!;
    if (INDEPENDENT[c]) {
      opts.push(INDEPENDENT[c]!);
      i++;
      if (cs[i] === REAHMUK) {
        opts.push(['h']);
        i++;
      }
      continue;
    }
    const cons = CONSONANTS[c];
    if (!cons) {
      if (/[0-9]/.test(c)) opts.push([c]);
      i++;
      continue;
    }
    // Onset: the consonant and its subscripts (ស្វាយ sv-, ប្រ pr-, ក្រ kr-).
    opts.push(cons[0]);
    let series = cons[2];
    i++;
    // Subscripts and the series signs come in either order (វ៉្លា, ប៊្រ).
    for (;;) {
      if (cs[i] === COENG && CONSONANTS[cs[i + 1]!]) {
        opts.push(CONSONANTS[cs[i + 1]!]![0]);
        i += 2;
      } else if (cs[i] === TO_FIRST || cs[i] === TO_SECOND) {
        series = cs[i] === TO_FIRST ? 1 : 2;
        i++;
      } else break;
    }
    let vowel = '';
    while (i < cs.length && VOWEL_SIGN.test(cs[i]!)) vowel += cs[i++];
    if (cs[i] === NIKAHIT) {
      vowel += NIKAHIT;
      i++;
    }
    let h = false;
    if (cs[i] === REAHMUK) {
      h = true;
      i++;
    }
    while (cs[i] && SIGNS.test(cs[i]!)) i++;
    // A final: a consonant not followed by a vowel sign (then it starts the next syllable); with a
    // subscript after an inherent vowel it closes this syllable and the subscript starts the next.
    const next = cs[i];
    let final: readonly string[] | undefined;
    // Nikahit and reahmuk close the syllable: what follows starts the next one (កំពត kam-pot).
    const nasalised = vowel.includes(NIKAHIT);
    if (next && CONSONANTS[next] && !h && !nasalised) {
      const after = cs[i + 1];
      const startsSyllable =
        after !== undefined &&
        (VOWEL_SIGN.test(after) || after === TO_FIRST || after === TO_SECOND || after === NIKAHIT);
      const lastCluster = after === COENG && CONSONANTS[cs[i + 2]!] && atEnd(cs, i + 3);
      if (lastCluster) {
        // A final with a subscript at the end of a word: the subscript is not read (មេគង្គ
        // Mekong, ពេជ្រ Pech).
        final = CONSONANTS[next]![1];
        i += 3;
      } else if (after === COENG && vowel === '') {
        final = CONSONANTS[next]![1];
        i++;
        // The subscript becomes the next syllable's onset: drop the coeng.
        cs.splice(i, 1);
      } else if (!startsSyllable && after !== COENG && closes(cs, i + 1)) {
        final = CONSONANTS[next]![1];
        i++;
        while (cs[i] && SIGNS.test(cs[i]!)) i++;
        // Inside a word the consonant may instead start a syllable of its own with the inherent
        // vowel, as in Pali and Sanskrit words (សីហនុ Si-ha-nu, not Sih-nu): a last resort.
        if (i < cs.length) {
          const [initials, , s2] = CONSONANTS[next]!;
          final = [...final, `${initials[0]}${OPEN_INHERENT[s2 - 1]![0]}`];
        }
      }
    }
    const closed = final !== undefined || h;
    const v = VOWELS[vowel] ?? VOWELS[''];
    const table = vowel === '' && !closed ? OPEN_INHERENT : v!;
    opts.push(table[series - 1]!);
    if (final) opts.push(final);
    if (h) opts.push(['h', '']);
  }
  return opts;
}

// Words that begin place names (and ព្រះ royal names), written together with the name in Khmer and apart in Latin
// (Koh Kong, Phnom Penh, Kampong Cham, Stung Treng, Tonle Sap): UNGEGN spelling, then the usual.
const PLACE_WORDS: readonly (readonly [string, readonly string[]])[] = [
  ['កោះ', ['kaoh', 'koh', 'ko']], // island
  ['ភ្នំ', ['phnum', 'phnom']], // mountain
  ['កំពង់', ['kampong', 'kompong', 'kampung']], // landing, port
  ['ស្ទឹង', ['stueng', 'stung', 'steung', 'stoeng']], // river
  ['ទន្លេ', ['tonle', 'tonlay']], // great river
  ['ព្រែក', ['preaek', 'prek']], // canal
  ['ព្រះ', ['preah', 'prah']], // sacred, royal (Preah Vihear, Preah Sihanouk)
];

/** Tokens of one Khmer word. */
export function khmerTokens(word: string): NameToken[] {
  const known = WORDS[word];
  if (known) {
    const [forms, kind] = known;
    return [makeToken(forms[0]!, forms, kind ?? wordKind([...forms]), 'khmer')];
  }
  for (const [w, forms] of PLACE_WORDS) {
    if (word.length > w.length && word.startsWith(w)) {
      // A vowel sign or subscript right after it belongs to the word: not this place word.
      const next = word[w.length]!;
      if (!CONSONANTS[next] && !INDEPENDENT[next]) continue;
      return [makeToken(forms[0]!, forms, 'word', 'khmer'), ...khmerTokens(word.slice(w.length))];
    }
  }
  const forms = kBest(options(word), MAX_FORMS).filter(Boolean);
  if (!forms.length) return [];
  return [makeToken(forms[0]!, forms, 'word', 'khmer')];
}
