/**
 * @module
 * Splitting JSON lines out of a byte stream, with a cap on line length (so one runaway line
 * cannot exhaust memory) and each line's end offset (so progress can say how far the rows
 * handed out reach into the file).
 */

/** One line of a text file, or the note that it was longer than allowed (its bytes dropped). */
export type Line = ({ text: string } | { tooLong: number }) & {
  /** Byte offset just past the line's newline. */
  end: number;
};

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8');

/**
 * Splits a byte stream into lines (LF or CRLF), decoding each whole line as UTF-8 so a character
 * cut across two chunks is never split. A line longer than `maxBytes` is not kept: its bytes are
 * skipped up to the next newline and it comes out as `{ tooLong }`, keeping later lines in step.
 * Invalid UTF-8 decodes to U+FFFD, which the row checks then report.
 */
export async function* splitLines(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let pending = 0;
  let skipped = -1; // bytes of an over-long line being skipped; -1 when not skipping
  let offset = 0; // of the current chunk's start
  const take = (tail: Buffer, end: number): Line => {
    const length = (skipped >= 0 ? skipped : pending) + tail.length;
    const long = skipped >= 0 || length > maxBytes;
    const bytes = long ? undefined : parts.length ? Buffer.concat([...parts, tail]) : tail;
    parts = [];
    pending = 0;
    skipped = -1;
    if (!bytes) return { tooLong: length, end };
    const cut = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return { text: utf8.decode(bytes.subarray(0, cut)), end };
  };
  for await (const chunk of source) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      yield take(chunk.subarray(start, nl), offset + nl + 1);
      start = nl + 1;
    }
    offset += chunk.length;
    const rest = chunk.subarray(start);
    if (!rest.length) continue;
    if (skipped >= 0) skipped += rest.length;
    else if (pending + rest.length > maxBytes) {
      skipped = pending + rest.length;
      parts = [];
      pending = 0;
    } else {
      parts.push(rest);
      pending += rest.length;
    }
  }
  if (skipped >= 0 || pending) yield take(Buffer.alloc(0), offset);
}
