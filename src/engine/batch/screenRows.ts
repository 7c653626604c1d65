/**
 * @module
 * Screening one chunk of rows with an engine. The same function runs in-process and in every
 * worker process, so the output does not depend on how many workers there were.
 */
import {
  ERROR_CODES,
  type ScreeningQuery,
  type ScreenOptions,
  type ScreenResponse,
} from '../../core/index.ts';
import { lenientQuery } from '../lenient.ts';
import { failedOutcome, screenedOutcome } from './format.ts';
import type { BatchRow, ChunkResult, OutputFormat, RowOutcome } from './types.ts';

/**
 * Screens one query synchronously against the lists as last read: what
 * `Engine.prepareScreening()` gives, or `ScreeningService.screenNow` after its `refresh()`.
 */
export type ScreenNow = (
  query: ScreeningQuery,
  options: ScreenOptions,
) => ScreenResponse & { warnings?: string[] };

/**
 * Screens each row of a chunk. Qualifiers that cannot be read (a loose or impossible date, an
 * unknown country, gender or schema) are read leniently or dropped with a warning in the row's
 * output, and the name is screened; a query the engine still refuses (E_INVALID_QUERY: no usable
 * name) becomes that row's error. Any other failure (the store, a bug) is not about the row and
 * is thrown, ending the batch, so it is never hidden among bad rows. Synchronous: the caller
 * brings the lists up to date once for the chunk (see {@link ScreenNow}), not once per row, which
 * cost every row a store check and a few promises.
 */
export function screenRows(
  screen: ScreenNow,
  rows: BatchRow[],
  options: ScreenOptions,
  format: OutputFormat,
): ChunkResult {
  // A CSV line shows the top result's id, name and score only: no properties or token
  // explanations to build.
  const screenOptions: ScreenOptions = format === 'csv' ? { ...options, detail: 'brief' } : options;
  const outcomes: RowOutcome[] = [];
  for (const row of rows) outcomes.push(screenRow(screen, row, screenOptions, format));
  return pack(outcomes);
}

function screenRow(
  screen: ScreenNow,
  row: BatchRow,
  options: ScreenOptions,
  format: OutputFormat,
): RowOutcome {
  if (row.error || !row.query) {
    const error = row.error ?? { code: ERROR_CODES.INTERNAL, message: 'no query' };
    return failedOutcome(row, error, format);
  }
  try {
    const lenient = lenientQuery(row.query);
    const response = screen(lenient.query, row.options ?? options);
    const warnings = [...(row.warnings ?? []), ...lenient.warnings, ...(response.warnings ?? [])];
    // The response echoes the query as given, not as cleaned: the warnings say what was changed.
    const echoed = { ...response, input: row.query, ...(warnings.length && { warnings }) };
    return screenedOutcome(row, echoed, format);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code !== ERROR_CODES.INVALID_QUERY) throw err;
    return failedOutcome(row, { code, message: (err as Error).message }, format);
  }
}

/** Packs a chunk's outcomes into one buffer of output bytes (sized exactly, not pooled). */
export function pack(outcomes: RowOutcome[]): ChunkResult {
  let size = 0;
  for (const o of outcomes) size += Buffer.byteLength(o.text, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const o of outcomes) at += bytes.write(o.text, at, 'utf8');
  return { bytes, rows: outcomes.map(({ text: _text, ...result }) => result) };
}
