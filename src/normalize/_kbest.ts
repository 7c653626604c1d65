/**
 * @module
 * The k most likely spellings of a word whose letters (or syllables) each have several Latin
 * renderings, most likely first. A word of ten letters with two choices each has a thousand
 * spellings; the matcher compares every spelling of a query token with every spelling of a list
 * token, so each script module keeps only the few whose choices are, summed, the most usual.
 */

/**
 * Spellings made of one option per position, in order of the sum of the chosen options' indexes
 * (0 = the usual rendering), at most `limit`, without repeats. Ties keep the earlier positions'
 * usual renderings.
 */
export function kBest(options: readonly (readonly string[])[], limit: number): string[] {
  const n = options.length;
  const start = new Array<number>(n).fill(0);
  const frontier: number[][] = [start];
  const seen = new Set<string>([start.join(',')]);
  const out: string[] = [];
  const cost = (v: number[]) => v.reduce((a, b) => a + b, 0);
  // Explored vectors are few (limit × positions): a sorted array is frontier enough.
  while (frontier.length && out.length < limit) {
    let best = 0;
    for (let i = 1; i < frontier.length; i++) {
      if (cost(frontier[i]!) < cost(frontier[best]!)) best = i;
    }
    const v = frontier.splice(best, 1)[0]!;
    const text = v.map((k, i) => options[i]![k]).join('');
    if (!out.includes(text)) out.push(text);
    for (let i = n - 1; i >= 0; i--) {
      if (v[i]! + 1 >= options[i]!.length) continue;
      const next = v.slice();
      next[i]!++;
      const key = next.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        frontier.push(next);
      }
    }
    if (seen.size > 4000) break;
  }
  return out;
}
