/**
 * @module
 * American Soundex (the National Archives' rules), by hand: it is one table lookup per character,
 * cheaper than pulling in a phonetics package for the hot loop.
 */

/** Soundex digit per letter A–Z; 0 for vowels and Y, -1 for H and W (which do not separate). */
const CODES = [
  0, 1, 2, 3, 0, 1, 2, -1, 0, 2, 2, 4, 5, 5, 0, 1, 2, 6, 2, 3, 0, 1, -1, 2, 0, 2,
] as const;

/** Digit of an upper- or lower-case ASCII letter, or undefined for anything else. */
function codeOf(c: number): number | undefined {
  const i = (c | 0x20) - 0x61; // fold to lower case, then index from 'a'
  return i >= 0 && i < 26 ? CODES[i] : undefined;
}

/**
 * American Soundex code: the first letter and three digits, padded with zeros ("Robert" → R163,
 * "Tymczak" → T522, "Pfister" → P236). Adjacent letters with the same digit count once, also
 * across H and W ("Ashcraft" → A261); a vowel between them makes them count twice. Characters
 * other than ASCII letters are skipped; a string without letters gives "".
 */
export function soundex(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length && out.length < 4; i++) {
    const c = s.charCodeAt(i);
    const code = codeOf(c);
    if (code === undefined) continue;
    if (out === '') {
      out = String.fromCharCode(c & ~0x20);
      last = code;
    } else if (code > 0 && code !== last) {
      out += code;
      last = code;
    } else if (code === 0) {
      last = 0; // a vowel separates two equal consonants; H and W (-1) keep `last`
    }
  }
  return out === '' ? '' : out.padEnd(4, '0');
}
