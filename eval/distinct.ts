/**
 * @module
 * Distinct person rows for throughput benchmarks: the name parts, dates of birth and countries of
 * negatives-dev.csv recombined within each script, so a batch screens names no cache has seen.
 * Scripts keep their proportions in the file (Latin, Han, Arabic, Hangul…, by the tokenizer's own
 * {@link detectScript}); each row takes its first name, middle name (when the row it follows has
 * one), surname, date of birth and country from rows of its script. Seeded: the same rows each
 * run. Generated at run time from the data folder, never committed.
 */
import { detectScript } from '../src/normalize/index.ts';
import type { PersonRow } from './data.ts';
import { seededRandom } from './variants.ts';

/** A row of negatives-dev.csv: a person with the parts of the name. */
export interface NegativeRow extends PersonRow {
  first_name: string;
  middle_name: string;
  last_name: string;
}

/** One generated row. */
export interface DistinctRow {
  name: string;
  dob: string;
  country: string;
  script: string;
}

/**
 * `n` rows whose names are all different from each other and from `exclude` (pass the names of
 * the labelled sets, so none repeats a row of the cycled batch). Each script gets its share of
 * `n` (largest remainders); a script whose parts cannot make its share of new names is an
 * error rather than a silently smaller or repetitive batch. The rows come out shuffled, scripts
 * mixed as in the file.
 */
export function distinctRows(
  rows: NegativeRow[],
  n: number,
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): DistinctRow[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const groups = new Map<string, NegativeRow[]>();
  for (const r of rows) {
    if (!r.first_name || !r.last_name) continue;
    const s = detectScript(r.full_name);
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s)!.push(r);
  }
  const total = [...groups.values()].reduce((a, g) => a + g.length, 0);
  if (!total) throw new Error('distinctRows: no row has both a first name and a surname');
  // Largest-remainder shares: they add up to n exactly.
  const scripts = [...groups.keys()].sort();
  const exact = scripts.map((s) => (n * groups.get(s)!.length) / total);
  const share = exact.map(Math.floor);
  const order = scripts
    .map((_s, i) => i)
    .sort((a, b) => exact[b]! - share[b]! - (exact[a]! - share[a]!) || a - b);
  for (let k = 0; k < n - share.reduce((a, b) => a + b, 0); k++) share[order[k]!]!++;

  const seen = new Set<string>();
  const out: DistinctRow[] = [];
  scripts.forEach((script, i) => {
    const group = groups.get(script)!;
    const middles = group.filter((r) => r.middle_name);
    let made = 0;
    for (let attempt = 0; made < share[i]! && attempt < 50 * share[i]! + 1000; attempt++) {
      const template = pick(group);
      const parts = [
        pick(group).first_name,
        template.middle_name && middles.length ? pick(middles).middle_name : '',
        pick(group).last_name,
      ];
      const name = parts.filter(Boolean).join(' ');
      if (seen.has(name) || exclude.has(name)) continue;
      seen.add(name);
      const other = pick(group);
      out.push({ name, dob: other.date_of_birth, country: pick(group).nationality, script });
      made++;
    }
    if (made < share[i]!)
      throw new Error(
        `distinctRows: the ${script} rows make only ${made} new names of the ${share[i]} wanted`,
      );
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
