/**
 * @module
 * Which writing system a name is written in. The tokenizer picks its transliteration by script
 * (Hangul and Han per syllable, Arabic with a table of common names, everything else through
 * any-ascii), so it classifies each character by its Unicode block. Block ranges are compared as
 * numbers rather than with `\p{Script=…}` regexes: this runs on every character of every name.
 */

/** The scripts the name tokenizer treats differently. `other` is any other letter. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'hangul'
  | 'han'
  | 'kana'
  | 'thai'
  | 'khmer'
  | 'burmese'
  | 'georgian'
  | 'armenian'
  | 'other';

/**
 * Scripts read into Latin by our own letter or syllable tables (issue 13): a token's Latin forms
 * are guesses at how the name is romanised, several per word, so the matcher compares them by
 * what the romanisation leaves uncertain, and never splits them into Latin words.
 */
export const TABLE_READ_SCRIPTS: ReadonlySet<Script> = new Set([
  'hebrew',
  'thai',
  'khmer',
  'burmese',
  'georgian',
  'armenian',
  'kana',
]);

// [first, last, script], sorted by first code point. Blocks from the Unicode 15 Blocks.txt.
const BLOCKS: readonly (readonly [number, number, Script])[] = [
  [0x00c0, 0x024f, 'latin'], // Latin-1 Supplement letters, Latin Extended-A and -B
  [0x0250, 0x02af, 'latin'], // IPA Extensions
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'], // Cyrillic and Cyrillic Supplement
  [0x0530, 0x058f, 'armenian'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'], // Arabic Supplement
  [0x08a0, 0x08ff, 'arabic'], // Arabic Extended-A
  [0x0e00, 0x0e7f, 'thai'],
  [0x1000, 0x109f, 'burmese'], // Myanmar
  [0x10a0, 0x10ff, 'georgian'], // Georgian (Mkhedruli, Asomtavruli, Nuskhuri)
  [0x1100, 0x11ff, 'hangul'], // Hangul Jamo
  [0x1780, 0x17ff, 'khmer'],
  [0x19e0, 0x19ff, 'khmer'], // Khmer Symbols
  [0x1c80, 0x1c8f, 'cyrillic'], // Cyrillic Extended-C
  [0x1c90, 0x1cbf, 'georgian'], // Georgian Extended (Mtavruli capitals)
  [0x1e00, 0x1eff, 'latin'], // Latin Extended Additional (Vietnamese)
  [0x1f00, 0x1fff, 'greek'], // Greek Extended (polytonic)
  [0x2c60, 0x2c7f, 'latin'], // Latin Extended-C
  [0x2d00, 0x2d2f, 'georgian'], // Georgian Supplement (Nuskhuri)
  [0x2de0, 0x2dff, 'cyrillic'], // Cyrillic Extended-A
  [0x3005, 0x3007, 'han'], // 々 iteration mark, 〇
  [0x3040, 0x30ff, 'kana'], // Hiragana, Katakana (with ー)
  [0x3130, 0x318f, 'hangul'], // Hangul Compatibility Jamo
  [0x31f0, 0x31ff, 'kana'], // Katakana Phonetic Extensions
  [0x3400, 0x4dbf, 'han'], // CJK Extension A
  [0x4e00, 0x9fff, 'han'], // CJK Unified Ideographs
  [0xa640, 0xa69f, 'cyrillic'], // Cyrillic Extended-B
  [0xa720, 0xa7ff, 'latin'], // Latin Extended-D
  [0xa960, 0xa97f, 'hangul'], // Hangul Jamo Extended-A
  [0xa9e0, 0xa9ff, 'burmese'], // Myanmar Extended-B
  [0xaa60, 0xaa7f, 'burmese'], // Myanmar Extended-A
  [0xab30, 0xab6f, 'latin'], // Latin Extended-E
  [0xac00, 0xd7ff, 'hangul'], // Hangul Syllables, Jamo Extended-B
  [0xf900, 0xfaff, 'han'], // CJK Compatibility Ideographs
  [0xfb13, 0xfb17, 'armenian'], // Armenian ligatures (ﬓ…ﬗ)
  [0xfb1d, 0xfb4f, 'hebrew'], // Hebrew presentation forms
  [0xfb50, 0xfdff, 'arabic'], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff, 'arabic'], // Arabic Presentation Forms-B
  [0xff21, 0xff5a, 'latin'], // fullwidth Latin (NFKC folds them, but detectScript may see raw text)
  [0xff66, 0xff9f, 'kana'], // halfwidth katakana
  [0x20000, 0x3134f, 'han'], // CJK Extensions B–G and the compatibility supplement
];

const LETTER = /\p{L}/u;

/**
 * The script of one code point, or undefined for what belongs to no script of its own: digits,
 * spaces, punctuation, combining marks (they follow their base letter).
 */
export function scriptOf(cp: number): Script | undefined {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? 'latin' : undefined;
  }
  if (cp === 0xd7 || cp === 0xf7) return undefined; // × ÷ sit inside the Latin-1 letters
  if (cp >= 0x0300 && cp <= 0x036f) return undefined; // combining diacritics
  let lo = 0;
  let hi = BLOCKS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = BLOCKS[mid]!;
    if (cp < block[0]) hi = mid - 1;
    else if (cp > block[1]) lo = mid + 1;
    else return LETTER.test(String.fromCodePoint(cp)) ? block[2] : undefined;
  }
  return LETTER.test(String.fromCodePoint(cp)) ? 'other' : undefined;
}

/**
 * The dominant script of a string: the one most of its letters are written in (ties go to the
 * script seen first). Text without letters, such as digits or punctuation, is `other`.
 */
export function detectScript(text: string): Script {
  const counts = new Map<Script, number>();
  let best: Script = 'other';
  let bestCount = 0;
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0)!);
    if (!script) continue;
    const n = (counts.get(script) ?? 0) + 1;
    counts.set(script, n);
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  return best;
}
