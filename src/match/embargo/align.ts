/**
 * @module
 * Aligning the tokens of a query name with those of a list name, order-free: every pair is
 * scored, joined neighbours are tried ("Jong Un" ~ "Jongun"), and the best pairs are taken
 * greedily. The name score weighs each token by its rarity, so matching "Kim" counts for less
 * than matching "Jong Un".
 */
import type { TokenExplanation } from '../../core/index.ts';
import {
  CLIP_SCRIPTS,
  isBusinessLine,
  isConsonantClip,
  isPetForm,
  isReshapedClip,
  isStrongClip,
  isTruncatedBusinessWord,
  type NameToken,
} from '../../normalize/index.ts';
import type { Retrieval } from '../index/retrieve.ts';
import { joinedSimilarity, ROMAN_LETTERS, tokenSimilarity, type TokenMatch } from './tokens.ts';

/** Pairs below this similarity are not aligned. */
const MIN_PAIR = 0.7;
/**
 * Share of its weight an unmatched list token counts against the score. Lists add middle names,
 * patronymics and tribal names a customer record often lacks ("PUTIN, Vladimir Vladimirovich"),
 * so a missing list token costs less than a query token the list does not have.
 */
export const UNMATCHED_LIST_WEIGHT = 0.35;
/**
 * Scripts whose names have no family name, patronymic or optional middle name: every syllable
 * of a Burmese name is the name (Khin Yi is not Khin Yee Win), so a list token a query in it
 * lacks counts in full.
 */
const WHOLE_NAME_SCRIPTS: ReadonlySet<string> = new Set(['burmese']);
/** Factor for a multi-token list name of which a single token matched (OFAC FAQ 5: one name part is not a match). */
export const SINGLE_PART_FACTOR = 0.6;

/**
 * Factor for a name whose matched tokens are all weak pairs (a typo in a short token, short
 * tokens alike only in sound) or initials: nothing in it agrees for certain, so it stays below a
 * match on its own ("Acme Ltd" is not AQIM), while the same pair counts in full beside a token
 * that does agree ("Choe Ryong Hea").
 */
export const UNANCHORED_FACTOR = 0.75;
/**
 * Factor for names that each carry a number the other lacks: "YU JONG 3" is the sister ship of
 * "YU JONG 2", "CHON MA SAN 3" another ship than CHON MA SAN; numbered companies and vessels are
 * different parties, so a different number is a strong mismatch.
 */
export const NUMBER_CONFLICT_FACTOR = 0.5;
/**
 * Factor for an initial that stands for none of the other name's words, where that name has a
 * word left over: "ESCOBAR AGUILAR, D." is not Carlos ESCOBAR AGUILAR.
 */
export const INITIAL_CONFLICT_FACTOR = 0.85;
/**
 * Factor for names that agree but for their line of business: one names a business ("Trading",
 * "Construction", "Fisheries") the other lacks, and the other has a word of its own left over
 * ("Black Sea Grain Trading" and "BLACK SEA GRAIN CONSTRUCTION", "Atlas Peak Electronics" and
 * "ATLAS PEAK ENGINEERING"). Groups name their companies so (sibling companies), and each is a
 * party of its own: a designation names one of them, not its siblings. A business word only one
 * of the names has, with nothing left over on the other side, is no conflict ("KOREA MINING
 * DEVELOPMENT TRADING CORP" written without "Trading").
 */
export const BUSINESS_CONFLICT_FACTOR = 0.7;
/**
 * Similarity credited to a given name left unpaired against a list given name it is a strong
 * clipped short form of (normalize's `clipStrength`: Sveta for Svetlana, Mide for Olumide,
 * Concha for Concepción). Below a listed diminutive (0.9): the relation is inferred from the
 * letters, and "Ali" is cut from "Alizadeh" as "Rafa" from "Rafael". Credited only where another
 * part of the name agrees (an anchor): the short form completes a name, never makes one.
 *
 * Chosen on the tuning half of eval/pairs (issue 12): 0.75, 0.8 and 0.85 gave the same tuning
 * figures (diminutive recall 8/13, no false positive); 0.8 sits between. Two-letter clips
 * (Pasha/Pavel, Masha/Mariya) are not credited: below 0.7 they changed no tuning pair, and from
 * 0.7, where two tuning pairs pass, a two-letter clip beside the surname alone matches a sister
 * ("Masha Petrova" would be MARINA PETROVA as well as Mariya). Consonant clips (Dima/Dmitry) are,
 * at {@link CONSONANT_CLIP_SCORE}, beside a sure part only.
 */
export const CLIP_SCORE = 0.8;
/**
 * Similarity credited to a given name that is a weak clip of a list given name by its consonants
 * alone (normalize's `isConsonantClip`: Dima/Dmitry), or a clip of it reshaped as pet forms
 * reshape a name (`isReshapedClip`: Beto/Roberto, Nacho/Ignacio, Zhenya/Yevgeny), or an East
 * Slavic pet form (`isPetForm`: Sasha/Aleksandr, Tanya/Tatyana, Vanya/Ivan), only where
 * another part of the name is spelled the same or as a known variant (a sure pair, such as the
 * surname): weaker evidence than a strong clip, so it needs the stronger corroboration. Two-letter
 * cuts (Masha, Pasha) are still not credited: they are cut from sisters' names too (see
 * {@link CLIP_SCORE}). 0.7 is the lowest score a token pair is aligned at (MIN_PAIR); on the
 * tuning half it passes p0318 (Dima) and p0332 (Beto), with no tuning false positive.
 */
export const CONSONANT_CLIP_SCORE = 0.7;
/** A remembered clip score: no strong clip, the weaker ones not asked yet (see clipScore). */
const NOT_STRONG = -1;
/** Pairs that are the same name part, spelled the same or as a known variant or transliteration. */
const SURE_METHODS: ReadonlySet<string> = new Set(['exact', 'variant', 'translit', 'joined']);

/** Index ids of a list name's tokens and joined pairs, with the joined texts. */
export interface ListIds {
  joined: readonly string[];
  tokenIds: readonly number[];
  joinedIds: readonly number[];
  /** Where the name's token weights start in the aligner's `listWeights`, if it has them. */
  tokenStart?: number;
}

/** Weight of each token (rarity × kind). */
export type Weigh = (t: NameToken) => number;

/** Result of aligning two names. */
export interface Alignment {
  /** 0..1 similarity of the names. */
  score: number;
  /** The pairing, when asked for (it costs allocations the ranking of candidates does not need). */
  tokens: TokenExplanation[];
}

const NO_MATCH: TokenMatch = { score: 0, method: 'none', query: '', list: '' };

function isContent(t: NameToken): boolean {
  return t.kind === 'word' || t.kind === 'number';
}

/**
 * Scratch buffers shared by every aligner: alignment runs for every candidate name of every
 * query, and each aligner allocating its own was 3% of a query's time plus the garbage. Safe
 * because {@link QueryAligner.align} runs to completion, one call at a time, on one thread.
 */
const S = {
  pairCount: 0,
  pairScore: new Float64Array(64),
  pairQ: new Int32Array(64),
  pairL: new Int32Array(64),
  pairSpan: new Int32Array(64),
  pairMatch: [] as TokenMatch[],
  order: new Int32Array(64),
  usedQ: new Uint8Array(16),
  usedL: new Uint8Array(64),
  wl: new Float64Array(64),
};

/**
 * Aligns one query name against many list names. Token similarities are memoised per query:
 * list names share their tokens (one "mohammed" object serves thousands of names), so each
 * query token meets each distinct list token once.
 */
export class QueryAligner {
  private readonly q: NameToken[];
  private readonly wq: number[];
  /** What an unmatched list token counts (see UNMATCHED_LIST_WEIGHT, WHOLE_NAME_SCRIPTS). */
  private readonly listGapWeight: number;
  private readonly weigh: Weigh;
  private readonly joinedQ: string[];
  private readonly single: Map<NameToken, TokenMatch>[];
  private readonly joinedCache: Map<NameToken, TokenMatch>[];
  private readonly listJoinedCache: Map<string, TokenMatch>[];

  private readonly reach: Retrieval['reach'] | undefined;
  private readonly reachJoined: Retrieval['reachJoined'] | undefined;
  private readonly listWeights: Float64Array | undefined;
  /** Per query token, its clip score against each list token met (see {@link CLIP_SCORE}). */
  private readonly clips: (Map<NameToken, number> | undefined)[];

  /**
   * @param reach what retrieval reached per query token: list tokens outside it are not
   *   compared (see {@link Retrieval}); without it every pair is compared.
   * @param listWeights `weigh` of every indexed list token, at its name's `tokenStart`: read
   *   instead of calling `weigh` per list token and alignment (a map lookup per token that was
   *   a third of the aligner's own time).
   */
  constructor(
    q: NameToken[],
    weigh: Weigh,
    reach?: Pick<Retrieval, 'reach' | 'reachJoined'>,
    listWeights?: Float64Array,
  ) {
    this.q = q;
    this.listWeights = listWeights;
    this.reach = reach?.reach;
    this.reachJoined = reach?.reachJoined;
    this.weigh = weigh;
    this.wq = q.map(weigh);
    const words = q.filter((t) => t.kind === 'word');
    this.listGapWeight =
      words.length && words.every((t) => WHOLE_NAME_SCRIPTS.has(t.script))
        ? 1
        : UNMATCHED_LIST_WEIGHT;
    this.joinedQ = q.slice(0, -1).map((t, i) => t.text + q[i + 1]!.text);
    this.single = q.map(() => new Map());
    this.joinedCache = this.joinedQ.map(() => new Map());
    this.listJoinedCache = q.map(() => new Map());
    this.clips = q.map(() => undefined);
  }

  /**
   * Aligns the query with list tokens `l` (`joinedL`: their adjacent texts joined, if known).
   * `shortForms`: both are names of persons, so a given name left unpaired may be credited as a
   * clipped short form of one left unpaired on the other side (see {@link CLIP_SCORE}); company
   * and vessel names are not cut so ("Star Trading" is not STARLIGHT TRADING).
   */
  align(l: readonly NameToken[], explain = false, ids?: ListIds, shortForms = false): Alignment {
    const q = this.q;
    this.collectPairs(l, ids);
    const n = S.pairCount;
    const order = S.order;
    // Insertion sort by score, then by span (joined pairs first on ties): n is a handful.
    for (let k = 0; k < n; k++) {
      let i = k;
      while (i > 0 && this.before(k, order[i - 1]!)) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = k;
    }
    if (S.usedQ.length < q.length) S.usedQ = new Uint8Array(q.length * 2);
    if (S.usedL.length < l.length) {
      S.usedL = new Uint8Array(l.length * 2);
      S.wl = new Float64Array(l.length * 2);
    }
    const usedQ = S.usedQ.fill(0, 0, q.length);
    const usedL = S.usedL.fill(0, 0, l.length);
    const wl = S.wl;
    const at = this.listWeights && ids?.tokenStart;
    if (at !== undefined) for (let j = 0; j < l.length; j++) wl[j] = this.listWeights![at + j]!;
    else for (let j = 0; j < l.length; j++) wl[j] = this.weigh(l[j]!);
    const tokens: TokenExplanation[] = [];
    let matched = 0;
    let matchedContent = 0;
    let anchors = 0;
    let initials = 0;
    let sure = 0;
    for (let k = 0; k < n; k++) {
      const p = order[k]!;
      const span = S.pairSpan[p]!;
      const qi = S.pairQ[p]!;
      const lj = S.pairL[p]!;
      const qn = span === 2 ? 2 : 1;
      const ln = span === 3 ? 2 : 1;
      if (usedQ[qi] || usedQ[qi + qn - 1] || usedL[lj] || usedL[lj + ln - 1]) continue;
      let w = 0;
      for (let i = qi; i < qi + qn; i++) {
        usedQ[i] = 1;
        w += this.wq[i]!;
      }
      for (let j = lj; j < lj + ln; j++) {
        usedL[j] = 1;
        w += wl[j]!;
      }
      matched += S.pairScore[p]! * w;
      // An initial standing for a given name is a name part that agrees ("Y. Prigozhin"), though
      // not one that can anchor the name on its own.
      if (span === 1 && S.pairMatch[p]!.method === 'initial') initials++;
      else if (
        isContent(q[qi]!) ||
        (qn === 2 && isContent(q[qi + 1]!)) ||
        S.pairMatch[p]!.method === 'number' // a Roman numeral letter read as its number
      ) {
        // One query token written for two list tokens ("Prigozhinyevgeniy") matches two parts.
        matchedContent += ln;
        if (!S.pairMatch[p]!.weak) anchors++;
        if (SURE_METHODS.has(S.pairMatch[p]!.method)) sure++;
      }
      if (explain)
        tokens.push({
          query: q
            .slice(qi, qi + qn)
            .map((t) => t.text)
            .join(' '),
          list: l
            .slice(lj, lj + ln)
            .map((t) => t.text)
            .join(' '),
          method: S.pairMatch[p]!.method,
          score: round(S.pairScore[p]!),
        });
    }
    // Short forms complete a name whose other parts agree: the rest decides, the clip adds to it.
    if (shortForms && anchors > 0) {
      for (let i = 0; i < q.length; i++) {
        if (usedQ[i] || q[i]!.kind !== 'word') continue;
        let bestJ = -1;
        let bestS = 0;
        for (let j = 0; j < l.length; j++) {
          if (usedL[j] || l[j]!.kind !== 'word') continue;
          // A consonant or reshaped clip needs a sure part: not even looked for without one.
          const c = this.clipScore(i, l[j]!, sure > 0);
          if (c > bestS) {
            bestS = c;
            bestJ = j;
          }
        }
        if (bestJ < 0) continue;
        usedQ[i] = 1;
        usedL[bestJ] = 1;
        matched += bestS * (this.wq[i]! + wl[bestJ]!);
        matchedContent++;
        if (explain)
          tokens.push({
            query: q[i]!.text,
            list: l[bestJ]!.text,
            method: 'short-form',
            score: round(bestS),
          });
      }
    }
    let total = 0;
    let numberLeftQ = false;
    let numberLeftL = false;
    let initialLeftQ = false;
    let initialLeftL = false;
    let wordLeftQ = false;
    let wordLeftL = false;
    let romanLeftQ = false;
    let romanLeftL = false;
    let businessLeftQ = false;
    let businessLeftL = false;
    for (let i = 0; i < q.length; i++) {
      total += this.wq[i]!;
      if (!usedQ[i] && q[i]!.kind === 'number') numberLeftQ = true;
      if (!usedQ[i] && q[i]!.kind === 'initial') {
        initialLeftQ = true;
        if (ROMAN_LETTERS.has(q[i]!.text)) romanLeftQ = true;
      }
      if (!usedQ[i] && q[i]!.kind === 'word') wordLeftQ = true;
      if (!usedQ[i] && isBusinessLine(q[i]!.text)) businessLeftQ = true;
      if (explain && !usedQ[i])
        tokens.push({ query: q[i]!.text, list: '', method: 'none', score: 0 });
    }
    let listContent = 0;
    for (let j = 0; j < l.length; j++) {
      total += usedL[j] ? wl[j]! : this.listGapWeight * wl[j]!;
      if (!usedL[j] && l[j]!.kind === 'number') numberLeftL = true;
      if (!usedL[j] && l[j]!.kind === 'initial') {
        initialLeftL = true;
        if (ROMAN_LETTERS.has(l[j]!.text)) romanLeftL = true;
      }
      if (!usedL[j] && l[j]!.kind === 'word') wordLeftL = true;
      if (!usedL[j] && isBusinessLine(l[j]!.text)) businessLeftL = true;
      if (isContent(l[j]!)) listContent++;
    }
    // Initials count as name parts beside a part spelled the same ("V. Zolotov" is ZOLOTOV,
    // Viktor), not beside one only like it ("BOLOTOV, Valery").
    if (sure > 0) matchedContent += initials;
    let score = total > 0 ? matched / total : 0;
    if (matchedContent === 1 && listContent >= 2) score *= SINGLE_PART_FACTOR;
    if (matchedContent > 0 && anchors === 0) score *= UNANCHORED_FACTOR;
    // A Roman numeral letter left over ("NOOR AL BAHR V") is a number beside the other's number.
    if ((numberLeftQ && (numberLeftL || romanLeftL)) || (numberLeftL && romanLeftQ))
      score *= NUMBER_CONFLICT_FACTOR;
    if ((initialLeftQ && wordLeftL) || (initialLeftL && wordLeftQ))
      score *= INITIAL_CONFLICT_FACTOR;
    if (
      ((businessLeftQ && (wordLeftL || businessLeftL)) || (businessLeftL && wordLeftQ)) &&
      !truncationLeft(q, l, usedQ, usedL)
    )
      score *= BUSINESS_CONFLICT_FACTOR;
    return { score: Math.min(1, score), tokens };
  }

  /**
   * {@link CLIP_SCORE} of query token `i` against list token `t` over their spellings, or with
   * `weak` {@link CONSONANT_CLIP_SCORE} for a weaker clip, remembered (NOT_STRONG: no strong
   * clip, the weaker ones not asked yet).
   */
  private clipScore(i: number, t: NameToken, weak: boolean): number {
    let memo = this.clips[i];
    if (!memo) this.clips[i] = memo = new Map();
    let c = memo.get(t);
    if (c === undefined) {
      c = NOT_STRONG;
      if (CLIP_SCRIPTS.has(this.q[i]!.script) && CLIP_SCRIPTS.has(t.script))
        for (const qf of this.q[i]!.forms)
          for (const lf of t.forms) if (c === NOT_STRONG && isStrongClip(qf, lf)) c = CLIP_SCORE;
      memo.set(t, c);
    }
    // Weaker clips count only when asked for: the token may meet this list token again in
    // another list name, one without a sure part.
    if (c === CLIP_SCORE || !weak) return c === CLIP_SCORE ? c : 0;
    if (c !== NOT_STRONG) return c;
    c = 0;
    if (CLIP_SCRIPTS.has(this.q[i]!.script) && CLIP_SCRIPTS.has(t.script))
      for (const qf of this.q[i]!.forms)
        for (const lf of t.forms)
          if (c === 0 && (isConsonantClip(qf, lf) || isReshapedClip(qf, lf) || isPetForm(qf, lf)))
            c = CONSONANT_CLIP_SCORE;
    memo.set(t, c);
    return c;
  }

  /** Whether pair `a` goes before pair `b`: higher score, then the longer span. */
  private before(a: number, b: number): boolean {
    const d = S.pairScore[a]! - S.pairScore[b]!;
    return d > 0 || (d === 0 && (S.pairSpan[a]! > 1 ? 1 : 0) > (S.pairSpan[b]! > 1 ? 1 : 0));
  }

  /** Records a pair: span 1 = one token each, 2 = two query tokens joined, 3 = two list tokens joined. */
  private push(qi: number, lj: number, span: number, m: TokenMatch): void {
    const k = S.pairCount++;
    if (k >= S.pairScore.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      S.pairScore = grow(S.pairScore);
      S.pairQ = grow(S.pairQ);
      S.pairL = grow(S.pairL);
      S.pairSpan = grow(S.pairSpan);
      S.order = grow(S.order);
    }
    S.pairScore[k] = m.score;
    S.pairQ[k] = qi;
    S.pairL[k] = lj;
    S.pairSpan[k] = span;
    S.pairMatch[k] = m;
  }

  private collectPairs(l: readonly NameToken[], ids?: ListIds): void {
    const q = this.q;
    const joinedL = ids?.joined;
    S.pairCount = 0;
    for (let i = 0; i < q.length; i++) {
      const memo = this.single[i]!;
      const reach = ids && this.reach?.[i];
      for (let j = 0; j < l.length; j++) {
        if (reach && isContent(l[j]!) && !reach.has(ids.tokenIds[j]!)) continue;
        let m = memo.get(l[j]!);
        if (!m) memo.set(l[j]!, (m = tokenSimilarity(q[i]!, l[j]!)));
        if (m.score >= MIN_PAIR) this.push(i, j, 1, m);
      }
    }
    for (let i = 0; i < this.joinedQ.length; i++) {
      const memo = this.joinedCache[i]!;
      const reach = ids && this.reachJoined?.[i];
      if (ids && this.reachJoined && !reach) continue;
      for (let j = 0; j < l.length; j++) {
        if (reach && !reach.has(ids.tokenIds[j]!)) continue;
        let m = memo.get(l[j]!);
        if (!m) memo.set(l[j]!, (m = joinedSimilarity(this.joinedQ[i]!, l[j]!)));
        if (m.score >= MIN_PAIR) this.push(i, j, 2, m);
      }
    }
    for (let j = 0; j + 1 < l.length; j++) {
      const joined = joinedL?.[j] ?? l[j]!.text + l[j + 1]!.text;
      for (let i = 0; i < q.length; i++) {
        const reach = ids && this.reach?.[i];
        // Pairs with a particle ("al"+"zaidi") are not indexed joined: those are always compared.
        if (reach && ids.joinedIds[j]! >= 0 && !reach.has(ids.joinedIds[j]!)) continue;
        const memo = this.listJoinedCache[i]!;
        let m = memo.get(joined);
        if (!m) {
          const r = joinedSimilarity(joined, q[i]!);
          m = r.score > 0 ? { ...r, query: r.list, list: joined } : NO_MATCH;
          memo.set(joined, m);
        }
        if (m.score >= MIN_PAIR) this.push(i, j, 3, m);
      }
    }
  }
}

/**
 * Whether the words left over on the two sides are a business word and its truncation ("Fish."
 * for Fisheries): retrieval does not reach a list token through its truncation, so in screening
 * the pair may be left unpaired, and it is no conflict of business lines. Runs only when a
 * conflict is otherwise found (rare), so its loops cost nothing on most names.
 */
function truncationLeft(
  q: readonly NameToken[],
  l: readonly NameToken[],
  usedQ: Uint8Array,
  usedL: Uint8Array,
): boolean {
  for (let i = 0; i < q.length; i++) {
    if (usedQ[i]) continue;
    for (let j = 0; j < l.length; j++)
      if (
        !usedL[j] &&
        (isTruncatedBusinessWord(q[i]!.text, l[j]!.text) ||
          isTruncatedBusinessWord(l[j]!.text, q[i]!.text))
      )
        return true;
  }
  return false;
}

/** Aligns query tokens `q` with list tokens `l` and scores the names (one-off; see QueryAligner). */
export function alignNames(
  q: NameToken[],
  l: NameToken[],
  weigh: Weigh,
  shortForms = false,
): Alignment {
  return new QueryAligner(q, weigh).align(l, true, undefined, shortForms);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
