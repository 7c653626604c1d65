/**
 * @module
 * Batch `compare`: a CSV of name pairs in, one JSON line per pair out, in order. Comparing two
 * names is cheap, so this runs in-process; it still streams, chunk by chunk, with backpressure.
 */
import { EmbargoError, ERROR_CODES, type Algorithm, type SchemaName } from '../../core/index.ts';
import type { Engine } from '../engine.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { CHUNK_SIZE, chunked } from './chunks.ts';
import { OutputFile } from './output.ts';
import { findColumn, nameProblem, rowError, valueWarnings } from './rows.ts';
import { detectInput } from './sniff.ts';
import { openCsv, type CsvRecord } from './source.ts';
import type { RowError } from './types.ts';

/** Options of {@link compareFile}. */
export interface CompareFileOptions {
  /** CSV of pairs, with a header row. */
  input: string;
  /** JSON lines output. */
  output: string;
  /** Column of the first and second names (default name1, name2). */
  name1Col?: string;
  name2Col?: string;
  /** Column of each pair's schema (default "schema"); if the file has none, `schema` applies. */
  schemaCol?: string;
  schema?: SchemaName;
  algorithm?: Algorithm;
  threshold?: number;
  /** Called, in row order, for each pair that could not be compared. */
  onRowError?: (row: number, error: RowError) => void;
}

/** What a finished compare batch reports. */
export interface CompareSummary {
  rows: number;
  failed: number;
  seconds: number;
}

/** Compares every pair of names in `input`, writing one JSON line per pair, in order. */
export async function compareFile(
  engine: Pick<Engine, 'compare'>,
  options: CompareFileOptions,
): Promise<CompareSummary> {
  const started = performance.now();
  const { input } = options;
  refuseOverwrite(options.output, [input]);
  if (detectInput(input).format !== 'csv')
    throw new EmbargoError(
      ERROR_CODES.INPUT_REFUSED,
      `${input}: compare reads a CSV of name pairs`,
      { file: input },
    );
  const csv = await openCsv(input);
  const summary: CompareSummary = { rows: 0, failed: 0, seconds: 0 };
  let out: OutputFile | undefined;
  try {
    const { header } = csv;
    const n1 = findColumn(header, options.name1Col ?? 'name1', '--name1-col', input);
    const n2 = findColumn(header, options.name2Col ?? 'name2', '--name2-col', input);
    const sc = findColumn(header, options.schemaCol ?? 'schema', '--schema-col', input, true);
    out = await OutputFile.open(options.output);
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
      summary.failed++;
      options.onRowError?.(row, error);
      return JSON.stringify({ row, input: pair, error }) + '\n';
    };
    for await (const chunk of chunked(csv.records, CHUNK_SIZE)) {
      const lines: string[] = [];
      for (const rec of chunk) lines.push(await compare(++summary.rows, rec));
      await out.write(...lines);
    }
    await out.close();
  } catch (err) {
    await out?.discard();
    throw err;
  } finally {
    await csv.records.return(undefined);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
