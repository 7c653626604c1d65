/**
 * @module
 * Reading the records of a CSV batch input so that no row is lost without being reported. The
 * bytes are cut into records first (a quoted field may hold line breaks), with a cap on a record's
 * length: a longer one becomes one error naming its line, and reading goes on at the next line
 * break, so the rows after it are read as they are written. A general CSV parser that gives up
 * inside a runaway record and resumes mid-record turns the rest of it into phantom rows and loses
 * the real ones that follow (issue 11, point 4). Each record is then decoded on its own: bytes
 * that are not UTF-8 become U+FFFD, which the row reports as a warning, and the row is screened.
 */

/** One CSV record: its fields, or why it could not be read; `line` is where it starts. */
export type CsvRecord = ({ fields: string[] } | { error: string }) & {
  /** 1-based line of the file the record starts on. */
  line: number;
  /** Byte offset just past the record. */
  end: number;
};

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const utf8 = new TextDecoder('utf-8');

const int = (n: number) => n.toLocaleString('en-US');

/**
 * Cuts a byte stream into CSV records and parses each one (see the module comment). Blank lines
 * are not records. A quote opened at the start of a field and never closed before the end of the
 * file is reported at its line, and the lines after that line are read again as records, so one
 * stray quote costs one row.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<CsvRecord> {
  const cutter = new RecordCutter(maxBytes);
  for await (const chunk of source) yield* cutter.push(chunk);
  yield* cutter.finish();
}

/** The byte-level state machine behind {@link readCsvRecords}. */
class RecordCutter {
  private parts: Buffer[] = [];
  private length = 0;
  private inQuotes = false;
  private quotePending = false;
  private fieldStart = true;
  /** Bytes of an over-long record being skipped up to the next line break; -1 when not. */
  private skipped = -1;
  private line = 1;
  private recordLine = 1;
  /** Offset of the current chunk's first byte, and of the current record's. */
  private offset = 0;
  private recordOffset = 0;
  private first = true;

  constructor(private readonly maxBytes: number) {}

  *push(chunk: Buffer): Generator<CsvRecord> {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.skipped >= 0) {
        if (b !== LF) continue;
        this.skipped += i - start;
        yield this.tooLong(this.offset + i + 1);
        this.line++;
        this.reset(this.offset + i + 1);
        start = i + 1;
        continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (b !== QUOTE) this.inQuotes = false; // the quote closed the field
        } else if (b === QUOTE) this.quotePending = true;
        else if (b === LF) this.line++;
      }
      if (!this.inQuotes) {
        if (b === LF) {
          const bytes = this.take(chunk.subarray(start, i));
          const record = this.record(bytes, this.offset + i + 1);
          this.line++;
          this.reset(this.offset + i + 1);
          start = i + 1;
          if (record) yield record;
          continue;
        }
        if (b === COMMA) this.fieldStart = true;
        else if (b === QUOTE && this.fieldStart) {
          this.inQuotes = true;
          this.fieldStart = false;
        } else this.fieldStart = false;
      }
      if (this.length + (i - start) + 1 > this.maxBytes) {
        // Too long: drop what was kept, and skip to the next line break whatever the quotes say,
        // so that a runaway quoted field cannot swallow the rest of the file.
        this.skipped = this.length + (i - start) + 1;
        this.parts = [];
        this.length = 0;
        start = i + 1;
      }
    }
    if (this.skipped >= 0) this.skipped += chunk.length - start;
    else if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.parts.push(rest);
      this.length += rest.length;
    }
    this.offset += chunk.length;
  }

  *finish(): Generator<CsvRecord> {
    const end = this.offset;
    if (this.skipped >= 0) {
      yield this.tooLong(end);
      return;
    }
    if (this.inQuotes && !this.quotePending) {
      // A quote never closed: report its record's first line, then read the lines after it
      // again, without that quote, so the rows it swallowed are not lost.
      const bytes = Buffer.concat(this.parts);
      const nl = bytes.indexOf(LF);
      const line = this.recordLine;
      const firstEnd = this.recordOffset + (nl < 0 ? bytes.length : nl + 1);
      yield {
        line,
        end: firstEnd,
        error: `malformed CSV: line ${line}: a quoted field is opened and never closed`,
      };
      if (nl < 0) return;
      const again = new RecordCutter(this.maxBytes);
      again.line = line + 1;
      again.recordLine = line + 1;
      again.offset = firstEnd;
      again.recordOffset = firstEnd;
      again.first = false;
      yield* again.push(bytes.subarray(nl + 1));
      yield* again.finish();
      return;
    }
    const record = this.record(this.take(Buffer.alloc(0)), end);
    if (record) yield record;
  }

  private take(tail: Buffer): Buffer {
    return this.parts.length ? Buffer.concat([...this.parts, tail]) : tail;
  }

  private reset(offset: number): void {
    this.parts = [];
    this.length = 0;
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldStart = true;
    this.skipped = -1;
    this.recordLine = this.line;
    this.recordOffset = offset;
  }

  private tooLong(end: number): CsvRecord {
    const lines = this.line > this.recordLine ? `lines ${this.recordLine}–${this.line}` : '';
    const where = lines || `line ${this.recordLine}`;
    return {
      line: this.recordLine,
      end,
      error: `${where}: a record of ${int(this.skipped)} bytes (at most ${int(this.maxBytes)}); skipped to the next line`,
    };
  }

  /** The record of a complete line's bytes, or undefined for a blank line. */
  private record(bytes: Buffer, end: number): CsvRecord | undefined {
    let text = utf8.decode(bytes);
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.charCodeAt(text.length - 1) === CR) text = text.slice(0, -1);
    if (!text) return undefined;
    return { line: this.recordLine, end, fields: csvFields(text) };
  }
}

/**
 * The fields of one record's text (RFC 4180): quoted fields may hold commas, doubled quotes and
 * line breaks; a quote inside an unquoted field is text (O"Brien), as spreadsheets write it; text
 * after a closing quote is kept with the field rather than refusing the row.
 */
export function csvFields(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const comma = text.indexOf(',', i);
    const stop = comma < 0 ? text.length : comma;
    field += text.slice(i, stop);
    fields.push(field);
    if (comma < 0) return fields;
    i = comma + 1;
  }
}
