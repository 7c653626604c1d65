/**
 * @module
 * Books as streams (issue 18): the records of a book (JSON lines as they come off a file or a
 * request body, or parsed transactions) read one at a time into the transactions to judge and the
 * bad records, each with its line. Where the bytes come from is the caller's business: the CLI
 * opens files, the server reads request bodies; the engine never sees a path.
 */
import { EmbargoError, ERROR_CODES, asEmbargoError, refused } from '../core/index.ts';
import { parseTransaction, type Transaction } from '../rules/check/index.ts';
import { splitLines } from './batch/bytes.ts';
import { MAX_LINE_BYTES } from './batch/rows.ts';

/** A book read: the transactions to judge with their line, and the bad lines, in line order. */
export interface ReadBook {
  parsed: { line: number; tx: Transaction }[];
  bad: { line: number; error: EmbargoError }[];
}

/**
 * Reads a book record by record, parsing each as it comes so that only parsed transactions are
 * kept (not the text they came in). Record `i` is line `i + 1`. A record may be JSON text, a
 * parsed object, or an {@link EmbargoError} (a line the reader could not read: too long, not
 * text), which is reported at its line like any other bad record. Blank text lines are skipped but
 * counted. A record that repeats an earlier one's id is bad: cap ledgers are keyed by id, and two
 * records with one id would overwrite each other's usage.
 */
export class BookReader {
  readonly book: ReadBook = { parsed: [], bad: [] };
  private readonly seen = new Map<string, number>();
  private line = 0;

  /** @param source names where the records come from in errors (a file, `request body`). */
  constructor(private readonly source: string) {}

  /** Reads the next record. */
  add(raw: unknown): void {
    const line = ++this.line;
    if (raw instanceof EmbargoError) {
      this.book.bad.push({ line, error: raw });
      return;
    }
    if (typeof raw === 'string' && raw.trim() === '') return;
    const file = this.source;
    try {
      const tx = parseTransaction(raw, { line, file });
      const dup = this.seen.get(tx.id);
      if (dup === undefined) {
        this.seen.set(tx.id, line);
        this.book.parsed.push({ line, tx });
      } else
        this.book.bad.push({
          line,
          error: refused(
            `line ${line}: /id: ${JSON.stringify(tx.id)} already used on line ${dup}`,
            {
              file,
              line,
              field: '/id',
            },
          ),
        });
    } catch (err) {
      this.book.bad.push({ line, error: asEmbargoError(err) });
    }
  }

  /** Records read so far that give an item: transactions and bad records (not blank lines). */
  get count(): number {
    return this.book.parsed.length + this.book.bad.length;
  }
}

/**
 * The records of a book: transactions, JSON lines or errors (see {@link BookReader}), or a reader
 * that has read them already (a server counts a book before it chooses to answer at once or as a
 * job).
 */
export type BookRecords = AsyncIterable<unknown> | Iterable<unknown> | BookReader;

/** Reads every record of a book (see {@link BookReader}); `source` names them in errors. */
export async function readBook(records: BookRecords, source: string): Promise<ReadBook> {
  if (records instanceof BookReader) return records.book;
  const reader = new BookReader(source);
  for await (const r of records) reader.add(r);
  return reader.book;
}

/**
 * The records of a JSON-lines book from its bytes (a file's, a request body's), as they arrive:
 * each line's text, blank lines included (so record `i` stays line `i + 1`), and for a line longer
 * than {@link MAX_LINE_BYTES} an {@link EmbargoError} naming it, its bytes skipped (one runaway
 * line cannot exhaust memory, and the lines after it keep their numbers). A UTF-8 byte-order mark
 * at the start is dropped.
 */
export async function* jsonLines(
  bytes: AsyncIterable<Uint8Array>,
  source: string,
): AsyncGenerator<string | EmbargoError> {
  let line = 0;
  for await (const l of splitLines(buffers(bytes), MAX_LINE_BYTES)) {
    line++;
    if ('tooLong' in l) {
      const n = l.tooLong.toLocaleString('en-US');
      const max = MAX_LINE_BYTES.toLocaleString('en-US');
      yield new EmbargoError(
        ERROR_CODES.INPUT_REFUSED,
        `line ${line}: ${n} bytes long (at most ${max}); skipped to the next line`,
        { file: source, line },
      );
    } else yield line === 1 ? l.text.replace(/^\uFEFF/, '') : l.text;
  }
}

/** Byte chunks as Buffers (a request body gives Buffers; a web stream gives Uint8Arrays). */
async function* buffers(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const b of bytes)
    yield Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
