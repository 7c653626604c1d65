/**
 * @module
 * Hypocoristic clipping: a short form of a given name is, in most naming customs, a piece of the
 * name cut out of it, often with a pet ending put on. Russian cuts the front and adds -a/-ya/-sha
 * (Svetlana → Sveta, Boris → Borya, Sergei → Seryozha), Spanish and Italian the front or the back
 * (Rafael → Rafa, Concepción → Concha, Fernando → Nando), Yoruba and Igbo the back (Olumide →
 * Mide, Chukwuemeka → Emeka), English the front (Christopher → Chris) or after a first syllable
 * (Anastasia → Nastya, Abimbola → Bimbo). This is a method, not a table: no name is listed here,
 * so it reaches every name the customs treat so and none they do not (Vova for Vladimir, Paco
 * for Francisco are not cut from their names; the vendored nicknames table has the English ones).
 *
 * The evidence is weaker than a listed relation: "Ali" is cut from "Alizadeh" just as "Rafa" from
 * "Rafael". The matcher therefore credits it only as part of a given name beside other name
 * parts that agree (see the aligner), never on its own.
 */

/**
 * Scripts whose names are cut into short forms so (Дима, Света): the syllabic and table-read ones
 * (Hangul, Han, kana, Thai, Khmer…) spell a name several ways, and a clip of one of those guesses
 * is a chance likeness, not a short form.
 */
export const CLIP_SCRIPTS: ReadonlySet<string> = new Set(['latin', 'cyrillic', 'greek']);

/** How strongly one form is a clipped short form of another. */
export type ClipStrength = 0 | 1 | 2;
/** No clipping relates the two forms. */
export const NO_CLIP = 0;
/** A clip of two letters, or one seen only in the consonants (Dima/Dmitry): weak evidence. */
export const WEAK_CLIP = 1;
/** A clip of three letters or more (Sveta/Svetlana, Mide/Olumide, Concha/Concepción). */
export const STRONG_CLIP = 2;

/** Letters that make a vowel here (y as in -ya, -y and Yoruba/Slavic spellings). */
const VOWEL = { test: (ch: string): boolean => VOWELS.includes(ch) };
const VOWELS = 'aeiouy';

/** Whether a form is lower-case ASCII letters only (what the rules below read). */
function letters(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
/**
 * Pet endings put on a clipped stem: Russian -sha/-zha/-cha/-nya/-lya/-sya/-tya/-dya (Pa-sha,
 * Seryo-zha, Ko-lya), Spanish -cho/-cha/-che (Con-cha, Pan-cho). A form that ends otherwise is
 * cut only of its final vowels (Svet-a, Bor-ya): "Hamzi" is not Ham- and a pet ending.
 */
const PET_ENDINGS = ['sha', 'zha', 'cha', 'cho', 'che', 'nya', 'lya', 'sya', 'tya', 'dya'];

/**
 * Endings that make a surname or patronymic of a given name (Ivan → Ivanov, Ivanovich; Omar →
 * Omarov; Ahmad → Ahmadi, Ahmadzadeh; Petro → Petrenko; Hakob → Hakobyan; John → Johnson): such a
 * name is the whole given name and more, not a piece of one, and another person's name part.
 */
const DERIVING = [
  'ov',
  'ev',
  'ova',
  'eva',
  'in',
  'ina',
  'ovich',
  'evich',
  'ich',
  'ovna',
  'evna',
  'enko',
  'uk',
  'yan',
  'ian',
  'i',
  'zadeh',
  'zada',
  'oglu',
  'ogly',
  'uly',
  'shvili',
  'dze',
  'son',
  'sen',
  'ez',
];

/** Shortest full name a clip is looked for in: shorter names have nothing to cut. */
const MIN_FULL = 4;
/** Letters a clip must leave out of the full name: a clip removes a syllable at least. */
const MIN_CUT = 2;

/**
 * The stems a short form may be cut from, longest first: the form itself (Rafa, Mide), without
 * its final vowels (Svet-a, Bor-ya), and without a pet ending, consonant and vowels around it
 * (Ser-yozha, Con-cha, Pa-sha).
 */
export function clipStems(short: string): string[] {
  const out = [short];
  let end = short.length;
  while (end > 0 && VOWEL.test(short[end - 1]!)) end--;
  if (end >= 2 && end < short.length) out.push(short.slice(0, end));
  for (const e of PET_ENDINGS) {
    if (!short.endsWith(e) || short.length - e.length < 2) continue;
    let stop = short.length - e.length;
    out.push(short.slice(0, stop)); // Con-cha, Pa-sha
    // The vowels before the ending may belong to it (Ser-yo-zha), or to the stem (Pa-sha).
    while (stop > 2 && VOWEL.test(short[stop - 1]!)) stop--;
    out.push(short.slice(0, stop));
    break;
  }
  return [...new Set(out)];
}

/**
 * The full name less its first syllable: its onset and vowel (A-nastasia, A-bimbola, Ni-kolai),
 * and the same with the consonant closing it where two consonants follow the vowel (An-tonio).
 */
function afterFirstSyllable(full: string): [string, string] {
  let i = 0;
  while (i < full.length && !VOWEL.test(full[i]!)) i++;
  while (i < full.length && VOWEL.test(full[i]!)) i++;
  const coda = i + 1 < full.length && !VOWEL.test(full[i]!) && !VOWEL.test(full[i + 1]!);
  return [full.slice(i), full.slice(coda ? i + 1 : i)];
}

/**
 * Consonant sounds only, doubled ones once (dima → dm, dmitry → dmtr), a digraph as one letter
 * (zhenya → Z, not zh: Zhenya and Zhanna share one consonant, not two).
 */
function consonants(form: string): string {
  let out = '';
  for (const ch of form.replace(DIGRAPHS, (d) => DIGRAPH_LETTER[d]!))
    if (!VOWEL.test(ch) && ch !== out[out.length - 1]) out += ch;
  return out;
}
/** Latin digraphs of one consonant in the romanisations of the lists (Russian, Arabic, Persian…). */
const DIGRAPHS = /shch|zh|sh|kh|ch|ts|th|gh/g;
const DIGRAPH_LETTER: Record<string, string> = {
  shch: 'Q',
  zh: 'Z',
  sh: 'S',
  kh: 'K',
  ch: 'C',
  ts: 'T',
  th: 'H',
  gh: 'G',
};

/**
 * Whether `short` keeps the opening consonant sounds of `full`, two at least, with its vowels
 * moved (Dima/Dmitry, Dmitri and Dmytro): the weak clip that is not a two-letter cut.
 */
function sameConsonantsCut(short: string, full: string): boolean {
  if (short.length > full.length || short[0] !== full[0]) return false;
  if (!VOWEL.test(short[short.length - 1]!)) return false;
  const cs = consonants(clipStems(short).at(-1)!);
  if (cs.length < 2) return false;
  // The full name opens on those consonants side by side, a cluster the short form breaks with
  // a vowel (D-i-ma for DM-itry); a name with its own vowel there is another name (Demyan).
  const f = full.replace(DIGRAPHS, (d) => DIGRAPH_LETTER[d]!);
  return f.startsWith(cs) && consonants(f).length > cs.length;
}

/** How strongly `short` is a clipped short form of `full` (one direction; see {@link clipStrength}). */
export function clippedFrom(short: string, full: string): ClipStrength {
  if (full.length < MIN_FULL || short === full || !letters(short) || !letters(full)) return NO_CLIP;
  const stems = clipStems(short);
  // The name and a deriving ending, or the name less its final vowel and a longer one (Petr-o,
  // Petr-enko; Lyub-a, Lyub-ov is the name Lyubov).
  for (let k = 0; k < 2 && k < stems.length; k++) {
    const rest = full.startsWith(stems[k]!) ? full.slice(stems[k]!.length) : '';
    if ((k === 0 || rest.length >= 3) && DERIVING.includes(rest)) return NO_CLIP;
  }
  let best: ClipStrength = NO_CLIP;
  const [inner, innerCoda] = afterFirstSyllable(full);
  // The full name without its final vowels, for a back clip that changed them (Vyache-slav-a).
  let end = full.length;
  while (end > 0 && VOWEL.test(full[end - 1]!)) end--;
  const fullBase = full.slice(0, end);
  for (let k = 0; k < stems.length; k++) {
    const stem = stems[k]!;
    if (full.length - stem.length < MIN_CUT) continue;
    // Front clip (Svet-lana), or a clip after the first syllable (A-nast-asia, An-ton-io).
    const front = full.startsWith(stem) || inner.startsWith(stem) || innerCoda.startsWith(stem);
    // Back clip: the short form as written (Olu-mide, Chukwu-emeka, Fer-nando), or without its
    // final vowel against the name without its own (Vyache-slav).
    const back =
      (k === 0 && full.endsWith(stem)) || (k === 1 && stem.length >= 3 && fullBase.endsWith(stem));
    if (front || back) {
      if (stem.length >= 3) return STRONG_CLIP;
      if (front) best = WEAK_CLIP;
    }
  }
  // Weak evidence only for a form shaped like a pet form: no longer than the name it shortens.
  if (short.length > full.length) return NO_CLIP;
  // The same consonants cut from the front, vowels moved (Dima/Dmitry, Dmitri in Russian).
  if (best === NO_CLIP && sameConsonantsCut(short, full)) best = WEAK_CLIP;
  return best;
}

/**
 * Whether one of two given names is a weak clip of the other by its consonants alone, either way
 * round (Dima/Dmitry): the weak clip a matcher may credit where the rest of the name agrees as
 * spelled. Two-letter cuts (Pa-sha, Ma-sha) are not this: Masha is cut from Marina, Mariya and
 * Margarita alike, so beside a shared surname it would match sisters.
 */
export function isConsonantClip(a: string, b: string): boolean {
  // Both ways need the same first letter: most pairs a matcher asks about stop here.
  if (a === b || a[0] !== b[0]) return false;
  return (
    (sameConsonantsCut(a, b) && clippedFrom(a, b) === WEAK_CLIP) ||
    (sameConsonantsCut(b, a) && clippedFrom(b, a) === WEAK_CLIP)
  );
}

/**
 * The full name as short forms reshape it before they cut: one consonant of a cluster dropped
 * (Roberto → Robeto, whence Beto; Konstantin → Kostantin, whence Kostya), or a soft c or g said
 * as in the pet forms (Ignacio → Ignachio, whence Nacho; Yevgeny → Yevzheny, whence Zhenya).
 * A digraph (kh, sh…) is one consonant, not a cluster: its letters are never split.
 */
function reshapings(full: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < full.length; i++) {
    const a = full[i]!;
    const b = full[i + 1]!;
    if (!VOWEL.test(a) && !VOWEL.test(b) && a !== b && !(a + b in DIGRAPH_LETTER))
      out.push(full.slice(0, i) + full.slice(i + 1), full.slice(0, i + 1) + full.slice(i + 2));
    if ((a === 'c' || a === 'g') && (b === 'e' || b === 'i') && full[i - 1] !== 's')
      out.push(full.slice(0, i) + (a === 'c' ? 'ch' : 'zh') + full.slice(i + 1));
  }
  return out;
}

/** Whether `short` is a strong clip of `full` reshaped (see {@link reshapings}), not of `full`. */
function reshapedFrom(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || !mayOpenIn(short, full)) return false;
  if (!letters(short) || !letters(full) || clippedFrom(short, full) === STRONG_CLIP) return false;
  // A strong clip keeps the short form's first three letters (see isStrongClip).
  const head = short.slice(0, 3);
  for (const v of reshapings(full))
    if (v.includes(head) && clippedFrom(short, v) === STRONG_CLIP) return true;
  return false;
}

/**
 * Whether the short form's first two letters stand in `full` as a reshaping leaves them: side by
 * side or one letter apart (a cluster cut down), zh and ch read as the g and c they soften. No
 * string is made: the matcher asks this of every given name left unpaired beside another.
 */
function mayOpenIn(short: string, full: string): boolean {
  const soft = short[1] === 'h' && (short[0] === 'z' || short[0] === 'c');
  const a = soft ? (short[0] === 'z' ? 'g' : 'c') : short[0]!;
  const b = soft ? short[2]! : short[1]!;
  for (let i = 0; i + 1 < full.length; i++)
    if (full[i] === a && (full[i + 1] === b || full[i + 2] === b)) return true;
  return false;
}

/**
 * Whether one of two given names is a strong clip of the other as short forms reshape a name
 * (a cluster made one consonant, a soft c or g made ch or zh: Beto/Roberto, Kostya/Konstantin,
 * Nacho/Ignacio, Zhenya/Yevgeny), either way round. Weaker evidence than a clip of the name as
 * written, as more names come near each other so: a matcher credits it only where the rest of
 * the name agrees as spelled, as a consonant clip.
 */
export function isReshapedClip(a: string, b: string): boolean {
  if (a === b) return false;
  return reshapedFrom(a, b) || reshapedFrom(b, a);
}

/**
 * Whether one of two given names is a strong clip of the other, either way round. Every strong
 * clip keeps the short form's first three letters somewhere in the full name, so pairs without
 * that are answered by one substring search: the matcher asks this of many pairs of names.
 */
export function isStrongClip(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3 || a === b) return false;
  if (!b.includes(a.slice(0, 3)) && !a.includes(b.slice(0, 3))) return false;
  return clippedFrom(a, b) === STRONG_CLIP || clippedFrom(b, a) === STRONG_CLIP;
}

/**
 * How strongly one of two given names is a clipped short form of the other, either way round:
 * {@link STRONG_CLIP}, {@link WEAK_CLIP} or {@link NO_CLIP}. Lower-case ASCII forms.
 */
export function clipStrength(a: string, b: string): ClipStrength {
  if (a === b) return NO_CLIP;
  const x = clippedFrom(a, b);
  if (x === STRONG_CLIP) return x;
  const y = clippedFrom(b, a);
  return y > x ? y : x;
}

/**
 * Letters of the keys below: four tell most names apart (three-letter stems, Bor- and Ser-, are
 * shared by hundreds of list names and tell none of them: a query with one is found by its
 * other name parts).
 */
const KEY_LENGTH = 4;
/** Number of distinct keys of each kind: four letters a–z. */
export const CLIP_KEY_SPACE = 26 ** KEY_LENGTH;

/** The four letters of `form` from `at` as a number below {@link CLIP_KEY_SPACE}. */
function keyCode(form: string, at: number): number {
  let k = 0;
  for (let i = at; i < at + KEY_LENGTH; i++) k = k * 26 + form.charCodeAt(i) - 97;
  return k;
}

/** Whether the letter code `c` is a vowel here (see VOWELS). */
function vowelCode(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/**
 * Writes at `out[at…]` the keys under which a full name is filed for finding it from its short
 * forms (see {@link shortFormKeys}), as numbers, and returns how many (at most four): a process
 * files every list word, and strings in a Map cost a first query 130 ms. The keys are its opening
 * letters, those after its first syllable (with and without the consonant closing it), and its
 * closing letters, a front key below {@link CLIP_KEY_SPACE}, a back key above. Every strong clip
 * of four letters or more shares one.
 */
export function fullNameKeys(full: string, out: Int32Array, at: number): number {
  const n = full.length;
  if (n < KEY_LENGTH + MIN_CUT) return 0;
  for (let i = 0; i < n; i++) {
    const c = full.charCodeAt(i);
    if (c < 97 || c > 122) return 0;
  }
  let count = 0;
  const front = keyCode(full, 0);
  out[at + count++] = front;
  out[at + count++] = CLIP_KEY_SPACE + keyCode(full, n - KEY_LENGTH);
  let i = 0;
  while (i < n && !vowelCode(full.charCodeAt(i))) i++;
  while (i < n && vowelCode(full.charCodeAt(i))) i++;
  if (i > 0 && i + KEY_LENGTH <= n) {
    const inner = keyCode(full, i);
    if (inner !== front) out[at + count++] = inner;
    // With the consonant closing the first syllable (An-tonio).
    if (i + 1 + KEY_LENGTH <= n && !vowelCode(full.charCodeAt(i + 1)))
      out[at + count++] = keyCode(full, i + 1);
  }
  return count;
}

/**
 * The range of front keys (see {@link fullNameKeys}), first and last, under which the names a
 * short form may be a consonant clip of are filed (Dima → every key opening "dm"): those names
 * open on the consonants of its stem side by side, so their keys are one run of numbers. None
 * for a form with fewer than two consonants in its stem or more than four letters of them.
 */
export function consonantClipKeys(short: string): [number, number] | undefined {
  if (!letters(short) || !VOWEL.test(short[short.length - 1]!)) return undefined;
  const cs = consonants(clipStems(short).at(-1)!);
  if (cs.length < 2) return undefined;
  let prefix = '';
  for (const ch of cs) prefix += LETTERS_OF[ch] ?? ch;
  if (prefix.length > KEY_LENGTH) return undefined;
  const pad = KEY_LENGTH - prefix.length;
  return [keyCode(prefix + 'a'.repeat(pad), 0), keyCode(prefix + 'z'.repeat(pad), 0)];
}
/** The letters each digraph stands in for, back again. */
const LETTERS_OF: Record<string, string> = Object.fromEntries(
  Object.entries(DIGRAPH_LETTER).map(([d, c]) => [c, d]),
);

/** Keys to look a short form's possible full names up by (see {@link fullNameKeys}). */
export function shortFormKeys(short: string): number[] {
  if (!letters(short)) return [];
  const keys: number[] = [];
  const add = (k: number) => {
    if (!keys.includes(k)) keys.push(k);
  };
  const stems = clipStems(short);
  for (const s of stems) if (s.length >= KEY_LENGTH) add(keyCode(s, 0));
  if (short.length >= KEY_LENGTH) add(CLIP_KEY_SPACE + keyCode(short, short.length - KEY_LENGTH));
  // Without its final vowels, against a name closing on the stem (Vyache-slav for Slav-a).
  const bare = stems[1];
  if (bare && bare.length >= KEY_LENGTH && VOWEL.test(short[short.length - 1]!))
    add(CLIP_KEY_SPACE + keyCode(bare, bare.length - KEY_LENGTH));
  return keys;
}
