/**
 * @module
 * Serialising one screened row for the output file: a JSON line with the single-screen response,
 * or a CSV summary row. Done where the screening happens (in the worker processes), so the parent
 * only concatenates text.
 */
import type { ScreenResponse } from '../../core/index.ts';
import type { BatchRow, OutputFormat, RowError, RowOutcome } from './types.ts';

/** Columns of the CSV output, in order. */
export const CSV_COLUMNS = [
  'row',
  'id',
  'name',
  'match',
  'top_score',
  'top_id',
  'top_name',
  'top_programs',
  'top_datasets',
  'results_count',
  'error',
  'warnings',
] as const;

/** Separator of several values in one CSV cell (programs, datasets). */
const LIST_SEPARATOR = ';';
/** Separator of a row's warnings in the CSV `warnings` cell (warnings are sentences). */
const WARNING_SEPARATOR = ' | ';

/**
 * Bidi controls (embeddings, overrides, isolates): removed from CSV cells, where a spreadsheet
 * would show a reversed name ("\u202enU gnoJ miK" displays as "Kim Jong Un") and carry the
 * trick into the analyst's next tool. JSON output keeps the input as given.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/**
 * A text cell starting with one of these, before or after its leading blanks, is a formula to a
 * spreadsheet (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;

/**
 * One CSV field, quoted when it must be (RFC 4180: separators, quotes, line breaks). Text cells
 * (input names and ids, listed names, messages) that a spreadsheet would run as a formula get a
 * leading `'`, as OWASP recommends; numbers and booleans are written as they are (scores and
 * counts are never negative, so no number is mistaken for a formula or altered).
 */
export function csvField(value: string | number | boolean | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (typeof value === 'string') {
    s = s.replace(BIDI_CONTROLS, '');
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, newline-terminated. */
export function csvLine(values: (string | number | boolean | undefined)[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** The header line of the CSV output. */
export function csvHeader(): string {
  return csvLine([...CSV_COLUMNS]);
}

/** The output of a row that was screened. */
export function screenedOutcome(
  row: BatchRow,
  response: ScreenResponse & { warnings?: string[] },
  format: OutputFormat,
): RowOutcome {
  const matched = response.results.some((r) => r.match);
  const warned = response.warnings?.length ? { warnings: response.warnings.length } : {};
  if (format === 'jsonl') {
    // The single-screen response with `row` (and `id`) in front; `input` is the row as given,
    // which for a JSON line keeps fields (such as `id`) that the query itself does not carry.
    const line = { row: row.row, ...idOf(row), ...response, input: row.input };
    return { row: row.row, ...idOf(row), text: JSON.stringify(line) + '\n', matched, ...warned };
  }
  const top = response.results[0];
  const text = csvLine([
    row.row,
    row.id,
    row.name,
    matched,
    top?.score,
    top?.id,
    top?.matched_name,
    top?.programs.join(LIST_SEPARATOR),
    top?.datasets.join(LIST_SEPARATOR),
    response.results.length,
    undefined,
    response.warnings?.join(WARNING_SEPARATOR),
  ]);
  return { row: row.row, ...idOf(row), text, matched, ...warned };
}

/**
 * The output of a row that could not be screened. In CSV, `match` and `results_count` stay empty:
 * the row was not screened, which is not the same as "no match".
 */
export function failedOutcome(row: BatchRow, error: RowError, format: OutputFormat): RowOutcome {
  const text =
    format === 'jsonl'
      ? JSON.stringify({
          row: row.row,
          ...idOf(row),
          input: row.input,
          error,
          ...(row.warnings?.length && { warnings: row.warnings }),
        }) + '\n'
      : csvLine([
          row.row,
          row.id,
          row.name,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          error.message,
          row.warnings?.join(WARNING_SEPARATOR),
        ]);
  return { row: row.row, ...idOf(row), text, matched: false, error };
}

function idOf(row: BatchRow): { id?: string } {
  return row.id === undefined ? {} : { id: row.id };
}
