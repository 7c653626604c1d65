/**
 * @module
 * The batches of the screening benchmark's throughput table besides the cycled one (names of the
 * query set repeated, so every cache is warm): distinct rows recombined from negatives-dev.csv
 * (eval/distinct.ts), and the real rows of un-positives.csv and negatives-dev.csv. Both carry a
 * date of birth and a country; a country the engine's table does not know is left out (as the
 * eval harness screens such a row without it) and counted. Generated at run time from the data
 * folder, never written to the repository; the CSV goes to the benchmark's temporary folder.
 */
import { writeFileSync } from 'node:fs';
import { countryCode } from '../src/normalize/index.ts';
import { evalPath, readCsvObjects, type PersonRow } from '../eval/data.ts';
import { distinctRows, type NegativeRow } from '../eval/distinct.ts';

/** One row of a benchmark batch. */
export interface BatchInputRow {
  name: string;
  dob: string;
  country: string;
}

/** A batch and what went into it. */
export interface BatchInput {
  rows: BatchInputRow[];
  /** Countries the engine does not know, left out of their rows. */
  countriesDropped: number;
}

const withCountries = (rows: { name: string; dob: string; country: string }[]): BatchInput => {
  let countriesDropped = 0;
  const out = rows.map((r) => {
    const code = countryCode(r.country);
    if (r.country && !code) countriesDropped++;
    return { name: r.name, dob: r.dob, country: code ?? '' };
  });
  return { rows: out, countriesDropped };
};

/**
 * `n` distinct rows recombined from negatives-dev.csv (scripts in their proportions), none
 * carrying a name of un-positives.csv or negatives-dev.csv. Throws if they are not all distinct.
 */
export function distinctBatch(dataDir: string, n: number, seed: number): BatchInput {
  const negatives = readCsvObjects<NegativeRow>(evalPath(dataDir, 'negatives-dev.csv'));
  const positives = readCsvObjects<PersonRow>(evalPath(dataDir, 'un-positives.csv'));
  const labelled = new Set([...negatives, ...positives].map((r) => r.full_name));
  const rows = distinctRows(negatives, n, seed, labelled);
  const names = new Set(rows.map((r) => r.name));
  if (names.size !== n) throw new Error(`distinct batch: ${names.size} distinct names of ${n}`);
  return withCountries(rows);
}

/** The rows of un-positives.csv then negatives-dev.csv, as they are (20,683 in the data set). */
export function realBatch(dataDir: string): BatchInput {
  const rows = ['un-positives.csv', 'negatives-dev.csv'].flatMap((f) =>
    readCsvObjects<PersonRow>(evalPath(dataDir, f)).map((r) => ({
      name: r.full_name,
      dob: r.date_of_birth,
      country: r.nationality,
    })),
  );
  return withCountries(rows);
}

/** One CSV field (RFC 4180). */
const csv = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes a batch as the CSV `embargo screen --file` reads (id, name, dob, country, schema
 * Person), the date and country columns only when `details`.
 */
export function writeBatchCsv(path: string, rows: BatchInputRow[], details: boolean): void {
  const lines = [details ? 'id,name,dob,country,schema' : 'id,name,schema'];
  rows.forEach((r, i) =>
    lines.push(
      details
        ? `${i + 1},${csv(r.name)},${csv(r.dob)},${csv(r.country)},Person`
        : `${i + 1},${csv(r.name)},Person`,
    ),
  );
  writeFileSync(path, lines.join('\n') + '\n');
}
