/**
 * @module
 * An emulation of OFAC's Sanctions List Search score (FAQ 249, https://ofac.treasury.gov/faqs/249),
 * with the details the FAQ leaves open settled on 170 scores recorded from the live tool (the data
 * folder's `eval/ofac-sls-parity.csv`, see `parity.test.ts`):
 *
 * 1. Pre-filter ("potential matches based on the first letter of input search terms and … at least
 *    50% … similar based on edit distance"): some query part and some list part must share their
 *    first letter and have a Levenshtein similarity of at least 0.5. Read per part, not per whole
 *    name: "ALQAEDA" does not find "AL QAEDA" (no part pair passes), while "GEORGE BUSH" finds
 *    "GORDO" at exactly 0.5.
 * 2. Technique 1: Jaro-Winkler of the whole query against the whole list name, both with their
 *    spaces removed and the list name in its written "SURNAME, Given" order. No first-letter gate:
 *    "PUTIN VLADIMIR" gets 92 against "TURIN, Vladimir" from this technique alone. The order is what
 *    makes "GEORGE BUSH" find "GEORGIOU, Georgios" (86) and "BUSH GEORGE" not (57).
 * 3. Technique 2: each query part takes its best Jaro-Winkler against the list parts that pass the
 *    same first-letter and 50% test (others count 0), and the composite is their mean. Hence
 *    "VLADIMIR PUTIN" = 100 against "PUTIN, Vladimir": parts match whatever their order.
 * 4. The score is the higher of the two.
 *
 * The Jaro-Winkler is the textbook one (standard Jaro window) with two departures. The prefix bonus
 * is given whatever the Jaro score, with no 0.7 gate, as in SimMetrics, the library an ASP.NET
 * site of the tool's era would use. The prefix counts up to 5 characters, not Winkler's 4 (nor
 * SimMetrics-Java's 6): fitted on the 31 recorded whole-string scores where the names share 5 or
 * more leading characters, the prefix length the tool's bonus implies is 4.1–5.4 (median 5.1) on
 * 30 of them ("VLADIMIR PUTIN" / "VLADIMIR ARSENYEV": Jaro 0.752, tool 88; prefix 5 gives 88, 4
 * gives 85, 6 gives 90). The one outlier (7.2) is a row no variant explains.
 *
 * The FAQ also names Soundex for the parts. No use of it that changes a score survived the data
 * (a Soundex boost made parity worse), so it only labels a part pair `phonetic` in the explanation.
 */
import { jaroWinkler, levenshteinSimilarity, soundex } from '../similarity/index.ts';
import type { JaroWinklerOptions } from '../similarity/index.ts';
import { prepareOfacName, SHORT_PART, type OfacName } from './names.ts';

/** How one query part was paired with a list part. */
export interface OfacTokenScore {
  query: string;
  /** The list part it was scored against; '' when none was comparable. */
  list: string;
  /**
   * `exact`, `phonetic` (same Soundex code), `fuzzy` (Jaro-Winkler only), `none` (no list part
   * passed the first-letter and 50% test) or `dropped` (query part of 2 characters or fewer).
   */
  method: string;
  score: number;
}

/** What {@link ofacNameScore} found. */
export interface OfacNameScore {
  /** 0..1; OFAC's tool shows `Math.round(100 * score)`. */
  score: number;
  /** The technique that gave the score; `none` when the pre-filter rejected the pair. */
  technique: 'whole' | 'parts' | 'none';
  /** Technique 1: Jaro-Winkler of the whole names (0 when the pre-filter rejected the pair). */
  whole: number;
  /** Technique 2: mean of the query parts' best part scores (0 likewise). */
  parts: number;
  /** One entry per query part, in query order. */
  tokens: OfacTokenScore[];
}

/** Jaro-Winkler as the tool's scores show it: no boost gate, prefix up to 5. */
const OFAC_JW: JaroWinklerOptions = { prefixScale: 0.1, maxPrefix: 5, boostThreshold: null };

/** Edit-distance similarity a part pair needs (FAQ 249: "at least 50% or more similar"). */
const MIN_EDIT_SIMILARITY = 0.5;

/** Whether two parts may be compared at all: same first letter, at least 50% edit similarity. */
function comparable(q: string, l: string): boolean {
  if (q.charCodeAt(0) !== l.charCodeAt(0)) return false;
  // Cheap bound first: the length difference alone is a lower bound on the edit distance.
  const longest = Math.max(q.length, l.length);
  if (Math.abs(q.length - l.length) > longest * (1 - MIN_EDIT_SIMILARITY)) return false;
  return levenshteinSimilarity(q, l) >= MIN_EDIT_SIMILARITY;
}

/** The pre-filter: does any query part pass {@link comparable} with any list part? */
function passesPrefilter(query: OfacName, list: OfacName): boolean {
  for (const q of query.searchParts) for (const l of list.parts) if (comparable(q, l)) return true;
  return false;
}

/** Technique 2 for one query part: its best comparable list part. */
function scorePart(q: string, list: OfacName): OfacTokenScore {
  let best = 0;
  let bestPart = '';
  for (const l of list.parts) {
    if (!comparable(q, l)) continue;
    const s = jaroWinkler(q, l, OFAC_JW);
    if (s > best) {
      best = s;
      bestPart = l;
    }
  }
  return { query: q, list: bestPart, method: methodOf(q, bestPart, best), score: best };
}

/** Labels a part pair for the explanation. */
function methodOf(q: string, l: string, score: number): string {
  if (l === '') return 'none';
  if (score === 1) return 'exact';
  return soundex(q) !== '' && soundex(q) === soundex(l) ? 'phonetic' : 'fuzzy';
}

/** Accepts a raw or an already prepared name. */
function asName(name: string | OfacName): OfacName {
  return typeof name === 'string' ? prepareOfacName(name) : name;
}

/**
 * Scores a query name against one list name the way OFAC's tool does.
 *
 * Either argument may be a string or a name prepared once with {@link prepareOfacName}, which
 * saves the normalisation when one list name is scored against many queries or the reverse.
 *
 * @example
 * ofacNameScore('VLADIMIR PUTIN', 'PUTIN, Vladimir').score; // 1 (technique 2)
 * ofacNameScore('GEORGE BUSH', 'GEORGIOU, Georgios').score; // 0.86 (technique 1)
 * ofacNameScore('BUSH GEORGE', 'GEORGIOU, Georgios').score; // 0.57
 */
export function ofacNameScore(
  query: string | OfacName,
  listName: string | OfacName,
): OfacNameScore {
  const q = asName(query);
  const l = asName(listName);
  if (q.parts.length === 0 || l.parts.length === 0 || !passesPrefilter(q, l)) {
    const tokens = q.searchParts.map((p) => ({ query: p, list: '', method: 'none', score: 0 }));
    return { score: 0, technique: 'none', whole: 0, parts: 0, tokens };
  }
  const whole = jaroWinkler(q.joined, l.joined, OFAC_JW);
  const dropping = q.searchParts.length < q.parts.length;
  let sum = 0;
  const tokens = q.parts.map((p) => {
    if (dropping && p.length <= SHORT_PART)
      return { query: p, list: '', method: 'dropped', score: 0 };
    const t = scorePart(p, l);
    sum += t.score;
    return t;
  });
  const parts = sum / q.searchParts.length;
  return whole > parts
    ? { score: whole, technique: 'whole', whole, parts, tokens }
    : { score: parts, technique: 'parts', whole, parts, tokens };
}
