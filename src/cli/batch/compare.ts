/**
 * @module
 * `embargo compare --input pairs.csv --output out.jsonl`: the CLI opens the CSV of pairs, feeds
 * its bytes to the engine's {@link comparePairs}, and writes the lines it gives back through a
 * temporary file renamed into place.
 */
import { createReadStream } from 'node:fs';
import { EmbargoError, ERROR_CODES, type Algorithm, type SchemaName } from '../../core/index.ts';
import { comparePairs, type Engine } from '../../engine/index.ts';
import { int, note } from '../output.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { writeOutput } from './output.ts';
import { batchReporter } from './progress.ts';
import { detectInput } from './sniff.ts';

/** Options of a batch compare, as the `compare` command parses them. */
export interface CompareBatchOptions {
  input: string;
  output: string;
  name1Col: string;
  name2Col: string;
  schemaCol: string;
  algorithm: Algorithm;
  schema: SchemaName;
  threshold?: number;
}

/** Compares every pair in a CSV; bad rows on stderr, a summary line at the end. */
export async function compareBatch(
  engine: Engine,
  opts: CompareBatchOptions,
): Promise<{ rows: number; failed: number }> {
  const started = performance.now();
  const { input, output, ...options } = opts;
  refuseOverwrite(output, [input]);
  if (detectInput(input).format !== 'csv')
    throw new EmbargoError(
      ERROR_CODES.INPUT_REFUSED,
      `${input}: compare reads a CSV of name pairs`,
      { file: input },
    );
  const reporter = batchReporter('comparing', false);
  const chunks = comparePairs(engine, createReadStream(input, { highWaterMark: 64 * 1024 }), {
    ...options,
    source: input,
  });
  let rows = 0;
  let failed = 0;
  try {
    // A missing column is refused before the output is opened.
    await writeOutput(output, chunks, (chunk, out) => {
      rows += chunk.lines.length;
      failed += chunk.errors.length;
      for (const e of chunk.errors) reporter.rowError(e.row, e.error);
      return out.write(...chunk.lines);
    });
  } finally {
    reporter.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  note(`compared ${int(rows)} pairs: ${int(failed)} failed; ${Math.round(seconds * 100) / 100} s`);
  return { rows, failed };
}
