/**
 * @module
 * Shapes shared by batch screening's reader, screeners, worker processes and writer. Everything
 * that crosses the process boundary is plain data (structured-clone safe).
 */
import type { ScreenOptions, ScreeningQuery } from '../../core/index.ts';

/** Input formats: CSV with a header row, or JSON lines of FtM-style query entities. */
export type InputFormat = 'csv' | 'jsonl';

/** Output formats: one JSON document per line, or a CSV summary row per input row. */
export type OutputFormat = 'jsonl' | 'csv';

/** Column names of a CSV input. Only `name` is required. */
export interface Columns {
  name: string;
  dob?: string;
  country?: string;
  schema?: string;
  id?: string;
}

/** Why one row could not be screened. `code` is an {@link ERROR_CODES} value. */
export interface RowError {
  code: string;
  message: string;
}

/**
 * One input row on its way to screening: either a query, or the error found while reading it
 * (the row still produces an output line, so output rows stay aligned with input rows).
 */
export interface BatchRow {
  /** 1-based record number, not counting the CSV header or blank lines. */
  row: number;
  id?: string;
  /** The (first) name, for the CSV output's `name` column even when the row is bad. */
  name?: string;
  /** The row as given: the JSON entity, or the query built from the CSV fields. */
  input: unknown;
  query?: ScreeningQuery;
  /** Options for this row instead of the batch's (a trade book asks with two sets). */
  options?: ScreenOptions;
  error?: RowError;
  /** What was odd about the row as read (bytes that were not UTF-8…), reported in its output. */
  warnings?: string[];
}

/** What the parent needs to know of one screened row, besides its output. */
export interface RowResult {
  row: number;
  id?: string;
  matched: boolean;
  error?: RowError;
  /** How many warnings the row's output carries (values dropped or changed, odd bytes). */
  warnings?: number;
}

/** One screened row, serialised for the output file. */
export interface RowOutcome extends RowResult {
  /** The output line, newline-terminated. */
  text: string;
}

/**
 * A screened chunk: its rows' output as UTF-8 bytes, ready to write, and what the parent counts.
 * Bytes rather than strings because they cross the process boundary as one copy and go to the
 * file as they are, so the parent, which every worker waits on, does no encoding at all.
 */
export interface ChunkResult {
  rows: RowResult[];
  bytes: Uint8Array;
}

/** Counters of a finished (or running) batch. */
export interface BatchProgress {
  rows: number;
  matched: number;
  failed: number;
  /** Rows screened with warnings (a value dropped or changed): screened, yet worth a look. */
  warned: number;
  /** How far (in bytes) the rows written reach into the input, and its size: for the ETA. */
  bytesRead: number;
  totalBytes: number;
  /** Seconds since the batch started. */
  seconds: number;
}

/** What a finished batch reports. */
export interface BatchSummary extends BatchProgress {
  /** Worker processes used (0: screened in-process). */
  workers: number;
  /** Peak resident set size of the screening process(es): the largest worker's, or this one's. */
  peakRss: number;
}
