/**
 * @module
 * Edit distance. The distance itself comes from fastest-levenshtein (Myers' bit-parallel
 * algorithm, allocation-light and the fastest on npm for short strings); this file only adds the
 * normalised similarity the scorers use.
 */
import { distance } from 'fastest-levenshtein';

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
export function levenshtein(a: string, b: string): number {
  return distance(a, b);
}

/** `1 − distance / max(|a|, |b|)`, 0..1; two empty strings are identical (1). */
export function levenshteinSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
