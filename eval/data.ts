/**
 * @module
 * Reading the labelled evaluation sets of EMBARGO_DATA_DIR/eval (written outside this project).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Path of a file in the eval folder. */
export function evalPath(dataDir: string, file: string): string {
  return join(dataDir, 'eval', file);
}

/** A person record of un-positives.csv or negatives-dev.csv. */
export interface PersonRow {
  full_name: string;
  gender: string;
  date_of_birth: string;
  nationality: string;
}

/** Rows of a CSV file with a header, as objects. */
export function readCsvObjects<T>(path: string, comment = false): T[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    ...(comment && { comment: '#' }),
  }) as T[];
}

/** Rows of cross-script-pairs.csv: `#` lines are comments, and the file has no header line. */
export function readCrossScriptPairs(
  path: string,
): { query: string; expected: string; description: string }[] {
  const rows = parse(readFileSync(path, 'utf8'), {
    comment: '#',
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  return rows.map((r) => ({
    query: r[0]!.trim(),
    expected: r[1]!.trim(),
    description: (r[3] ?? '').trim(),
  }));
}

/** Lines of putin-names.txt. */
export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
