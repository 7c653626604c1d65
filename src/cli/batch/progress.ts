/**
 * @module
 * What a batch shows on stderr while it runs: a progress bar with rate and ETA on a terminal,
 * nothing in logs and CI (a final summary line says it all there), and the bad rows either way.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress, RowError } from '../../engine/index.ts';
import { int } from '../output.ts';

/** Bad rows shown on stderr; past this the output file's error fields have the rest. */
const MAX_ROW_MESSAGES = 1000;

/** Reports a batch's progress and bad rows on stderr. */
export interface BatchReporter {
  progress(p: BatchProgress): void;
  rowError(row: number, error: RowError, id?: string): void;
  /** Removes the bar (on success or failure). */
  stop(): void;
}

/** A reporter for `label` ("screening", "comparing"); row errors as JSON lines with `json`. */
export function batchReporter(label: string, json: boolean): BatchReporter {
  const tty = !!process.stderr.isTTY;
  let bar: cliProgress.SingleBar | undefined;
  let shown = 0;
  return {
    progress(p) {
      if (!tty) return;
      const payload = {
        rows: int(p.rows),
        rate: int(Math.round(p.rows / Math.max(p.seconds, 0.001))),
        matched: int(p.matched),
        failed: int(p.failed),
      };
      if (!bar) {
        // The bar advances by bytes read, the one measure of "how far" known before the end
        // without reading the file twice; the ETA follows from it.
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {matched} matched | {failed} failed | ETA {eta_formatted}`,
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 100,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(p.totalBytes, 1), 0, payload);
      }
      bar.update(Math.min(p.bytesRead, p.totalBytes), payload);
    },
    rowError(row, error, id) {
      if (shown > MAX_ROW_MESSAGES) return;
      shown++;
      let line: string;
      if (shown > MAX_ROW_MESSAGES)
        line = json
          ? JSON.stringify({ warning: `more than ${MAX_ROW_MESSAGES} bad rows; see the output` })
          : `embargo: more than ${int(MAX_ROW_MESSAGES)} bad rows; the rest are only in the output's error fields`;
      else
        line = json
          ? JSON.stringify({ row, ...(id !== undefined && { id }), error })
          : `row ${row}${id ? ` (id ${id})` : ''}: ${error.message}`;
      // Clear the bar's line first; it redraws itself on the next update.
      process.stderr.write((bar ? '\r\x1b[2K' : '') + line + '\n');
    },
    stop() {
      bar?.stop();
    },
  };
}
