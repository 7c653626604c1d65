/**
 * @module
 * `embargo compare --input pairs.csv --output out.jsonl`: the CLI face of {@link compareFile}.
 */
import type { Algorithm, SchemaName } from '../../core/index.ts';
import { compareFile, type Engine } from '../../engine/index.ts';
import { int, note } from '../output.ts';
import { batchReporter } from './progress.ts';

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
  const reporter = batchReporter('comparing', false);
  const s = await compareFile(engine, { ...opts, onRowError: reporter.rowError });
  note(
    `compared ${int(s.rows)} pairs: ${int(s.failed)} failed; ${Math.round(s.seconds * 100) / 100} s`,
  );
  return { rows: s.rows, failed: s.failed };
}
