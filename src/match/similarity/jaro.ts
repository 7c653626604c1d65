/**
 * @module
 * Jaro and Jaro-Winkler similarity, written by hand rather than taken from a package: they run in
 * the innermost scoring loop (every query token against every list token of every candidate), so
 * they work on char codes, allocate nothing per call and reuse two module-level match-flag
 * buffers that grow only when a longer string comes along.
 */

/** Match flags for the first and second string; grown on demand, never shrunk. */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Makes sure both flag buffers can hold `n` entries. */
function ensureFlags(n: number): void {
  if (flagsA.length >= n) return;
  let size = flagsA.length;
  while (size < n) size *= 2;
  flagsA = new Uint8Array(size);
  flagsB = new Uint8Array(size);
}

/**
 * Jaro similarity of two strings, 0..1 (Jaro 1989): characters match when equal and no further
 * apart than ⌊max(|a|,|b|)/2⌋−1; the score averages the share of matched characters in each string
 * and the share of matches that are in order. Case-sensitive: normalise first.
 */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  if (a === b) return 1;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  ensureFlags(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(i + window + 1, lb);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Walk the matched characters of both strings in order; each disagreement is half a transposition.
  let half = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) half++;
    j++;
  }
  const m = matches;
  return (m / la + m / lb + (m - (half >> 1)) / m) / 3;
}

/** Options of {@link jaroWinkler}. */
export interface JaroWinklerOptions {
  /** Weight of each shared leading character (Winkler's p); default 0.1. Keep `prefixScale × maxPrefix` ≤ 1. */
  prefixScale?: number;
  /** Longest shared prefix that counts; default 4. */
  maxPrefix?: number;
  /**
   * Jaro score below which no prefix bonus is given (Winkler's original gate); default 0.7. `null`
   * gives the bonus always, as SimMetrics (and with it OFAC's tool) does.
   */
  boostThreshold?: number | null;
}

/**
 * Jaro-Winkler similarity, 0..1: Jaro plus a bonus for a shared prefix,
 * `j + ℓ·p·(1 − j)` with ℓ the shared prefix length capped at `maxPrefix`.
 */
export function jaroWinkler(a: string, b: string, options?: JaroWinklerOptions): number {
  const j = jaro(a, b);
  const threshold = options?.boostThreshold === undefined ? 0.7 : options.boostThreshold;
  if (j === 1 || j === 0 || (threshold !== null && j < threshold)) return j;
  const p = options?.prefixScale ?? 0.1;
  const limit = Math.min(options?.maxPrefix ?? 4, a.length, b.length);
  let l = 0;
  while (l < limit && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return j + l * p * (1 - j);
}
