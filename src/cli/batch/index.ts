/**
 * @module
 * `embargo screen --input FILE --output FILE`: the CLI face of {@link screenFile}.
 */
import { EmbargoError, ERROR_CODES, type ScreenOptions } from '../../core/index.ts';
import type { BatchSummary, Engine } from '../../engine/index.ts';
import { int, note } from '../output.ts';
import { batchReporter } from './progress.ts';
import { screenFile } from './screenFile.ts';

/** Options of a batch screening, as the `screen` command parses them. */
export interface BatchOptions {
  input: string;
  output: string;
  nameCol: string;
  dobCol?: string;
  countryCol?: string;
  schemaCol?: string;
  idCol?: string;
  /** Worker processes (default: one per core); commander gives it as a string. */
  workers?: string | number;
  json: boolean;
}

/** Most worker processes accepted; more is a typo, not a machine. */
const MAX_WORKERS = 1024;

/** Parses `--workers`. */
export function parseWorkers(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `--workers ${value}: a whole number from 1 to ${MAX_WORKERS}`,
    );
  return n;
}

/**
 * Screens a file. Bad rows are reported on stderr as they are written; the summary goes to stderr
 * (or, with --json, to stdout as JSON).
 */
export async function runBatch(
  engine: Engine,
  opts: BatchOptions,
  screen: ScreenOptions,
): Promise<{ matched: number; failed: number; rows: number }> {
  const workers = parseWorkers(opts.workers);
  // Refuse before reading a row (E_NOT_READY, exit 3) when there is no list to screen against:
  // every row would otherwise come out unmatched. Stale lists are said once, not per row.
  const coverage = await engine.coverage(screen.sources);
  if (!opts.json)
    for (const s of coverage.stale) note(`warning: ${s.id} is ${s.age_days} days old (stale)`);
  const reporter = batchReporter('screening', opts.json);
  let summary: BatchSummary;
  try {
    summary = await screenFile(
      engine,
      {
        input: opts.input,
        output: opts.output,
        screen,
        columns: {
          name: opts.nameCol,
          ...(opts.dobCol !== undefined && { dob: opts.dobCol }),
          ...(opts.countryCol !== undefined && { country: opts.countryCol }),
          ...(opts.schemaCol !== undefined && { schema: opts.schemaCol }),
          ...(opts.idCol !== undefined && { id: opts.idCol }),
        },
        ...(workers !== undefined && { workers }),
        onRowError: reporter.rowError,
      },
      reporter.progress,
    );
  } finally {
    reporter.stop();
  }
  const rate = summary.rows / Math.max(summary.seconds, 0.001);
  if (opts.json)
    process.stdout.write(
      JSON.stringify({
        input: opts.input,
        output: opts.output,
        rows: summary.rows,
        matched: summary.matched,
        failed: summary.failed,
        warned: summary.warned,
        seconds: round(summary.seconds),
        rows_per_second: Math.round(rate),
        workers: summary.workers,
        peak_rss_mb: Math.round(summary.peakRss / 1e6),
        coverage,
      }) + '\n',
    );
  else
    note(
      `screened ${int(summary.rows)} rows: ${int(summary.matched)} matched, ${int(summary.failed)} failed` +
        (summary.warned
          ? `, ${int(summary.warned)} with warnings (see the output's warnings)`
          : '') +
        '; ' +
        `${int(Math.round(rate))} rows/s, ${round(summary.seconds)} s` +
        ` (${summary.workers ? `${summary.workers} workers` : 'in-process'})`,
    );
  return { matched: summary.matched, failed: summary.failed, rows: summary.rows };
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
