/**
 * @module
 * Candidate retrieval: from query tokens to the list names most worth scoring. Each query token
 * finds list tokens by form, sound, skeleton or one typo; every name holding such a token gains
 * the token's rarity times its similarity. Common tokens (Kim, Mohammed, Trading) add little, so
 * they never pull a name in on their own when the query has anything rarer.
 */
import { GenerationalMemo } from '../../core/index.ts';
import { nameVariants, type NameToken } from '../../normalize/index.ts';
import { jaroWinkler } from '../similarity/index.ts';
import type { CandidateIndex } from './build.ts';
import { isContentToken } from './build.ts';
import { clipTargets } from './clips.ts';
import { cachedPhonetic, cachedSkeleton, deletes, shortSlips } from './keys.ts';
import {
  MIN_SPELLED_LENGTH,
  SPELLED_NICKNAME_SCORE,
  spelledAlike,
  tableNamesSpelledLike,
} from './nicknames.ts';

/** Share of a name's uncovered weight that lowers its rank (the scorer's unmatched-list weight). */
const UNCOVERED_PENALTY = 0.35;

/** Candidates ranked below this share of the best candidate's rank are dropped. */
const RELATIVE_CUTOFF = 0.3;

/** Similarity below which a looked-up list token is not counted. */
const MIN_TOKEN_SIMILARITY = 0.8;

/**
 * Scratch arrays reused across queries (one index, one thread). `acc` holds four numbers per name
 * side by side (which query token last touched it, what that token gave, the running total, and
 * the name's weight, {@link CandidateIndex.nameWeight}, which stays), so the walk over postings,
 * the ranking and the reset touch one cache line per name: the walk is memory-bound. Once the
 * walk is done the second slot holds the name's rank.
 */
interface Scratch {
  acc: Float32Array;
  /**
   * The names touched by the current query, and those of them kept. Typed arrays of every
   * name's size, reused: the plain arrays grown anew per query were a third of the bytes a
   * distinct-name batch allocated (93 → 64 KB a row, by V8's sampling heap profiler).
   */
  touched: Int32Array;
  /** The best names of the current query. */
  best: Best;
}
/** Numbers per name in {@link Scratch.acc}. */
const STRIDE = 4;
const scratchByIndex = new WeakMap<CandidateIndex, Scratch>();

/** Similarity given to a list token that is a diminutive or full form of the query form. */
const NICKNAME_SIMILARITY = 0.9;
/**
 * Similarity given to a list token a short query form is clipped from (see clips.ts): enough to
 * bring the name in beside its surname, as the scorer's clip credit would (CLIP_SCORE).
 */
const CLIP_SIMILARITY = 0.8;
/** Similarity given to a list token one slip away from a short query form (see shortSlips). */
const SHORT_SLIP_SIMILARITY = 0.85;
/** Forms shorter than this are not looked up by sound: short metaphone codes (KM, AN) match too much. */
const MIN_PHONETIC_LENGTH = 4;
/**
 * Lookups remembered across queries (a batch repeats its common given names and surnames), per
 * generation: a form in use survives the cache filling up (see `GenerationalMemo`).
 */
const LOOKUP_CACHE_SIZE = 20_000;

interface Lookup {
  ids: number[];
  sims: number[];
}
const lookupCaches = new WeakMap<CandidateIndex, GenerationalMemo<string, Lookup>>();

/**
 * Vocabulary tokens reachable from a query form, with their similarity to it: the form itself,
 * forms one typo away (by deletion keys, or for short forms by the slips of {@link shortSlips};
 * scored with Jaro-Winkler), and forms of the same sound
 * or consonant skeleton (scored at a fixed 0.85: their spelling may differ a lot, which is the
 * point).
 */
export function lookupForm(index: CandidateIndex, form: string): Lookup {
  let cache = lookupCaches.get(index);
  if (!cache) lookupCaches.set(index, (cache = new GenerationalMemo(LOOKUP_CACHE_SIZE)));
  const hit = cache.get(form);
  if (hit) return hit;
  const v = index.vocab;
  const out = new Map<number, number>();
  const set = (id: number, sim: number) => {
    if (sim >= MIN_TOKEN_SIMILARITY && sim > (out.get(id) ?? 0)) out.set(id, sim);
  };
  const typo = (id: number) => {
    if (!out.has(id)) set(id, jaroWinkler(form, v.forms[id]!));
  };
  const exact = v.ids.get(form);
  if (exact !== undefined) out.set(exact, 1);
  if (form.length >= 2) {
    v.byDelete.forEach(form, typo);
    for (const d of deletes(form)) {
      const id = v.ids.get(d);
      if (id !== undefined) typo(id);
      v.byDelete.forEach(d, typo);
    }
    // Jaro-Winkler sees no transposition in three letters (its window is 0): a fixed similarity.
    for (const d of shortSlips(form)) {
      const id = v.ids.get(d);
      if (id !== undefined) set(id, SHORT_SLIP_SIMILARITY);
    }
    if (form.length >= MIN_PHONETIC_LENGTH)
      for (const k of cachedPhonetic(form)) v.byPhonetic.forEach(k, (id) => set(id, 0.85));
    const s = cachedSkeleton(form);
    if (s.length >= 3) v.bySkeleton.forEach(s, (id) => set(id, 0.85));
    // Diminutives and short forms of a given name, and the names it is one of (Becky → Rebecca).
    for (const n of nameVariants(form) ?? []) {
      const id = v.ids.get(n);
      if (id !== undefined) set(id, NICKNAME_SIMILARITY);
      // ...and the list's other spellings of those names (Alex → Alexander ≈ ALEKSANDR).
      if (n.length >= MIN_SPELLED_LENGTH) {
        const spelled = (sid: number) => {
          if (spelledAlike(n, v.forms[sid]!)) set(sid, SPELLED_NICKNAME_SCORE);
        };
        // Keys under three letters never make names alike (see spelledAlike), and their buckets
        // are large: only the skeleton is looked up for those.
        for (const k of cachedPhonetic(n)) if (k.length >= 3) v.byPhonetic.forEach(k, spelled);
        const s = cachedSkeleton(n);
        if (s.length >= 3) v.bySkeleton.forEach(s, spelled);
      }
    }
    // The full names a short form is clipped from (Sveta → Svetlana, Mide → Olumide).
    for (const id of clipTargets(index, form)) set(id, CLIP_SIMILARITY);
    // The short forms of a table name the query form spells otherwise (Aleksandr → Alex).
    for (const c of tableNamesSpelledLike(form))
      for (const m of nameVariants(c) ?? []) {
        const id = v.ids.get(m);
        if (id !== undefined) set(id, SPELLED_NICKNAME_SCORE);
      }
  }
  // Plain arrays: two typed arrays per cached lookup would cost more in headers than data.
  const result: Lookup = { ids: [...out.keys()], sims: [...out.values()] };
  cache.set(form, result);
  return result;
}

const NO_LOOKUP: Lookup = { ids: [], sims: [] };

/** The vocabulary token written exactly as `form`, if any. */
function exactForm(index: CandidateIndex, form: string): Lookup {
  const id = index.vocab.ids.get(form);
  return id === undefined ? NO_LOOKUP : { ids: [id], sims: [1] };
}

/** What a query token reached: whether a vocabulary token (by id) is among it. */
export interface Reach {
  has(id: number): boolean;
}

/**
 * What the tokens of one query reached, as bits per vocabulary token: a Set per query token
 * cost a distinct-name batch a tenth of the bytes it allocated and hashed every id twice. A
 * query takes up to 32 marks (one per content token and joined pair of each of its names; more
 * fall back to sets); {@link ReachMarks.begin} starts the next query, after which the marks of
 * the last one must not be read (they throw).
 */
export class ReachMarks {
  /**
   * Per vocabulary token, side by side: the query that last marked it (its bits are stale
   * otherwise), and its bits. One array, so a mark or a look reaches one cache line, not two
   * (a query marks ~130 tokens scattered over the vocabulary; the aligner reads them again).
   */
  readonly slots: Int32Array;
  /** The current query's number. */
  generation = 0;
  private used = 0;

  constructor(vocabularySize: number) {
    this.slots = new Int32Array(2 * vocabularySize);
  }

  /** Starts a query. */
  begin(): void {
    this.used = 0;
    if (++this.generation === 0x7fffffff) {
      this.slots.fill(0);
      this.generation = 1;
    }
  }

  /** A new mark of the current query, or undefined when it has taken all 32. */
  take(): Mark | undefined {
    if (this.used === 32) return undefined;
    return new Mark(this, 1 << this.used++, this.generation);
  }
}

/**
 * One mark of {@link ReachMarks}: an object with its methods on the prototype, not a pair of
 * closures, since the aligner asks `has` for every list token of every candidate name.
 */
class Mark implements Reach {
  constructor(
    private readonly marks: ReachMarks,
    private readonly mask: number,
    private readonly generation: number,
  ) {}

  add(id: number): void {
    const slots = this.marks.slots;
    const at = 2 * id;
    if (slots[at] === this.generation) slots[at + 1]! |= this.mask;
    else {
      slots[at] = this.generation;
      slots[at + 1] = this.mask;
    }
  }

  has(id: number): boolean {
    const marks = this.marks;
    if (marks.generation !== this.generation)
      throw new Error('reach of an earlier query read after the next one began');
    const at = 2 * id;
    return marks.slots[at] === this.generation && (marks.slots[at + 1]! & this.mask) !== 0;
  }
}

/** Options of {@link retrieve}. */
export interface RetrieveOptions {
  /** Names to return at most. */
  limit: number;
  /** Keeps only names whose entity passes this test. */
  accept?: (entity: number) => boolean;
  /**
   * Keeps only the names marked 1 (per name, so the test reads one byte where `accept` would
   * reach each touched name's record: that cost a query a quarter of its time).
   */
  keep?: Uint8Array;
  /**
   * Postings restricted to the names `accept` can keep (see {@link restrictPostings}): walked
   * instead of the vocabulary's, when the names kept are few (a vessel query's).
   */
  postings?: Postings;
  /** Marks to record what each token reached in (see {@link ReachMarks}); sets otherwise. */
  marks?: ReachMarks;
}

/** Packed postings: the names holding token `id` are `data[start[id] .. start[id + 1])`. */
export interface Postings {
  start: Int32Array;
  data: Int32Array;
}

/** The index's postings with only the names `keep` holds, token ids unchanged. */
export function restrictPostings(index: CandidateIndex, keep: (name: number) => boolean): Postings {
  const { postingStart, postingData } = index.vocab;
  const start = new Int32Array(postingStart.length);
  const kept: number[] = [];
  for (let id = 0; id + 1 < postingStart.length; id++) {
    start[id] = kept.length;
    for (let k = postingStart[id]!; k < postingStart[id + 1]!; k++)
      if (keep(postingData[k]!)) kept.push(postingData[k]!);
  }
  start[postingStart.length - 1] = kept.length;
  return { start, data: Int32Array.from(kept) };
}

/** Ids of the names that best cover the query tokens, best first. */
export function retrieve(
  index: CandidateIndex,
  tokens: NameToken[],
  options: RetrieveOptions,
): Retrieval {
  const scratch = scratchFor(index);
  const postings = options.postings ?? {
    start: index.vocab.postingStart,
    data: index.vocab.postingData,
  };
  const { acc, touched } = scratch;
  let count = 0;
  const reach: (Reach | undefined)[] = tokens.map(() => undefined);
  const reachJoined: (Reach | undefined)[] = tokens.slice(1).map(() => undefined);
  type Into = Reach & { add(id: number): void };
  const lookups: { form: string; slot: number; into: Into; joined?: boolean }[] = [];
  const newReach = (): Into => options.marks?.take() ?? new Set<number>();
  tokens.forEach((t, i) => {
    if (!isContentToken(t)) return;
    const into = (reach[i] = newReach());
    for (const form of t.forms) lookups.push({ form, slot: i, into });
  });
  // Adjacent query tokens joined find a list token written as one word ("Jong Un" → "Jongun").
  // Only as written: typo, sound and skeleton keys of a joined pair cost a third of a query's time
  // (a pair is rarely seen twice, so no cache helps) and found nothing more in `npm run eval`;
  // the scorer still compares joined pairs with every candidate's tokens.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isContentToken(tokens[i]!) || !isContentToken(tokens[i + 1]!)) continue;
    const into = (reachJoined[i] = newReach());
    lookups.push({
      form: tokens[i]!.text + tokens[i + 1]!.text,
      slot: tokens.length + i,
      into,
      joined: true,
    });
  }
  // Each query token counts once per name, with its best-matching form: `stamp` marks which token
  // last touched a name and `best` what it gave, so a second form of the same token only tops up.
  for (const { form, slot, into, joined } of lookups) {
    const { ids, sims } = joined ? exactForm(index, form) : lookupForm(index, form);
    for (let x = 0; x < ids.length; x++) {
      const id = ids[x]!;
      into.add(id);
      const gain = index.idf[id]! * sims[x]!;
      const data = postings.data;
      const end = postings.start[id + 1]!;
      const mark = slot + 1;
      for (let k = postings.start[id]!; k < end; k++) {
        const name = data[k]!;
        const at = name * STRIDE;
        if (acc[at] !== mark) {
          if (acc[at] === 0) touched[count++] = name;
          acc[at] = mark;
          acc[at + 1] = gain;
          acc[at + 2]! += gain;
        } else if (gain > acc[at + 1]!) {
          acc[at + 2]! += gain - acc[at + 1]!;
          acc[at + 1] = gain;
        }
      }
    }
  }
  // One pass over the names touched: rank each kept one, offer it to the best so far, and clear
  // its row (three passes, the ranking, a top-k over its ranks and the reset, each reread the rows;
  // together with the array splices of the insertion that was a third of this function's time).
  const { accept, keep } = options;
  const nameEntity = index.nameEntity;
  const best = scratch.best.reset(options.limit);
  for (let i = 0; i < count; i++) {
    const n = touched[i]!;
    const at = n * STRIDE;
    if ((!keep || keep[n] === 1) && (!accept || accept(nameEntity[n]!))) {
      // Rank as the scorer will: what the query covers, less part of what it leaves uncovered,
      // so "FAIZ" ranks the list name "FAIZ" above the dozens of longer names containing it.
      const covered = acc[at + 2]!;
      best.offer(n, Math.fround(covered - UNCOVERED_PENALTY * Math.max(0, acc[at + 3]! - covered)));
    }
    acc[at] = 0;
    acc[at + 1] = 0;
    acc[at + 2] = 0;
  }
  // Names far behind the best cover too little of the query to come near a match; scoring them
  // is most of a query's cost.
  const names = best.names(RELATIVE_CUTOFF);
  return { names, reach, reachJoined };
}

/**
 * What retrieval found: the candidate names, and for each query token (and each pair of adjacent
 * tokens joined) the vocabulary tokens its lookups reached. A list token outside that set shares
 * no form, sound, skeleton or one-typo key with the query token, so the scorer need not compare
 * them: they would not pair.
 */
export interface Retrieval {
  names: number[];
  /** Per query token; undefined for titles, particles and legal forms (not looked up). */
  reach: (Reach | undefined)[];
  /** Per pair of adjacent query tokens (i, i+1), joined. */
  reachJoined: (Reach | undefined)[];
}

/**
 * The `k` ids with the highest scores, best first (ties in the order offered). A common token
 * touches thousands of names; sorting them all to keep a few dozen is the slow part of a query,
 * so a bounded insertion list keeps only the best seen so far. The score of `id` is
 * `score[id * stride + offset]` (retrieval keeps its ranks inside its scratch rows); only the
 * first `count` ids are read.
 */
export function topK(
  ids: ArrayLike<number>,
  score: Float32Array,
  k: number,
  stride = 1,
  offset = 0,
  count = ids.length,
): number[] {
  const best = new Best().reset(k);
  for (let x = 0; x < count; x++) best.offer(ids[x]!, score[ids[x]! * stride + offset]!);
  return best.names();
}

/**
 * A bounded insertion list of the best ids by score, ties in the order offered (stable), kept in
 * two preallocated arrays shifted by hand: `Array.prototype.splice` on every insertion was a
 * sixth of retrieval's time on distinct names.
 */
class Best {
  private ids = new Int32Array(16);
  private scores = new Float64Array(16);
  private size = 0;
  private k = 0;

  /** Empties the list, to keep `k` ids. */
  reset(k: number): this {
    if (this.ids.length < k + 1) {
      this.ids = new Int32Array(k + 1);
      this.scores = new Float64Array(k + 1);
    }
    this.size = 0;
    this.k = k;
    return this;
  }

  /** Offers `id` with `score`: kept if among the `k` best so far (after those scoring as much). */
  offer(id: number, score: number): void {
    const { ids, scores, k } = this;
    let i = this.size;
    if (i >= k && (k === 0 || score <= scores[k - 1]!)) return;
    while (i > 0 && scores[i - 1]! < score) {
      ids[i] = ids[i - 1]!;
      scores[i] = scores[i - 1]!;
      i--;
    }
    ids[i] = id;
    scores[i] = score;
    if (this.size < k) this.size++;
  }

  /**
   * The ids kept, best first; with `share`, without those scoring below that share of the best
   * (when the best is positive).
   */
  names(share?: number): number[] {
    const out: number[] = [];
    const top = this.size ? this.scores[0]! : 0;
    for (let i = 0; i < this.size; i++) {
      if (share !== undefined && top > 0 && this.scores[i]! < share * top) continue;
      out.push(this.ids[i]!);
    }
    return out;
  }
}

function scratchFor(index: CandidateIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.nameCount;
    const acc = new Float32Array(n * STRIDE);
    for (let i = 0; i < n; i++) acc[i * STRIDE + 3] = index.nameWeight[i]!;
    s = { acc, touched: new Int32Array(n), best: new Best() };
    scratchByIndex.set(index, s);
  }
  return s;
}
