/**
 * @module
 * How far a Latin spelling is from a transliteration of a native-script name, counting only the
 * differences romanisation conventions make (issue 13). A name that reached Latin through a
 * transliteration table carries the uncertainty of that romanisation: vowels written otherwise
 * (Thai and Khmer vowels have several spellings, Hebrew writes none), aspiration written or not
 * (th/t, ph/p), a doubled letter, a silent r after a vowel (Thanathorn for Thanathon), a voiced
 * for a voiceless stop, w for v. Those are "soft" edits. Anything else (a consonant of another
 * class, a consonant added or dropped, a vowel changed in a script that writes every vowel) is a
 * "hard" edit: not a romanisation of the same name but another name (Yamada/Yamaha,
 * Vasadze/Vashadze, Wongsuwan/Wongsawat), so generic typo tolerance is not applied on top.
 *
 * Written by hand: the classes below are the letters romanisation systems exchange for one
 * sound (RTGS and the letter-based Thai spellings; the UNGEGN, French and English spellings of
 * Khmer and Burmese; the Hebrew, Georgian, Armenian and Hepburn/Kunrei systems); no package
 * weighs edits by them.
 */

/** What romanisation leaves uncertain in a script's names (costs of soft edits, or HARD). */
export interface RomanisationProfile {
  /** A vowel written for a near vowel (a/e, a/o, e/i, o/u). */
  nearVowel: number;
  /** A vowel written for a distant one (a/i, a/u, i/u, e/u, i/o). */
  farVowel: number;
  /** A consonant written for another of its class (voicing, w/v, l/r). */
  classConsonant: number;
  /** Distant vowels this script's Latin spellings still exchange, at the near cost. */
  alsoNear: ReadonlySet<string>;
  /** A vowel written or left out beside another vowel (length, diphthongs: o/ou, e/ae). */
  besideVowel: number;
  /** A vowel written or left out at the start of a word. */
  initialVowel: number;
  /** A vowel written or left out at the end of a word, after a consonant. */
  finalVowel: number;
  /** A final i written or left out after a consonant (Georgian's nominative ending). */
  finalI: number;
  /** The vowels a script leaves unwritten between consonants (an abugida's inherent a, o). */
  inherent: string;
  /** One of them written or left out between consonants. */
  inherentVowel: number;
  /** A final h after a vowel written or left out (Hebrew's silent he, Khmer's final breath). */
  finalH: number;
  /** Another vowel written or left out between consonants. */
  otherVowel: number;
  /**
   * Vowels a script's spelling of foreign words adds between consonants and at the end (kana's
   * u and o: ドナルド donarudo for Donald), and what one costs.
   */
  epenthetic: string;
  epentheticCost: number;
  /** A glide (y, w) written or left out. */
  glide: number;
  /** An r after a vowel written or left out before a consonant or at the end ("orn"). */
  silentR: number;
}

/** A cost that no romanisation explains: an edit of this size is another name. */
export const HARD = 10;
const NONE: ReadonlySet<string> = new Set();

/**
 * Abugidas (Thai, Khmer, Burmese): vowels are written, but spelled several ways in Latin; the
 * inherent vowel is written or not (Wongswat/Wongsawat); English spellings add a silent r.
 */
export const ABUGIDA_PROFILE: RomanisationProfile = {
  nearVowel: 0.25,
  farVowel: HARD,
  classConsonant: 0.5,
  alsoNear: NONE,
  besideVowel: 0.25,
  initialVowel: HARD,
  finalVowel: 0.25,
  finalI: 0.25,
  inherent: 'ao',
  inherentVowel: 0.25,
  finalH: 0.25,
  otherVowel: HARD,
  epenthetic: '',
  epentheticCost: HARD,
  glide: 0.25,
  silentR: 0.25,
};
/**
 * Burmese: as other abugidas, but its romanisations keep each letter's consonant (the tables
 * spell the variants in use: ky/ch, hs/s, ht/t), and a syllable is short, so a consonant of
 * the same class is another syllable (စိန် sein is not Zan).
 */
export const BURMESE_PROFILE: RomanisationProfile = {
  ...ABUGIDA_PROFILE,
  classConsonant: HARD,
  besideVowel: HARD,
};
/**
 * Thai: as other abugidas, and English spellings write the short a (ั) as u, as in "luck"
 * (ยิ่งลักษณ์ Yingluck).
 */
export const THAI_PROFILE: RomanisationProfile = { ...ABUGIDA_PROFILE, alsoNear: pairs(['au']) };
/**
 * Abjads (Hebrew): the short vowels inside a word are not written, so they are guesses; a word
 * starts with a consonant letter (alef, ayin stand before an initial vowel), so the Latin
 * spelling's first letter is no guess.
 */
export const ABJAD_PROFILE: RomanisationProfile = {
  nearVowel: 0.25,
  farVowel: HARD,
  classConsonant: 0.5,
  alsoNear: NONE,
  besideVowel: 0.25,
  initialVowel: HARD,
  // A final vowel is written (he, alef, yod, vav): the tables spell it.
  finalVowel: HARD,
  finalI: HARD,
  // Unwritten vowels are mostly a and e (patah, qamats, segol, tsere); i, o and u are mostly
  // written with yod and vav, so the tables spell them, but not always.
  inherent: 'ae',
  inherentVowel: 0.25,
  finalH: 0.25,
  otherVowel: 0.5,
  epenthetic: '',
  epentheticCost: HARD,
  glide: 0.25,
  silentR: HARD,
};
/**
 * Kana: every vowel written; vowel length is spelled several ways (o/ou/oo), and katakana
 * spells a foreign name's consonant clusters and final consonants with an added u or o.
 */
export const KANA_PROFILE: RomanisationProfile = {
  nearVowel: HARD,
  farVowel: HARD,
  classConsonant: 0.5,
  alsoNear: NONE,
  besideVowel: 0.25,
  initialVowel: HARD,
  finalVowel: 0.5,
  finalI: 0.5,
  inherent: '',
  inherentVowel: HARD,
  finalH: 0.5,
  otherVowel: HARD,
  epenthetic: 'uo',
  epentheticCost: 0.25,
  glide: 0.5,
  silentR: HARD,
};
/**
 * Katakana's spelling of a foreign name, read loosely: its vowels follow the sound, not the
 * Latin letters (トランプ toranpu for Trump), so a vowel may stand for another. A match read so
 * is weak (see the scorer): it counts beside a name part that agrees, never on its own.
 */
export const KANA_LOAN_PROFILE: RomanisationProfile = {
  ...KANA_PROFILE,
  nearVowel: 0.75,
  farVowel: 0.75,
};
/** Georgian: every vowel written, and a final i added to foreign names (nominative case). */
export const GEORGIAN_PROFILE: RomanisationProfile = {
  ...KANA_PROFILE,
  finalI: 0.25,
  epenthetic: '',
  epentheticCost: HARD,
};
/**
 * Armenian: every vowel written, but the unwritten schwa between consonants is spelled or not
 * (Sargsyan/Sarkisian).
 */
export const ARMENIAN_PROFILE: RomanisationProfile = {
  ...GEORGIAN_PROFILE,
  finalI: 0.5,
  inherent: 'aeiou',
  inherentVowel: 0.5,
  otherVowel: 0.5,
};

/** Cost of an h after a stop written or left out (aspiration: th/t, ph/p, kh/k, ch/c). */
const ASPIRATION = 0.25;
/** Cost of a letter doubled or undoubled. */
const DOUBLING = 0.1;
/** Cost of a g after n written or left out (final ng/n). */
const NG = 0.5;
/** Cost of a c before k written or left out (ck/k). */
const CK = 0.25;
/** Cost of a k before h written or left out (kh/h). */
const K_BEFORE_H = 0.5;

const VOWELS = new Set('aeiou');
// With the glides and v: i/y, u/w, and u for v (katakana ウ for a foreign v, Vladimir).
const NEAR_VOWELS = pairs(['ae', 'ao', 'ei', 'ou', 'iy', 'ey', 'uw', 'ow', 'uv']);
/** One sound, spelled by Latin orthographies with either letter (Cartu, Kartu). */
const SPELLING_PAIRS = pairs(['kc', 'kq', 'cq']);
/** Cost of one of them written for the other. */
const SPELLING_CONSONANT = 0.25;
/** Consonants romanisations write for one another (one sound, or a letter with two values). */
const SOFT_PAIRS = pairs([
  'kg',
  'kc',
  'kq',
  'gq',
  'cs',
  'sz',
  'cj',
  'jz',
  'jg',
  'td',
  'pb',
  'pf',
  'fv',
  'bv',
  'vw',
  'lr',
  'ln',
  'mn',
  'cz',
  'xk',
  'xs',
]);
const ASPIRATED = new Set('kgtdpbcj');
const VOICING = pairs(['pb', 'td', 'kg', 'sz', 'fv']);
/** Cost of a first consonant voiced otherwise than the table writes it (Bucket for ภูเก็ต). */
const INITIAL_VOICING = 1;

function pairs(list: string[]): Set<string> {
  const s = new Set<string>();
  for (const p of list) {
    s.add(p);
    s.add(p[1]! + p[0]!);
  }
  return s;
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

function substitution(x: string, y: string, p: RomanisationProfile): number {
  if (x === y) return 0;
  const vx = isVowel(x);
  const vy = isVowel(y);
  if (vx && vy) return NEAR_VOWELS.has(x + y) || p.alsoNear.has(x + y) ? p.nearVowel : p.farVowel;
  // A vowel and its glide (i/y, u/w) are one sound written two ways.
  if (NEAR_VOWELS.has(x + y)) return p.nearVowel === HARD ? 0.25 : p.nearVowel;
  if (SPELLING_PAIRS.has(x + y)) return SPELLING_CONSONANT;
  return SOFT_PAIRS.has(x + y) ? p.classConsonant : HARD;
}

/** Cost of writing or leaving out letter `i` of `s`, judged by its neighbours in `s`. */
function indel(s: string, i: number, p: RomanisationProfile, tableSide: boolean): number {
  const c = s[i]!;
  const prev = s[i - 1];
  const next = s[i + 1];
  // Only the second of two equal letters is a doubling: dropping both is dropping a letter.
  if (c === prev) return DOUBLING;
  if (isVowel(c)) {
    if (isVowel(prev) || isVowel(next)) return p.besideVowel;
    if (prev === undefined) return p.initialVowel;
    // Only the table's form has the added vowels: a Latin spelling adding one is another word.
    const added = tableSide && p.epenthetic.includes(c) ? p.epentheticCost : HARD;
    // A vowel before a final h ends the word as much as a final vowel does (-ah, -eh).
    if (next === undefined || (next === 'h' && i + 2 === s.length))
      return Math.min(c === 'i' ? p.finalI : p.finalVowel, added);
    return Math.min(p.inherent.includes(c) ? p.inherentVowel : p.otherVowel, added);
  }
  if (c === 'y' || c === 'w') return p.glide;
  if (c === 'h') {
    if (prev !== undefined && ASPIRATED.has(prev)) return ASPIRATION;
    // A final h after a vowel: Hebrew's silent he, Khmer's final breath.
    if (next === undefined && isVowel(prev)) return p.finalH;
    return HARD;
  }
  if (c === 'r' && isVowel(prev) && (next === undefined || !isVowel(next))) return p.silentR;
  if (c === 'g' && prev === 'n') return NG;
  // English writes k after a short vowel ck (Yingluck).
  if (c === 'c' && next === 'k') return CK;
  // kh written h (a fricative some systems and scripts spell with h alone: Khamenei, ハメネイ).
  if (c === 'k' && next === 'h') return K_BEFORE_H;
  return HARD;
}

/**
 * Rows of the dynamic programme and per-letter costs, reused: it runs once per pair of spellings
 * of a table-read token and a Latin one the scorer meets (memoised per token pair), one call at
 * a time on one thread.
 */
let size = 32;
let row0 = new Float64Array(size);
let row1 = new Float64Array(size);
let costA = new Float64Array(size);
let costB = new Float64Array(size);

function grow(n: number): void {
  size = n * 2;
  row0 = new Float64Array(size);
  row1 = new Float64Array(size);
  costA = new Float64Array(size);
  costB = new Float64Array(size);
}

/** The cost split into its soft part and its count of hard edits (at least 1 when any). */
export interface RomanisationDistance {
  soft: number;
  hard: number;
}

/**
 * Weighted edit distance between a transliterated form `a` (the table's) and a Latin spelling
 * `b` (lower-case ASCII), with costs by what romanisation `profile` leaves uncertain; see the
 * module comment. Symmetric but for the vowels only the table's spelling adds (`epenthetic`).
 */
export function romanisationDistance(
  a: string,
  b: string,
  profile: RomanisationProfile,
): RomanisationDistance {
  if (a === b) return { soft: 0, hard: 0 };
  const la = a.length;
  const lb = b.length;
  if (size <= Math.max(la, lb) + 1) grow(Math.max(la, lb) + 1);
  const da = costA;
  const db = costB;
  for (let i = 0; i < la; i++) da[i] = indel(a, i, profile, true);
  for (let j = 0; j < lb; j++) db[j] = indel(b, j, profile, false);
  let prev = row0;
  let cur = row1;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1]! + db[j - 1]!;
  for (let i = 1; i <= la; i++) {
    cur[0] = prev[0]! + da[i - 1]!;
    let rowMin = cur[0]!;
    for (let j = 1; j <= lb; j++) {
      let sub = substitution(a[i - 1]!, b[j - 1]!, profile);
      // The voicing of a word's first consonant is what the table says (its letters have one
      // each; where a letter has two, as Thai ภ ph/bh, the table spells both).
      if (i === 1 && j === 1 && VOICING.has(a[0]! + b[0]!)) sub = Math.max(sub, INITIAL_VOICING);
      let best = prev[j - 1]! + sub;
      const del = prev[j]! + da[i - 1]!;
      if (del < best) best = del;
      const ins = cur[j - 1]! + db[j - 1]!;
      if (ins < best) best = ins;
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Costs only grow down the table: once every cell holds a hard edit, so will the answer
    // (how many does not matter to the scorer: one is another name).
    if (rowMin >= HARD) return { soft: 0, hard: 1 };
    const t = prev;
    prev = cur;
    cur = t;
  }
  const total = prev[lb]!;
  const hard = Math.floor((total + 1e-9) / HARD);
  return { soft: total - hard * HARD, hard };
}
