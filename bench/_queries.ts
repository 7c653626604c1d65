/**
 * @module
 * The fixed query set of the screening benchmark, built as the eval harness (eval/index.ts) builds
 * its own: the rows of un-positives.csv with their target entities, their generated variants (same
 * seed, same order, so the same variants), and the rows of negatives-dev.csv (odd rows held out,
 * even rows for tuning). Plus the seeded subsets the slow baselines can afford.
 */
import type { EvalEngine as Engine } from '../eval/_engine.ts';
import { evalPath, readCsvObjects, type PersonRow } from '../eval/data.ts';
import { nameKey, targetsByName } from '../eval/targets.ts';
import { seededRandom, variantsOf, type VariantKind } from '../eval/variants.ts';

/** The eval harness's seed for variants (the second day of the Hanoi summit). */
export const VARIANT_SEED = 20190228;

/** What a query is: a listed name as written, a generated variant of one, or a non-listed person. */
export type QueryKind = 'positive' | VariantKind | 'negative';

/** One benchmark query. Positives and variants carry the entity ids that count as finding them. */
export interface BenchQuery {
  kind: QueryKind;
  name: string;
  birthDate: string;
  nationality: string;
  gender: string;
  targets: string[];
}

/** The whole query set. */
export interface QuerySet {
  positives: BenchQuery[];
  variants: BenchQuery[];
  /** Odd data rows of negatives-dev.csv: held out, the false-positive rate is measured on them. */
  negatives: BenchQuery[];
  /** Even data rows: for choosing the baselines' cuts (as the eval harness chooses thresholds). */
  tuning: BenchQuery[];
  /** Positive rows whose name resolves to no listed person (they count as misses, as in eval). */
  unresolved: number;
}

/** Reads the labelled sets and resolves every positive's targets in the loaded lists. */
export function buildQuerySet(engine: Engine, dataDir: string): QuerySet {
  const targets = targetsByName(engine);
  let unresolved = 0;
  const positives = readCsvObjects<PersonRow>(evalPath(dataDir, 'un-positives.csv')).map(
    (r): BenchQuery => {
      const t = [...(targets.get(nameKey(r.full_name)) ?? [])];
      if (!t.length) unresolved++;
      return {
        kind: 'positive',
        name: r.full_name,
        birthDate: r.date_of_birth,
        nationality: r.nationality,
        gender: '',
        targets: t,
      };
    },
  );
  // Exactly eval/index.ts's variantCases: one generator, the positives in file order.
  const rand = seededRandom(VARIANT_SEED);
  const variants = positives.flatMap((c) =>
    variantsOf(c.name, rand).map((v): BenchQuery => ({ ...c, kind: v.kind, name: v.name })),
  );
  const rows = readCsvObjects<PersonRow>(evalPath(dataDir, 'negatives-dev.csv'));
  const negative = (r: PersonRow): BenchQuery => ({
    kind: 'negative',
    name: r.full_name,
    birthDate: r.date_of_birth,
    nationality: r.nationality,
    // eval passes the gender of a negative only when it is one the engine knows.
    gender: ['male', 'female'].includes(r.gender) ? r.gender : '',
    targets: [],
  });
  // Data rows are numbered from 1: odd rows are held out, even rows tune.
  const negatives = rows.filter((_r, i) => (i + 1) % 2 === 1).map(negative);
  const tuning = rows.filter((_r, i) => (i + 1) % 2 === 0).map(negative);
  return { positives, variants, negatives, tuning, unresolved };
}

/** `n` items drawn without replacement with a seeded shuffle, kept in their original order. */
export function sample<T>(items: T[], n: number, seed: number): T[] {
  const rand = seededRandom(seed);
  const idx = items.map((_x, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, Math.min(n, idx.length))
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
