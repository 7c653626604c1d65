/**
 * @module
 * Sound-based keys of Latin spellings, for the matcher's phonetic and skeleton comparisons.
 */
import { doubleMetaphone } from 'double-metaphone';

/**
 * Phonetic keys of one Latin form: the Double Metaphone primary and secondary codes, deduplicated,
 * empty codes dropped ("putin" → ["PTN"], "vladimir" → ["FLTMR"]). Forms without letters give [].
 * Not memoised here: its one caller on the query path (the matcher's `cachedPhonetic`) keeps
 * what it returns, and a second memo of the same keys was one more map entry and array per new
 * spelling for every young-generation collection to copy.
 */
export function phoneticKeys(form: string): string[] {
  const [primary, secondary] = doubleMetaphone(form);
  const keys: string[] = [];
  if (primary) keys.push(primary);
  if (secondary && secondary !== primary) keys.push(secondary);
  return keys;
}

// Letter classes of the skeleton, by char code - 97 ('a' = 0). '' drops the letter; '*' marks the
// semivowels w and v, kept (as b) only as the first letter.
const CLASS: readonly string[] = [
  '', // a
  'b', // b
  'k', // c
  'd',
  '', // e
  'b', // f
  'j', // g
  'h',
  '', // i
  'j',
  'k',
  'l',
  'm',
  'n',
  '', // o
  'b', // p
  'k', // q
  'r',
  's',
  't',
  '', // u
  '*', // v
  '*', // w
  'ks', // x
  '', // y
  'z',
];

/**
 * The consonant skeleton of a Latin form, for matching names written in abjads (Arabic and Hebrew
 * leave short vowels unwritten and write long ones with the consonant letters w/v and y) and in
 * scripts any-ascii renders without their inherent vowels (Thai สมชาย → smchay). Both sides of a
 * comparison are reduced the same way:
 * 1. only the letters a–z count; digits, the ayin and hamza marks any-ascii writes (` and ') and
 *    everything else are skipped, so علي → "`ly" and "ali" meet;
 * 2. vowels a, e, i, o, u and y are dropped;
 * 3. w and v are dropped except as the first letter, where they are consonants (Walid, Vladimir);
 *    elsewhere they are as likely the vowel letter waw/vav (محمود mhmwd, פוטין fvtyn);
 * 4. letters Arabic or Hebrew do not tell apart fall together: b, p, f and a first v or w → b
 *    (Arabic has no p or v and writes Vladimir فلاديمير; Hebrew פ is p or f); c, k, q → k;
 *    g, j → j (Egyptian Gamal for جمال jmal); x → ks;
 * 5. h after b, p or f is dropped (aspirates: Bengali bhladimir, Greek-style ph);
 * 6. a letter repeating the one before it is written once (mohammed → mhmd, as Arabic writes a
 *    doubled consonant once).
 *
 * So skeleton('mohamed') = skeleton('mhmd') = 'mhmd', skeleton('moshe') = 'msh', skeleton('david')
 * = skeleton('dvd') = 'dd', skeleton('vladimir') = skeleton('fldymyr') = 'bldmr',
 * skeleton('abdullah') = skeleton('abdallh') = 'bdlh'. Skeletons of one letter or none (ali → 'l')
 * say little and the matcher should weigh them accordingly.
 */
export function skeleton(form: string): string {
  let out = '';
  let prev = ''; // class of the previous letter, '' after a dropped one
  let prevLabial = false;
  let first = true;
  for (let i = 0; i < form.length; i++) {
    let code = form.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if (code < 97 || code > 122) continue;
    let cls = CLASS[code - 97]!;
    const labial = code === 98 || code === 112 || code === 102; // b p f
    if (cls === '*') cls = first ? 'b' : '';
    else if (cls === 'h' && prevLabial) cls = '';
    first = false;
    prevLabial = labial;
    if (cls !== '' && cls !== prev) out += cls;
    prev = cls;
  }
  return out;
}
