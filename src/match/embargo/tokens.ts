/**
 * @module
 * Similarity of one query token to one list token, over all their spellings, with the method that
 * produced it. Short tokens must match exactly or by sound: a one-letter edit of a three-letter
 * name is another name (Ali/Ari, Kim/Kam).
 */
import {
  areNameVariants,
  isTruncatedBusinessWord,
  TABLE_READ_SCRIPTS,
  type NameToken,
  type Script,
} from '../../normalize/index.ts';
import { cachedPhonetic, cachedSkeleton } from '../index/keys.ts';
import { nicknameOfSpelling, SPELLED_NICKNAME_SCORE } from '../index/nicknames.ts';
import {
  jaroWinkler,
  romanisationDistance,
  typoDistance,
  ABJAD_PROFILE,
  ABUGIDA_PROFILE,
  BURMESE_PROFILE,
  ARMENIAN_PROFILE,
  KANA_PROFILE,
  KANA_LOAN_PROFILE,
  THAI_PROFILE,
  GEORGIAN_PROFILE,
  type RomanisationDistance,
  type RomanisationProfile,
} from '../similarity/index.ts';

/** A scored pairing of two tokens. */
export interface TokenMatch {
  score: number;
  method: string;
  query: string;
  list: string;
  /**
   * Too weak to stand for the name on its own: a typo in a short token, or two short tokens that
   * only sound alike ("Acme" and "AQIM" are both AKM). Such a pair counts where another token of
   * the name agrees (see the aligner), so "Choe Ryong Hea" is CHOE Ryong Hae, but a short company
   * word never carries a match by sound alone.
   */
  weak?: boolean;
}

/** Tokens this long or shorter are short: one edit there often makes another name. */
export const SHORT_TOKEN = 4;
/** Score of a given name against its diminutive or short form: the same name, written otherwise. */
export const NICKNAME_SCORE = 0.9;
/** Score of a business word against its truncation ("Eng" for Engineering): the same word, cut. */
const TRUNCATION_SCORE = 0.9;
/** Score of a short token one slip from another, less a tenth of the slip's cost. */
const SHORT_SLIP_SCORE = 0.92;

/** Scripts that write no short vowels: names from them are compared on consonant skeletons. */
const ABJAD: ReadonlySet<Script> = new Set(['arabic', 'hebrew']);
/** Scripts written in syllables, transliterated per syllable with all spellings as forms. */
const SYLLABIC: ReadonlySet<Script> = new Set(['hangul', 'han', 'kana']);
/**
 * Scripts read by our own letter or syllable tables (issue 13), whose forms are guesses at how a
 * name is romanised, several per word. Against a Latin spelling they are compared by what their
 * romanisation leaves uncertain (see PROFILES), never by typo distance on top of the guess. A sound or skeleton likeness on top of such a guess is
 * two approximations stacked (ภูเก็ต phuket ~ Bucket, ホンダ honda ~ Hyundai): it counts as weak
 * for short words, and only the primary Double Metaphone code of the guessed form counts (the
 * secondary models English and French spelling quirks, so nasaralle ~ Nasser by a silent -lle).
 */
const TABLE_READ = TABLE_READ_SCRIPTS;
/**
 * A sound or skeleton likeness of a table-read word stands on its own from this many consonants
 * in the shared key (KRML: כרמל ~ Carmel, HSPL: חיזבאללה ~ Hezbollah); three or fewer (PKT, HNT)
 * are shared by too many names.
 */
const TABLE_LOOSE_KEY = 4;
/**
 * Score of such a short likeness: below any spelling match (0.95 for a transliteration, about 0.9
 * for a typo), so beside a matching given name it does not carry a different surname to a match
 * (שאם אוחיון: okhion ~ Chun by the skeleton khn).
 */
const TABLE_LOOSE_SCORE = 0.8;
/**
 * Alphabets that write every vowel: their table spellings already carry the vowels, so a likeness
 * in sound alone is another word (რუსთავი rustavi ~ Rostov), however long.
 */
const FULL_VOWELS: ReadonlySet<Script> = new Set(['georgian', 'armenian']);
/** What each table-read script's romanisation leaves uncertain (see romanisationDistance). */
const PROFILES: ReadonlyMap<Script, RomanisationProfile> = new Map([
  ['thai', THAI_PROFILE],
  ['khmer', ABUGIDA_PROFILE],
  ['burmese', BURMESE_PROFILE],
  ['hebrew', ABJAD_PROFILE],
  ['georgian', GEORGIAN_PROFILE],
  ['armenian', ARMENIAN_PROFILE],
  ['kana', KANA_PROFILE],
]);
/** Soft romanisation edits a form may differ by: a base and a share of the longer form's length. */
const ROMAN_BUDGET_BASE = 0.5;
const ROMAN_BUDGET_PER_LETTER = 0.12;
/**
 * A word this short that needs soft edits of this cost or more (two letters of a class, an
 * aspiration and a spelling) is weak: few enough letters are left to tell it from another word
 * (ภูเก็ต bhuket ~ Bucket), so it counts beside a name part that agrees.
 */
const ROMAN_SHORT = 6;
const ROMAN_SHORT_SOFT = 0.5;
/** Score of a Latin spelling the romanisation explains, less this much per unit of soft cost. */
const ROMAN_COST_SCORE = 0.04;

/** A non-weak pairing this good is kept over a weak one scoring a little more (kartu ~ Cartu). */
const STRONG_OVER_WEAK = 0.8;
/**
 * Kana spellings of this length or more may also match by typo: a katakana loanword only
 * approximates the foreign name (ウラジーミル uladimil ~ Vladimir), unlike a Japanese syllable.
 */
const KANA_LOAN_MIN = 5;

/**
 * Edits allowed before a fuzzy match is marked down, by the longer token's length: one typo in
 * a name of five letters or more (Rahim/Raim, Matin/Main), two from eight.
 */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Fuzzy similarity of two Latin forms: Jaro-Winkler, marked down when the typing-error distance
 * ({@link typoDistance}: a transposition or a dropped letter is one edit, a doubled letter half
 * of one) is more than a typo makes. Short tokens (three or four letters) match only through one
 * slip that keeps their letters: a transposition ("hea"/"hae"), a doubled letter ("kimm") or, from
 * four letters, a dropped one ("chl"/"chol" is not, "chol"/"cholo" is); a different letter makes
 * another name there (Kim/Kam, Ali/Ari).
 */
export function fuzzy(a: string, b: string): number {
  const minLen = Math.min(a.length, b.length);
  if (minLen < 3) return 0;
  // Lengths three apart need three edits: past what a typo makes, and Jaro-Winkler of such a
  // pair, less the penalty below, never reaches a pairing.
  if (Math.abs(a.length - b.length) > 2) return 0;
  const longer = Math.max(a.length, b.length);
  if (longer <= SHORT_TOKEN) {
    // Scored on the slip itself: Jaro-Winkler's window is 0 at three letters, blind to a swap.
    const d = typoDistance(a, b);
    const slip = d <= 1 && (minLen > 3 || d <= 0.5 || a.length === b.length);
    return slip ? SHORT_SLIP_SCORE - 0.1 * d : 0;
  }
  const jw = jaroWinkler(a, b);
  if (jw < 0.75) return 0;
  const d = typoDistance(a, b);
  // A substitution costs just over one edit; it counts as one here.
  return d <= allowedEdits(longer) + 0.02 ? jw : jw - 0.25;
}

/** Best similarity between two tokens. */
export function tokenSimilarity(q: NameToken, l: NameToken): TokenMatch {
  // Titles, particles and legal forms pair only when spelled alike: they weigh little, and fuzzy
  // matching them ("ltd"/"llc") would only add noise.
  if (!isContent(q) || !isContent(l)) {
    if (q.kind === 'initial' || l.kind === 'initial') return initialMatch(q, l);
    for (const f of q.forms)
      if (l.forms.includes(f)) return { score: 1, method: 'exact', query: f, list: f };
    return { score: 0, method: 'none', query: q.text, list: l.text };
  }
  return memoised(q, l);
}

function isContent(t: NameToken): boolean {
  return t.kind === 'word' || t.kind === 'number';
}

/**
 * Roman numerals of one letter, which the tokenizer reads as initials (a person's "V." or "X."):
 * beside a number they are numbers.
 */
export const ROMAN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['i', '1'],
  ['v', '5'],
  ['x', '10'],
]);

/**
 * An initial against a token: the same initial is the same, an initial standing for a name that
 * begins with it is likely the name (0.8: partly, since many names share the letter).
 */
function initialMatch(q: NameToken, l: NameToken): TokenMatch {
  // "SAHAR X", "NOOR AL BAHR V": a single Roman numeral letter is the number it writes.
  const roman = q.kind === 'initial' ? [q, l] : [l, q];
  if (roman[1]!.kind === 'number') {
    const ok = ROMAN_LETTERS.get(roman[0]!.text) === roman[1]!.text;
    return { score: ok ? 1 : 0, method: ok ? 'number' : 'none', query: q.text, list: l.text };
  }
  const ok = q.text[0] === l.text[0];
  const both = q.kind === 'initial' && l.kind === 'initial';
  return {
    score: ok ? (both ? 1 : 0.8) : 0,
    method: ok ? 'initial' : 'none',
    query: q.text,
    list: l.text,
  };
}

/**
 * Token pairs recur across queries (a batch repeats common given names and surnames), and tokens
 * are shared objects, so similarities are remembered by the pair of objects, in two generations
 * of up to {@link MEMO_LIMIT} pairs (as `GenerationalMemo` does): a pair found in the old one
 * moves to the young one. A single map cleared when full lost the common pairs with the rare:
 * 40,000 distinct rows computed 197k pairs where 86k were distinct (bench/screen-micro.ts rows).
 */
const MEMO_LIMIT = 40_000;
let memo = new Map<NameToken, Map<NameToken, TokenMatch>>();
let oldMemo = new Map<NameToken, Map<NameToken, TokenMatch>>();
let memoSize = 0;

function memoised(q: NameToken, l: NameToken): TokenMatch {
  let inner = memo.get(q);
  const hit = inner?.get(l);
  if (hit) return hit;
  const m = oldMemo.get(q)?.get(l) ?? compareContent(q, l);
  if (memoSize >= MEMO_LIMIT) {
    oldMemo = memo;
    memo = new Map();
    memoSize = 0;
    inner = undefined;
  }
  if (!inner) memo.set(q, (inner = new Map()));
  inner.set(l, m);
  memoSize++;
  return m;
}

function compareContent(q: NameToken, l: NameToken): TokenMatch {
  const cross = q.script !== l.script;
  // Syllabic scripts come with every romanisation spelled out as a form; sound and typo
  // matching on top of those finds chance likenesses between one-syllable tokens (a two-character
  // Chinese name has a dozen spellings), so alternatives there must match exactly.
  const strictQ = SYLLABIC.has(q.script);
  const strictL = SYLLABIC.has(l.script);
  // Which side's forms are table guesses (then only their primary sound code counts).
  const guessQ = cross && TABLE_READ.has(q.script);
  const guessL = cross && TABLE_READ.has(l.script);
  // A table-read form against a Latin spelling: the tolerance is what the romanisation leaves
  // uncertain, not a typo on top of it (see romanisationDistance).
  const profile = guessQ ? PROFILES.get(q.script) : guessL ? PROFILES.get(l.script) : undefined;
  let best: TokenMatch = { score: 0, method: 'none', query: q.text, list: l.text };
  for (const qf of q.forms) {
    for (const lf of l.forms) {
      if (qf === lf) {
        const primary = qf === q.text && lf === l.text;
        const score = cross ? 0.95 : primary ? 1 : 0.97;
        if (score > best.score)
          best = {
            score,
            method: cross ? 'translit' : primary ? 'exact' : 'variant',
            query: qf,
            list: lf,
          };
        if (score === 1) return best;
        continue;
      }
      // Hard edits between a table-read form and the spelling: a sound or skeleton likeness
      // may stretch the soft edits' budget (long Sanskrit-based Thai spellings), never
      // excuse a letter of another class (shabab is not Shabiba, shwe not Swe).
      let hard = 0;
      if (profile) {
        const [tf, other] = guessQ ? [qf, lf] : [lf, qf];
        const d = romanisationDistance(tf, other, profile);
        hard = d.hard;
        const r = romanised(tf, other, profile, d, !guessQ);
        if (r && better(best, r.score, r.weak === true, true)) best = r;
      } else if ((strictQ && qf !== q.text) || (strictL && lf !== l.text)) {
        const loan =
          (q.script === 'kana' || l.script === 'kana') &&
          Math.min(qf.length, lf.length) >= KANA_LOAN_MIN;
        if (!loan) continue;
        const f = fuzzy(qf, lf);
        if (f > best.score) best = { score: f, method: 'fuzzy', query: qf, list: lf };
        continue;
      }
      // A diminutive or short form of the name (Becky/Rebecca, Bill/William), from the table.
      if (best.score < NICKNAME_SCORE && areNameVariants(qf, lf))
        best = { score: NICKNAME_SCORE, method: 'nickname', query: qf, list: lf };
      // A short form of the same name in another spelling (Alex for ALEKSANDR, Mike for MIKHAIL).
      if (best.score < SPELLED_NICKNAME_SCORE && nicknameOfSpelling(qf, lf))
        best = { score: SPELLED_NICKNAME_SCORE, method: 'nickname', query: qf, list: lf };
      // A register's truncation of a business word ("Eng" for Engineering, "Constr").
      if (
        best.score < TRUNCATION_SCORE &&
        (isTruncatedBusinessWord(qf, lf) || isTruncatedBusinessWord(lf, qf))
      )
        best = { score: TRUNCATION_SCORE, method: 'abbreviation', query: qf, list: lf };
      if (!profile) {
        const f = fuzzy(qf, lf);
        if (f > best.score)
          best =
            Math.max(qf.length, lf.length) <= SHORT_TOKEN
              ? { score: f, method: 'fuzzy', query: qf, list: lf, weak: true }
              : { score: f, method: 'fuzzy', query: qf, list: lf };
      }
      const guess = guessQ || guessL;
      const soundKey =
        (best.score < 0.88 || best.weak) && hard === 0
          ? sharedKey(cachedPhonetic(qf), cachedPhonetic(lf), guessQ, guessL)
          : 0;
      if (soundKey) {
        // Metaphone codes of short words say little ("eun" and "won" are both AN): ask for the
        // same first letter there.
        const short = Math.min(qf.length, lf.length) <= 3;
        const loose =
          guess && (soundKey < TABLE_LOOSE_KEY || FULL_VOWELS.has(guessQ ? q.script : l.script));
        const score = short ? (qf[0] === lf[0] ? 0.8 : 0) : loose ? TABLE_LOOSE_SCORE : 0.88;
        // Between two Latin spellings, sound alone never anchors a name, whatever the tokens'
        // length ("Dana Ross" is not Dina Rose, "Hamel Trading" not HAMAS): it counts beside a
        // part that agrees. Across scripts sound is how a transliteration matches ("Hezbollah"
        // from Hebrew), so only short tokens, and loose likenesses on a table-read form, are weak.
        const weak = cross ? Math.min(qf.length, lf.length) <= SHORT_TOKEN || loose : true;
        if (better(best, score, weak, guess))
          best = weak
            ? { score, method: 'phonetic', query: qf, list: lf, weak }
            : { score, method: 'phonetic', query: qf, list: lf };
      }
      if (
        (best.score < 0.88 || best.weak) &&
        hard === 0 &&
        (ABJAD.has(q.script) || ABJAD.has(l.script))
      ) {
        const s = cachedSkeleton(qf);
        if (s.length >= 2 && s === cachedSkeleton(lf)) {
          const weak = guess && s.length < TABLE_LOOSE_KEY;
          const score = weak ? TABLE_LOOSE_SCORE : 0.88;
          if (better(best, score, weak, guess))
            best = weak
              ? { score, method: 'skeleton', query: qf, list: lf, weak }
              : { score, method: 'skeleton', query: qf, list: lf };
        }
      }
    }
  }
  return best;
}

/**
 * A table-read form `tf` against a spelling `lf`, scored by the soft edits romanisation explains;
 * undefined when a hard edit separates them (another name) or the soft edits pass the budget. A
 * short token that needs any soft edit is weak, as is a katakana reading matched only loosely
 * (see KANA_LOAN_PROFILE): it counts beside a name part that agrees. `swapped`: the table's form
 * is the list's. `distance`: theirs under `profile`.
 */
function romanised(
  tf: string,
  lf: string,
  profile: RomanisationProfile,
  distance: RomanisationDistance,
  swapped: boolean,
): TokenMatch | undefined {
  const longer = Math.max(tf.length, lf.length);
  if (Math.min(tf.length, lf.length) < 2) return undefined;
  const budget = ROMAN_BUDGET_BASE + ROMAN_BUDGET_PER_LETTER * longer;
  let d = distance;
  let loose = false;
  if ((d.hard > 0 || d.soft > budget) && profile === KANA_PROFILE) {
    d = romanisationDistance(tf, lf, KANA_LOAN_PROFILE);
    loose = true;
  }
  if (d.hard > 0 || d.soft > budget) return undefined;
  const score = 0.95 - ROMAN_COST_SCORE * d.soft;
  const [query, list] = swapped ? [lf, tf] : [tf, lf];
  return loose || longer <= SHORT_TOKEN || (longer <= ROMAN_SHORT && d.soft >= ROMAN_SHORT_SOFT)
    ? { score, method: 'romanisation', query, list, weak: true }
    : { score, method: 'romanisation', query, list };
}

/**
 * Whether a sound or skeleton pairing of `score` replaces `best`. Between table-read forms (see
 * TABLE_READ) a weak likeness gives way to a strong one of the same score and never displaces a
 * strong pairing nearly as good.
 */
function better(best: TokenMatch, score: number, weak: boolean, guess: boolean): boolean {
  if (!guess) return score > best.score;
  if (weak) return score > best.score && (best.weak === true || best.score < STRONG_OVER_WEAK);
  return score > best.score || (score === best.score && best.weak === true);
}

/**
 * The length of the longest phonetic key two forms share, 0 when none; a guessed form (see
 * TABLE_READ) offers its primary key only.
 */
function sharedKey(a: string[], b: string[], firstA: boolean, firstB: boolean): number {
  const na = firstA ? Math.min(1, a.length) : a.length;
  const nb = firstB ? Math.min(1, b.length) : b.length;
  let n = 0;
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) if (a[i] === b[j] && a[i]!.length > n) n = a[i]!.length;
  return n;
}

/** Similarity of a joined form (two tokens written as one) to a token's spellings. */
export function joinedSimilarity(joined: string, other: NameToken): TokenMatch {
  let best: TokenMatch = { score: 0, method: 'none', query: joined, list: other.text };
  for (const f of other.forms) {
    const score = f === joined ? 0.98 : fuzzy(joined, f) - 0.02;
    if (score > best.score) best = { score, method: 'joined', query: joined, list: f };
  }
  return best;
}
