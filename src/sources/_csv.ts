/**
 * @module
 * Streaming CSV reading on csv-parse, with the file's line numbers kept for error messages.
 */
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { refused } from '../core/index.ts';
import { decodeChunks, type TextEncoding } from './_text.ts';

/** One CSV record and the line it ends on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Options for {@link readCsv}. */
export interface CsvOptions {
  encoding: TextEncoding;
  delimiter?: string;
  /** Number of leading lines to skip (e.g. a "Last Updated" line before the header). */
  fromLine?: number;
}

/**
 * Streams the records of a CSV file. Column counts are not enforced here: each parser checks the
 * shape it expects and names the line when a record does not fit.
 */
export async function* readCsv(path: string, options: CsvOptions): AsyncGenerator<CsvRow> {
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
    from_line: options.fromLine ?? 1,
  });
  const stream = pipeline(Readable.from(decodeChunks(path, options.encoding)), parser, () => {});
  try {
    for await (const rec of stream as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { line: rec.info.lines, fields: rec.record };
    }
  } catch (err) {
    if (
      err &&
      typeof err === 'object' &&
      'code' in err &&
      (err as { code: string }).code === 'E_INPUT_REFUSED'
    )
      throw err;
    const line = (err as { lines?: number }).lines;
    const msg = err instanceof Error ? err.message : String(err);
    throw refused(
      `${path}: malformed CSV${line ? ` at line ${line}` : ''}: ${msg}`,
      { file: path, ...(line ? { line } : {}) },
      err,
    );
  }
}
