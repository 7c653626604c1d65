/**
 * @module
 * A typing-error distance for name tokens: optimal string alignment (Damerau's restricted edit
 * distance, where swapping two neighbouring letters is one edit) with costs graded by how people
 * mistype names. A doubled or undoubled letter ("Cholll", "Mohamed"/"Mohammed") is the cheapest
 * slip, a dropped or added letter and a transposition ("Hea"/"Hae", "Cohl"/"Chol") come next,
 * as does a neighbouring key struck for the right one ("Sqm"/"Sam"), and a different letter
 * ("Kim"/"Kam") costs a full edit: that one changes the name.
 *
 * Written by hand: no npm package weighs a doubled letter or a neighbouring key apart from other
 * edits. It runs once per distinct pair of tokens compared (the scorer memoises pairs): 0.72 µs a
 * call on tokens of four to eight letters against fastest-levenshtein's 0.11 µs for the
 * unweighted distance, measured over two million calls under tsx on this machine (before the
 * neighbouring-key rule, one table lookup per substitution, was added); a query makes a few
 * dozen calls.
 */

/** Cost of each kind of edit. */
export const TYPO_COSTS = {
  /** A letter written twice, or once where the other spelling doubles it. */
  doubled: 0.5,
  /** A letter dropped or added (not next to the same letter). */
  indel: 0.8,
  /** Two neighbouring letters swapped. */
  transposition: 0.8,
  /** A letter written for its neighbour on the keyboard ("Sqm" for "Sam", "Chpl" for "Chol"). */
  neighbourKey: 0.8,
  /** One letter written for another. Just over 1, so that "at most 1" means no substitution. */
  substitution: 1.01,
} as const;

/**
 * Neighbouring keys on a QWERTY keyboard (the layout of the Latin-script documents screened),
 * as a bit mask per letter a–z: a finger slipping to the next key is the commonest substitution.
 */
const NEIGHBOURS: Uint32Array = (() => {
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const mask = new Uint32Array(26);
  const bit = (c: string) => 1 << (c.charCodeAt(0) - 97);
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      const near = [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r - 1]?.[i + 1]];
      near.push(rows[r + 1]?.[i], rows[r + 1]?.[i - 1]);
      for (const n of near) if (n) mask[row.charCodeAt(i) - 97]! |= bit(n);
    }
  });
  return mask;
})();

/** Whether two lower-case letters are neighbouring keys. */
export function neighbourKeys(a: number, b: number): boolean {
  const i = a - 97;
  const j = b - 97;
  return i >= 0 && i < 26 && j >= 0 && j < 26 && (NEIGHBOURS[i]! & (1 << j)) !== 0;
}

/** Rows of the dynamic programme and per-letter indel costs, reused (one call at a time, one thread). */
let size = 32;
let r0 = new Float64Array(size);
let r1 = new Float64Array(size);
let r2 = new Float64Array(size);
let costA = new Float64Array(size);
let costB = new Float64Array(size);

/** Cost of dropping or adding letter `i` of `s`: a doubling where it repeats a neighbour. */
function indelCosts(s: string, out: Float64Array): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    out[i] =
      (i > 0 && s.charCodeAt(i - 1) === c) || (i + 1 < n && s.charCodeAt(i + 1) === c)
        ? TYPO_COSTS.doubled
        : TYPO_COSTS.indel;
  }
}

/**
 * Weighted optimal-string-alignment distance between two lower-case tokens. 0 for equal strings;
 * a single transposition or dropped letter 0.8; a doubled letter 0.5; a substitution 1.01.
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (size <= Math.max(la, lb) + 1) {
    size = (Math.max(la, lb) + 1) * 2;
    r0 = new Float64Array(size);
    r1 = new Float64Array(size);
    r2 = new Float64Array(size);
    costA = new Float64Array(size);
    costB = new Float64Array(size);
  }
  indelCosts(a, costA);
  indelCosts(b, costB);
  let prev2 = r0;
  let prev = r1;
  let cur = r2;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1]! + costB[j - 1]!;
  for (let i = 1; i <= la; i++) {
    const del = costA[i - 1]!;
    cur[0] = prev[0]! + del;
    const ca = a.charCodeAt(i - 1);
    const pa = i > 1 ? a.charCodeAt(i - 2) : -1;
    let pb = -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let best =
        prev[j - 1]! +
        (ca === cb ? 0 : neighbourKeys(ca, cb) ? TYPO_COSTS.neighbourKey : TYPO_COSTS.substitution);
      const d = prev[j]! + del;
      if (d < best) best = d;
      const ins = cur[j - 1]! + costB[j - 1]!;
      if (ins < best) best = ins;
      if (ca === pb && pa === cb) {
        const t = prev2[j - 2]! + TYPO_COSTS.transposition;
        if (t < best) best = t;
      }
      cur[j] = best;
      pb = cb;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[lb]!;
}
