/**
 * @module
 * Batch `compare`: CSV bytes of name pairs in, one JSON line per pair out, in order. Comparing two
 * names is cheap, so this runs in-process; it still streams, chunk by chunk: the next chunk is
 * read only when the consumer asks for it. Files are the CLI's (src/cli/batch/compare.ts).
 */
import { ERROR_CODES, type Algorithm, type SchemaName } from '../../core/index.ts';
import type { Engine } from '../engine.ts';
import { CHUNK_SIZE, chunked } from './chunks.ts';
import { findColumn, nameProblem, rowError, valueWarnings } from './rows.ts';
import { openCsvStream, type CsvRecord } from './source.ts';
import type { RowError } from './types.ts';

/** Options of {@link comparePairs}. */
export interface ComparePairsOptions {
  /** Names the input in errors (a file name); default `input`. */
  source?: string;
  /** Column of the first and second names (default name1, name2). */
  name1Col?: string;
  name2Col?: string;
  /** Column of each pair's schema (default "schema"); if the input has none, `schema` applies. */
  schemaCol?: string;
  schema?: SchemaName;
  algorithm?: Algorithm;
  threshold?: number;
}

/** A chunk of compared pairs: their output lines, in order, and the rows that failed. */
export interface ComparedChunk {
  lines: string[];
  errors: { row: number; error: RowError }[];
}

/**
 * Compares every pair of names in CSV `bytes` (header row first), giving one JSON line per pair,
 * in order; a pair that cannot be compared gives its line with its error. A missing header or
 * column is refused before any pair is compared.
 */
export async function* comparePairs(
  engine: Pick<Engine, 'compare'>,
  bytes: AsyncIterable<Buffer>,
  options: ComparePairsOptions = {},
): AsyncGenerator<ComparedChunk> {
  const input = options.source ?? 'input';
  const csv = await openCsvStream(bytes, input);
  try {
    const { header } = csv;
    const n1 = findColumn(header, options.name1Col ?? 'name1', '--name1-col', input);
    const n2 = findColumn(header, options.name2Col ?? 'name2', '--name2-col', input);
    const sc = findColumn(header, options.schemaCol ?? 'schema', '--schema-col', input, true);
    let errors: ComparedChunk['errors'] = [];
    const compare = async (row: number, rec: CsvRecord): Promise<string> => {
      if ('error' in rec) return failed(row, null, rowError(rec.error, ERROR_CODES.INPUT_REFUSED));
      const f = rec.fields;
      const name1 = f[n1]?.trim() ?? '';
      const name2 = f[n2]?.trim() ?? '';
      const schema = ((sc !== undefined && f[sc]?.trim()) ||
        options.schema ||
        'Thing') as SchemaName;
      const pair = { name1, name2, schema };
      const problem =
        f.length !== header.length
          ? rowError(
              `${f.length} fields, the header has ${header.length}`,
              ERROR_CODES.INPUT_REFUSED,
            )
          : [
              name1 ? nameProblem('name1', name1) : 'name1 is empty',
              name2 ? nameProblem('name2', name2) : 'name2 is empty',
            ]
              .filter((p) => p !== undefined)
              .map((p) => rowError(p))[0];
      if (problem) return failed(row, pair, problem);
      try {
        const r = await engine.compare(name1, name2, {
          schema,
          ...(options.algorithm && { algorithm: options.algorithm }),
          ...(options.threshold !== undefined && { threshold: options.threshold }),
        });
        const warnings = valueWarnings([
          ['name1', name1],
          ['name2', name2],
        ]);
        return JSON.stringify({ row, ...r, ...(warnings.length && { warnings }) }) + '\n';
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        if (code !== ERROR_CODES.INVALID_QUERY) throw err;
        return failed(row, pair, { code, message: (err as Error).message });
      }
    };
    const failed = (row: number, pair: unknown, error: RowError): string => {
      errors.push({ row, error });
      return JSON.stringify({ row, input: pair, error }) + '\n';
    };
    let row = 0;
    for await (const chunk of chunked(csv.records, CHUNK_SIZE)) {
      const lines: string[] = [];
      for (const rec of chunk) lines.push(await compare(++row, rec));
      yield { lines, errors };
      errors = [];
    }
  } finally {
    await csv.records.return(undefined);
  }
}
