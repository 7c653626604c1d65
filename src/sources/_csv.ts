/**
 * @module
 * The one CSV reader of the list sources: a streaming RFC 4180 tokenizer written by hand rather
 * than csv-parse, because the OFAC SDN parser reads sdn.csv twice (a name pass, then the mapping
 * pass) and csv-parse alone spent most of the load budget; this one scans quoted fields with
 * `indexOf` and is several times faster. It keeps the line each record starts on, so a file cut
 * inside a quoted field is reported at the record that was cut.
 */
import { refused } from '../core/index.ts';
import { MAX_FIELD_LENGTH, MAX_FIELDS } from './_limits.ts';
import { decodeChunks, type TextEncoding } from './_text.ts';

/** One CSV record and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Options for {@link readCsv} and {@link readCsvBatches}. */
export interface CsvOptions {
  encoding: TextEncoding;
  /** Field delimiter, one character (default `,`; the DPL uses a tab). */
  delimiter?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Counts `\n` in `text` between `from` (inclusive) and `to` (exclusive). */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Streams the records of a delimited file in batches (the records completed by each chunk read),
 * which keeps the per-record promise overhead of async iteration out of the hot loop. Quoted
 * fields may hold delimiters, doubled quotes and line breaks; CRLF and LF line ends are both read;
 * blank lines are skipped; a quote inside an unquoted field is kept as text, as spreadsheets write
 * it. A file that ends inside a quoted field (a download cut mid-record) is refused naming the
 * line where that record starts; text after a closing quote other than a delimiter or the line
 * end is refused as malformed. A field longer than {@link MAX_FIELD_LENGTH} characters or a
 * record of more than {@link MAX_FIELDS} fields is refused as soon as the chunk holding it is
 * read, naming the line its record starts on, so a hostile file cannot fill the memory.
 */
export async function* readCsvBatches(path: string, options: CsvOptions): AsyncGenerator<CsvRow[]> {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  // A quote was the last character of the previous chunk: it either closes the field or starts
  // a doubled quote, which only the next chunk can tell.
  let quotePending = false;
  // The current field was quoted and its closing quote has been seen.
  let closed = false;
  let line = 1;
  let recordLine = 1;

  const beyondLimits = (): never => {
    throw refused(
      `${path}: line ${recordLine}: ` +
        (fields.length >= MAX_FIELDS
          ? `a record of more than ${MAX_FIELDS.toLocaleString('en')} fields`
          : `field ${fields.length + 1} longer than ${MAX_FIELD_LENGTH.toLocaleString('en')} characters`) +
        ': beyond the limits of a list file, refused',
      { file: path, line: recordLine },
    );
  };
  const endField = (): void => {
    if (field.length > MAX_FIELD_LENGTH || fields.length >= MAX_FIELDS) beyondLimits();
    fields.push(field);
    field = '';
    closed = false;
  };

  for await (const chunk of decodeChunks(path, options.encoding)) {
    const batch: CsvRow[] = [];
    let i = 0;
    const n = chunk.length;
    if (quotePending) {
      quotePending = false;
      if (chunk.charCodeAt(0) === QUOTE) {
        field += '"';
        i = 1;
      } else {
        inQuotes = false;
        closed = true;
      }
    }
    while (i < n) {
      if (inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          field += chunk.slice(i);
          line += newlines(chunk, i, n);
          i = n;
          break;
        }
        field += chunk.slice(i, q);
        line += newlines(chunk, i, q);
        if (q + 1 === n) {
          quotePending = true;
          i = n;
        } else if (chunk.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          closed = true;
          i = q + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === delimiter) {
        endField();
        i++;
      } else if (c === LF) {
        if (!closed && field.endsWith('\r')) field = field.slice(0, -1);
        if (fields.length > 0 || field !== '' || closed) {
          endField();
          batch.push({ line: recordLine, fields });
        }
        fields = [];
        field = '';
        closed = false;
        line++;
        recordLine = line;
        i++;
      } else if (closed) {
        if (c === CR) {
          i++;
          continue;
        }
        throw refused(
          `${path}: line ${line}: a quoted field is closed and followed by ${JSON.stringify(chunk[i])}: ` +
            'malformed CSV (text after a closing quote must be a delimiter or the end of the line)',
          { file: path, line },
        );
      } else if (c === QUOTE && field === '') {
        inQuotes = true;
        i++;
      } else {
        // Unquoted text: take everything up to the next delimiter or line end in one slice.
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === delimiter || d === LF) break;
          j++;
        }
        field += chunk.slice(i, j);
        i = j;
      }
    }
    // Checked once a chunk (a mebibyte at most): a field or record can overshoot by one chunk.
    // A field still open at the end of a chunk (a mebibyte at most) is checked here, so it
    // overshoots by one chunk at most; complete ones in endField.
    if (field.length > MAX_FIELD_LENGTH) beyondLimits();
    if (batch.length) yield batch;
  }
  if (quotePending) {
    inQuotes = false;
    closed = true;
  }
  if (inQuotes)
    throw refused(
      `${path}: malformed CSV: truncated: the file ends inside a quoted field of the record starting on line ${recordLine}`,
      { file: path, line: recordLine },
    );
  if (!closed && field.endsWith('\r')) field = field.slice(0, -1);
  if (fields.length > 0 || field.trim() !== '' || closed) {
    endField();
    yield [{ line: recordLine, fields }];
  }
}

/** Streams the records of a delimited file one by one (see {@link readCsvBatches}). */
export async function* readCsv(path: string, options: CsvOptions): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(path, options)) yield* batch;
}
