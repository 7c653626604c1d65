/**
 * @module
 * Streaming text decoding for list files: Latin-1 / Windows-1252 / UTF-8, CRLF, and the Ctrl-Z
 * (0x1A) end-of-file byte that OFAC's legacy files still carry.
 */
import { createReadStream } from 'node:fs';
import { refused } from '../core/index.ts';
import { MAX_FIELD_LENGTH } from './_limits.ts';

/** Encodings list files come in. Latin-1 is decoded as Windows-1252, as browsers and WHATWG do. */
export type TextEncoding = 'utf-8' | 'latin1' | 'windows-1252';

/**
 * Decodes a file chunk by chunk. UTF-8 is decoded strictly: an invalid byte sequence refuses the
 * file with the line where it occurs, because a mis-declared encoding silently garbles names.
 */
export async function* decodeChunks(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const label = encoding === 'utf-8' ? 'utf-8' : 'windows-1252';
  const decoder = new TextDecoder(label, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let lines = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch (err) {
      const buf = chunk as Buffer;
      const bad = firstInvalidUtf8(buf);
      const line = lines + countNewlines(buf.subarray(0, bad));
      throw refused(
        `${path}: not valid UTF-8 near line ${line} (wrong encoding?)`,
        { file: path, line },
        err,
      );
    }
    lines += countNewlines(chunk as Buffer);
    if (text.includes('\x1a')) text = text.replaceAll('\x1a', '');
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch (err) {
    throw refused(
      `${path}: truncated: file ends inside a UTF-8 character at line ${lines}`,
      { file: path, line: lines },
      err,
    );
  }
  if (rest) yield rest.replaceAll('\x1a', '');
}

/**
 * Yields the lines of a file with their 1-based numbers, without line terminators.
 * @throws INPUT_REFUSED for a line longer than {@link MAX_FIELD_LENGTH} characters, as soon as
 * it is read, so that a file without line breaks cannot fill the memory.
 */
export async function* readLines(
  path: string,
  encoding: TextEncoding,
): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  for await (const chunk of decodeChunks(path, encoding)) {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const text = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      yield { line: ++line, text };
    }
    if (pending.length > MAX_FIELD_LENGTH)
      throw refused(
        `${path}: line ${line + 1} is longer than ${MAX_FIELD_LENGTH.toLocaleString('en')} characters: beyond the limits of a list file, refused`,
        { file: path, line: line + 1 },
      );
  }
  if (pending.replace(/\r$/, '') !== '') yield { line: ++line, text: pending.replace(/\r$/, '') };
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= buf.length) return i;
      if (buf[i + k]! >> 6 !== 2) return i;
    }
    i += len;
  }
  return buf.length;
}

/**
 * `utf-8` when every byte sequence of the file is valid UTF-8 (a byte-order mark included), else
 * `fallback`. Lists published in Latin-1 or Windows-1252 are often re-saved as UTF-8 by a
 * spreadsheet or a script; decoding such a copy as Latin-1 would silently turn "é" into "Ã©" in
 * names, which then never match. Legacy-encoded text with accents is almost never valid UTF-8,
 * and pure ASCII decodes alike either way. One streaming pass; no string is kept.
 */
export async function detectEncoding(path: string, fallback: TextEncoding): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return fallback;
  }
}
