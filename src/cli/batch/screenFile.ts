/**
 * @module
 * Batch screening of a file: the CLI opens the input, feeds its bytes to the engine's
 * {@link Engine.screenStream} and writes the chunks it gives back to the output, through a
 * temporary file renamed into place, so a failed run leaves no half-written output.
 */
import { createReadStream } from 'node:fs';
import {
  type BatchProgress,
  type BatchSummary,
  type Engine,
  type RowError,
  type ScreenStreamOptions,
} from '../../engine/index.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { writeOutput } from './output.ts';
import { detectInput, outputFormat } from './sniff.ts';

/** Options of {@link screenFile}. */
export interface ScreenFileOptions extends Omit<
  ScreenStreamOptions,
  'format' | 'output' | 'source'
> {
  /** Input file: CSV with a header row, or JSON lines of query entities. */
  input: string;
  /** Output file: CSV when it ends in .csv, JSON lines otherwise. */
  output: string;
  /** Called, in row order, for each row that could not be screened. */
  onRowError?: (row: number, error: RowError, id?: string) => void;
}

/**
 * Screens every row of `input` and writes one output row per input row, in input order. Rows
 * that cannot be screened are written with their error and counted as failed; the batch goes on.
 * Fails on a missing file or column, a worker crash, or a write error. `onProgress` is called
 * after each chunk is written.
 */
export async function screenFile(
  engine: Engine,
  options: ScreenFileOptions,
  onProgress?: (progress: BatchProgress) => void,
): Promise<BatchSummary> {
  const started = performance.now();
  const { input, output, onRowError, ...rest } = options;
  refuseOverwrite(output, [input]);
  const { format, size } = detectInput(input);
  const progress: BatchProgress = {
    rows: 0,
    matched: 0,
    failed: 0,
    warned: 0,
    bytesRead: 0,
    totalBytes: size,
    seconds: 0,
  };
  let stats = { workers: 0, peakRss: 0 };
  // Refusals that need no row (no list loaded, no name column) come before the output is opened.
  const stream = engine.screenStream(createReadStream(input, { highWaterMark: 64 * 1024 }), {
    ...rest,
    format,
    output: outputFormat(output),
    source: input,
    onFinish: (s) => (stats = s),
  });
  await writeOutput(output, stream[Symbol.asyncIterator](), async (chunk, out) => {
    for (const o of chunk.rows) {
      progress.rows++;
      if (o.matched) progress.matched++;
      if (o.warnings) progress.warned++;
      if (o.error) {
        progress.failed++;
        onRowError?.(o.row, o.error, o.id);
      }
    }
    await out.write(chunk.bytes);
    progress.bytesRead = chunk.position;
    progress.seconds = (performance.now() - started) / 1000;
    if (chunk.rows.length) onProgress?.({ ...progress });
  });
  return {
    ...progress,
    seconds: (performance.now() - started) / 1000,
    ...stats,
  };
}
