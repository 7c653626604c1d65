/**
 * @module
 * Aligning the tokens of a query name with those of a list name, order-free: every pair is
 * scored, joined neighbours are tried ("Jong Un" ~ "Jongun"), and the best pairs are taken
 * greedily. The name score weighs each token by its rarity, so matching "Kim" counts for less
 * than matching "Jong Un".
 */
import type { NameToken } from '../../normalize/index.ts';
import type { TokenExplanation } from '../../core/index.ts';
import { joinedSimilarity, tokenSimilarity, type TokenMatch } from './tokens.ts';

/** Pairs below this similarity are not aligned. */
const MIN_PAIR = 0.7;
/**
 * Share of its weight an unmatched list token counts against the score. Lists add middle names,
 * patronymics and tribal names a customer record often lacks ("PUTIN, Vladimir Vladimirovich"),
 * so a missing list token costs less than a query token the list does not have.
 */
export const UNMATCHED_LIST_WEIGHT = 0.35;
/** Factor for a multi-token list name of which a single token matched (OFAC FAQ 5: one name part is not a match). */
export const SINGLE_PART_FACTOR = 0.6;

/** Weight of each token (rarity × kind). */
export type Weigh = (t: NameToken) => number;

interface Pair {
  q: number[];
  l: number[];
  m: TokenMatch;
}

/** Result of aligning two names. */
export interface Alignment {
  /** 0..1 similarity of the names. */
  score: number;
  tokens: TokenExplanation[];
}

/** Aligns query tokens `q` with list tokens `l` and scores the names. */
export function alignNames(q: NameToken[], l: NameToken[], weigh: Weigh): Alignment {
  const pairs = candidatePairs(q, l);
  pairs.sort(
    (a, b) => b.m.score - a.m.score || b.q.length + b.l.length - (a.q.length + a.l.length),
  );
  const usedQ = new Uint8Array(q.length);
  const usedL = new Uint8Array(l.length);
  const wq = q.map(weigh);
  const wl = l.map(weigh);
  let matched = 0;
  const tokens: TokenExplanation[] = [];
  let matchedContent = 0;
  for (const p of pairs) {
    if (p.q.some((i) => usedQ[i]) || p.l.some((j) => usedL[j])) continue;
    for (const i of p.q) usedQ[i] = 1;
    for (const j of p.l) usedL[j] = 1;
    const w = sum(p.q.map((i) => wq[i]!)) + sum(p.l.map((j) => wl[j]!));
    matched += p.m.score * w;
    if (p.q.some((i) => q[i]!.kind === 'word' || q[i]!.kind === 'number')) matchedContent++;
    tokens.push({
      query: p.q.map((i) => q[i]!.text).join(' '),
      list: p.l.map((j) => l[j]!.text).join(' '),
      method: p.m.method,
      score: round(p.m.score),
    });
  }
  let total = 0;
  q.forEach((t, i) => {
    total += wq[i]!;
    if (!usedQ[i]) tokens.push({ query: t.text, list: '', method: 'none', score: 0 });
  });
  l.forEach((_t, j) => (total += usedL[j] ? wl[j]! : UNMATCHED_LIST_WEIGHT * wl[j]!));
  let score = total > 0 ? matched / total : 0;
  const listContent = l.filter((t) => t.kind === 'word' || t.kind === 'number').length;
  if (matchedContent === 1 && listContent >= 2) score *= SINGLE_PART_FACTOR;
  return { score: Math.min(1, score), tokens };
}

function candidatePairs(q: NameToken[], l: NameToken[]): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < l.length; j++) {
      const m = tokenSimilarity(q[i]!, l[j]!);
      if (m.score >= MIN_PAIR) pairs.push({ q: [i], l: [j], m });
    }
  }
  for (let i = 0; i + 1 < q.length; i++) {
    const joined = q[i]!.text + q[i + 1]!.text;
    for (let j = 0; j < l.length; j++) {
      const m = joinedSimilarity(joined, l[j]!);
      if (m.score >= MIN_PAIR) pairs.push({ q: [i, i + 1], l: [j], m });
    }
  }
  for (let j = 0; j + 1 < l.length; j++) {
    const joined = l[j]!.text + l[j + 1]!.text;
    for (let i = 0; i < q.length; i++) {
      const m = joinedSimilarity(joined, q[i]!);
      if (m.score >= MIN_PAIR)
        pairs.push({ q: [i], l: [j, j + 1], m: { ...m, query: m.list, list: joined } });
    }
  }
  return pairs;
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
