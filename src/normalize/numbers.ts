/**
 * @module
 * Numbers in names, compared as numbers: vessels and companies are numbered ("YU JONG 2", "YU
 * JONG II", "CHON MA SAN 3"), and a document may write the number in Roman numerals, in words,
 * in Chinese numerals or in another script's digits. Each becomes the same token, digits without
 * leading zeros, keeping its written form as a second spelling.
 */

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
/** Roman numerals as written today (subtractive pairs only where they belong), up to 199. */
const ROMAN_NUMERAL = /^c?(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** English cardinal numbers as vessel and company names spell them. */
const WORDS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const WORD_VALUE: ReadonlyMap<string, number> = new Map(WORDS.map((w, i) => [w, i]));

/** Chinese (and Japanese, Korean hanja) numerals: digits and the multipliers ten and hundred. */
const CJK_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_NUMERAL = /^[〇零一二三四五六七八九十百]+$/u;

/** Value of a Roman numeral of two letters or more ("ii" → 2, "xiv" → 14); single letters are initials. */
export function romanValue(word: string): number | undefined {
  if (word.length < 2 || !ROMAN_NUMERAL.test(word)) return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = ROMAN[word[i]!]!;
    const next = i + 1 < word.length ? ROMAN[word[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Value of Chinese numerals ("二" → 2, "十二" → 12, "二十三" → 23, "一〇二" → 102). */
export function cjkValue(word: string): number | undefined {
  if (!CJK_NUMERAL.test(word)) return undefined;
  if (!/[十百]/u.test(word)) {
    let n = 0;
    for (const ch of word) n = n * 10 + CJK_DIGITS[ch]!;
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of word) {
    if (ch === '百' || ch === '十') {
      total += (digit || 1) * (ch === '百' ? 100 : 10);
      digit = 0;
    } else digit = CJK_DIGITS[ch]!;
  }
  return total + digit;
}

/**
 * The number a word of a name writes, as digits without leading zeros, or undefined. Roman
 * numerals and number words count only after the first word of a name (`position` > 0): "Xi
 * Jinping" and "One Ocean" begin with a name, "YU JONG II" and "OCEAN ONE" end with a number.
 */
export function numberValue(word: string, position: number): string | undefined {
  if (/^[0-9]+$/.test(word)) return String(Number.parseInt(word, 10));
  const cjk = cjkValue(word);
  if (cjk !== undefined) return String(cjk);
  if (position === 0) return undefined;
  const roman = romanValue(word);
  if (roman !== undefined) return String(roman);
  const w = WORD_VALUE.get(word);
  return w === undefined ? undefined : String(w);
}
