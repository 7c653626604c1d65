/**
 * @module
 * Random choices of the pair generator: one seeded stream, so every run writes the same pairs.
 */
import { seededRandom } from '../variants.ts';

/** The seed of the pairs (the date the UN Security Council adopted resolution 2397). */
export const PAIRS_SEED = 20171222;

let rand = seededRandom(PAIRS_SEED);

/** Restarts the stream at the seed: each generation of the pairs starts from it. */
export function reseed(): void {
  rand = seededRandom(PAIRS_SEED);
}

/** One item of a list. */
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** True with probability `p`. */
export const chance = (p: number): boolean => rand() < p;

/** An integer from `lo` to `hi` inclusive. */
export const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** Levenshtein distance, case-insensitive: non-match replacements must differ by two or more. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** A different token of the pool, at least two edits from every token to avoid. */
export function farFrom(pool: readonly string[], avoid: string[]): string | null {
  for (let i = 0; i < 50; i++) {
    const t = pick(pool);
    if (avoid.every((a) => distance(a, t) >= 2 && !a.toLowerCase().includes(t.toLowerCase())))
      return t;
  }
  return null;
}
