/**
 * @module
 * Candidate retrieval: from query tokens to the list names most worth scoring. Each query token
 * finds list tokens by form, sound, skeleton or one typo; every name holding such a token gains
 * the token's rarity times its similarity. Common tokens (Kim, Mohammed, Trading) add little, so
 * they never pull a name in on their own when the query has anything rarer.
 */
import type { NameToken } from '../../normalize/index.ts';
import { jaroWinkler } from '../similarity/index.ts';
import type { CandidateIndex } from './build.ts';
import { isContentToken } from './build.ts';
import { cachedPhonetic, cachedSkeleton, deletes } from './keys.ts';

/** Share of a name's uncovered weight that lowers its rank (the scorer's unmatched-list weight). */
const UNCOVERED_PENALTY = 0.35;

/** Similarity below which a looked-up list token is not counted. */
const MIN_TOKEN_SIMILARITY = 0.8;

/** Scratch arrays reused across queries (one index, one thread). */
interface Scratch {
  score: Float32Array;
  stamp: Int32Array;
  best: Float32Array;
  touched: number[];
}
const scratchByIndex = new WeakMap<CandidateIndex, Scratch>();

/**
 * Vocabulary tokens reachable from a query form, with their similarity to it.
 */
export function lookupForm(index: CandidateIndex, form: string, out: Map<number, number>): void {
  const v = index.vocab;
  const consider = (id: number, floor: number) => {
    if ((out.get(id) ?? 0) >= 1) return;
    const sim = Math.max(floor, jaroWinkler(form, v.forms[id]!));
    if (sim >= MIN_TOKEN_SIMILARITY && sim > (out.get(id) ?? 0)) out.set(id, sim);
  };
  const exact = v.ids.get(form);
  if (exact !== undefined) out.set(exact, 1);
  if (form.length < 2) return;
  for (const k of cachedPhonetic(form)) v.byPhonetic.forEach(k, (id) => consider(id, 0.85));
  const s = cachedSkeleton(form);
  if (s.length >= 3) v.bySkeleton.forEach(s, (id) => consider(id, 0.85));
  v.byDelete.forEach(form, (id) => consider(id, 0));
  for (const d of deletes(form)) {
    const id = v.ids.get(d);
    if (id !== undefined) consider(id, 0);
    v.byDelete.forEach(d, (x) => consider(x, 0));
  }
}

/** Options of {@link retrieve}. */
export interface RetrieveOptions {
  /** Names to return at most. */
  limit: number;
  /** Keeps only names whose entity passes this test. */
  accept?: (entity: number) => boolean;
}

/** Ids of the names that best cover the query tokens, best first. */
export function retrieve(
  index: CandidateIndex,
  tokens: NameToken[],
  options: RetrieveOptions,
): number[] {
  const scratch = scratchFor(index);
  const { score, stamp, best, touched } = scratch;
  const content = tokens.filter(isContentToken);
  const lookups: { form: string; tokenIdx: number }[] = [];
  content.forEach((t, i) => t.forms.forEach((form) => lookups.push({ form, tokenIdx: i })));
  // Adjacent query tokens joined find a list token written as one word ("Jong Un" → "Jongun").
  for (let i = 0; i + 1 < content.length; i++)
    lookups.push({ form: content[i]!.text + content[i + 1]!.text, tokenIdx: content.length + i });
  // Each query token counts once per name, with its best-matching form: `stamp` marks which token
  // last touched a name and `best` what it gave, so a second form of the same token only tops up.
  const matches = new Map<number, number>();
  for (const { form, tokenIdx } of lookups) {
    matches.clear();
    lookupForm(index, form, matches);
    for (const [id, sim] of matches) {
      const gain = index.idf[id]! * sim;
      const posting = index.vocab.postings[id]!;
      for (let k = 0; k < posting.length; k++) {
        const name = posting[k]!;
        if (stamp[name] !== tokenIdx + 1) {
          if (stamp[name] === 0) touched.push(name);
          stamp[name] = tokenIdx + 1;
          best[name] = gain;
          score[name]! += gain;
        } else if (gain > best[name]!) {
          score[name]! += gain - best[name]!;
          best[name] = gain;
        }
      }
    }
  }
  const accepted = options.accept
    ? touched.filter((n) => options.accept!(index.names[n]!.entity))
    : touched.slice();
  // Rank as the scorer will: what the query covers, less part of what it leaves uncovered, so
  // "FAIZ" ranks the list name "FAIZ" above the dozens of longer names containing it.
  const weight = index.nameWeight;
  for (const n of accepted)
    score[n] = score[n]! - UNCOVERED_PENALTY * Math.max(0, weight[n]! - score[n]!);
  accepted.sort((a, b) => score[b]! - score[a]!);
  const out = accepted.slice(0, options.limit);
  for (const n of touched) {
    score[n] = 0;
    stamp[n] = 0;
    best[n] = 0;
  }
  touched.length = 0;
  return out;
}

function scratchFor(index: CandidateIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.names.length;
    s = {
      score: new Float32Array(n),
      stamp: new Int32Array(n),
      best: new Float32Array(n),
      touched: [],
    };
    scratchByIndex.set(index, s);
  }
  return s;
}
