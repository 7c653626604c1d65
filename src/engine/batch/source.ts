/**
 * @module
 * Reading a batch input's bytes as a stream of rows. Nothing is read ahead beyond the stream buffers: the
 * rows come as the consumer asks for them, which is what gives the batch its backpressure.
 */
import { ERROR_CODES, refused } from '../../core/index.ts';
import { splitLines } from './bytes.ts';
import { readCsvRecords, type CsvRecord } from './records.ts';
import { csvRow, jsonRow, MAX_LINE_BYTES, resolveColumns, rowError } from './rows.ts';
import type { BatchRow, Columns, InputFormat } from './types.ts';

/** An open batch input. */
export interface RowSource {
  format: InputFormat;
  /** The rows, in input order. Stop early with `rows.return()`, which ends the byte stream. */
  rows: AsyncGenerator<BatchRow>;
  /**
   * How far into the input (in bytes) the rows yielded so far reach. Not the bytes read: the
   * streams read ahead, and a progress bar on those would run ahead of the work.
   */
  position(): number;
}

/** The byte offset reached by the last record yielded. */
interface Position {
  bytes: number;
}

/**
 * Opens a batch input from its bytes, read as the rows are asked for. For CSV the header is read
 * here, so a missing column fails before any work starts; `source` names the input in errors.
 */
export async function openRowStream(
  bytes: AsyncIterable<Buffer>,
  format: InputFormat,
  columns: Columns,
  source: string,
): Promise<RowSource> {
  const at: Position = { bytes: 0 };
  const position = () => at.bytes;
  if (format === 'jsonl') return { format, position, rows: jsonRows(bytes, at) };
  const csv = await openCsvStream(bytes, source, at);
  try {
    const cols = resolveColumns(csv.header, columns, source);
    return { format, position, rows: csvRows(csv.records, csv.header, cols) };
  } catch (err) {
    await csv.records.return(undefined);
    throw err;
  }
}

/** CSV input with its header read. */
export interface CsvInput {
  header: string[];
  /** The records after the header. Stop early with `records.return()`. */
  records: AsyncGenerator<CsvRecord>;
}

/** Reads the header row of CSV bytes, which is required; `source` names them in errors. */
export async function openCsvStream(
  bytes: AsyncIterable<Buffer>,
  source: string,
  at: Position = { bytes: 0 },
): Promise<CsvInput> {
  const path = source;
  const records = csvRecords(bytes, at);
  const first = await records.next();
  const header = first.done ? undefined : first.value;
  if (!header || 'error' in header) {
    await records.return(undefined);
    const why = header ? header.error : 'the file is empty';
    throw refused(`${path}: a CSV header row is required (${why})`, { file: path, line: 1 });
  }
  return { header: header.fields, records };
}

export type { CsvRecord };

/** CSV records, or the error of one that could not be read, each with where it ends. */
async function* csvRecords(bytes: AsyncIterable<Buffer>, at: Position): AsyncGenerator<CsvRecord> {
  for await (const rec of readCsvRecords(bytes, MAX_LINE_BYTES)) {
    at.bytes = rec.end;
    yield rec;
  }
}

async function* csvRows(
  records: AsyncGenerator<CsvRecord>,
  header: string[],
  cols: ReturnType<typeof resolveColumns>,
): AsyncGenerator<BatchRow> {
  let row = 0;
  for await (const rec of records) {
    row++;
    if ('error' in rec)
      yield { row, input: null, error: rowError(rec.error, ERROR_CODES.INPUT_REFUSED) };
    else yield csvRow(row, rec.fields, header, cols);
  }
}

async function* jsonRows(bytes: AsyncIterable<Buffer>, at: Position): AsyncGenerator<BatchRow> {
  let row = 0;
  let lineNumber = 0;
  for await (const line of splitLines(bytes, MAX_LINE_BYTES)) {
    at.bytes = line.end;
    lineNumber++;
    if ('tooLong' in line) {
      const n = line.tooLong.toLocaleString('en-US');
      const max = MAX_LINE_BYTES.toLocaleString('en-US');
      const error = rowError(
        `line ${lineNumber} is ${n} bytes long (at most ${max}); skipped to the next line`,
        ERROR_CODES.INPUT_REFUSED,
      );
      yield { row: ++row, input: null, error };
      continue;
    }
    const text = row === 0 ? line.text.replace(/^\uFEFF/, '') : line.text;
    if (!text.trim()) continue; // blank lines are not rows
    yield jsonRow(++row, text);
  }
}
