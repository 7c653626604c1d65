/**
 * @module
 * The k most likely spellings of a word whose letters (or syllables) each have several Latin
 * renderings, most likely first. A word of ten letters with two choices each has a thousand
 * spellings; the matcher compares every spelling of a query token with every spelling of a list
 * token, so each script module keeps only the few whose choices are, summed, the most usual.
 */

/** Vectors explored before the search gives up (a long word with many choices per letter). */
const MAX_EXPLORED = 4000;

/** One explored choice of options: an index per position, with its cost (their sum). */
interface Choice {
  v: number[];
  cost: number;
}

/**
 * Spellings made of one option per position, in order of the sum of the chosen options' indexes
 * (0 = the usual rendering), at most `limit`, without repeats. Ties keep the earlier positions'
 * usual renderings.
 *
 * This runs on the first sight of every word of a table-read script (Thai, Hebrew, Khmer…), on
 * the query path: the cost of a vector is kept beside it rather than summed again at every
 * step, and a vector is known by one number (its index in mixed radix) rather than a joined
 * string wherever the number is exact.
 */
export function kBest(options: readonly (readonly string[])[], limit: number): string[] {
  const n = options.length;
  // The usual spelling alone (most callers' second and third spellings): no search.
  if (limit === 1) return [spell(options, new Array<number>(n).fill(0))];
  // Place values of the mixed-radix index; past 2^53 ids would collide, so strings are keys.
  const place = new Array<number>(n);
  let size = 1;
  for (let i = n - 1; i >= 0; i--) {
    place[i] = size;
    size *= Math.max(1, options[i]!.length);
  }
  const exact = size <= Number.MAX_SAFE_INTEGER;
  const start: Choice = { v: new Array<number>(n).fill(0), cost: 0 };
  // Explored vectors are few (limit × positions): an array in insertion order is frontier
  // enough, and the first of the cheapest is taken, so ties go to the earliest explored.
  const frontier: Choice[] = [start];
  const seen = new Set<number | string>([exact ? 0 : start.v.join(',')]);
  const out: string[] = [];
  while (frontier.length && out.length < limit) {
    let best = 0;
    for (let i = 1; i < frontier.length; i++) {
      if (frontier[i]!.cost < frontier[best]!.cost) best = i;
    }
    const { v, cost } = frontier.splice(best, 1)[0]!;
    const text = spell(options, v);
    if (!out.includes(text)) out.push(text);
    let id = 0;
    if (exact) for (let i = 0; i < n; i++) id += v[i]! * place[i]!;
    for (let i = n - 1; i >= 0; i--) {
      if (v[i]! + 1 >= options[i]!.length) continue;
      let key: number | string;
      if (exact) key = id + place[i]!;
      else {
        v[i]!++;
        key = v.join(',');
        v[i]!--;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      const next = v.slice();
      next[i]!++;
      frontier.push({ v: next, cost: cost + 1 });
    }
    if (seen.size > MAX_EXPLORED) break;
  }
  return out;
}

/** The spelling a vector of choices makes (a position without options adds nothing). */
function spell(options: readonly (readonly string[])[], v: readonly number[]): string {
  let text = '';
  for (let i = 0; i < v.length; i++) text += options[i]![v[i]!] ?? '';
  return text;
}
