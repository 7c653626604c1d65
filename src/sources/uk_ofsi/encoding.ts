/**
 * @module
 * Which encoding to read a ConList.csv in. OFSI published the old layout in Windows-1252, but a
 * copy re-saved by a spreadsheet or a script is often UTF-8; decoding that as Windows-1252 would
 * silently turn "é" into "Ã©" in names, which then never match. So we look before we read.
 */
import { createReadStream } from 'node:fs';
import type { TextEncoding } from '../_text.ts';

/**
 * Chooses the encoding of a ConList file: UTF-8 when it starts with a UTF-8 byte-order mark, or
 * when it holds non-ASCII bytes that all form valid UTF-8 (Windows-1252 text almost never does);
 * otherwise Windows-1252. One cheap streaming pass over the bytes, no string is kept.
 */
export async function detectEncoding(path: string, head: Buffer): Promise<TextEncoding> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let nonAscii = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      if (!nonAscii && buf.some((b) => b >= 0x80)) nonAscii = true;
      decoder.decode(buf, { stream: true });
    }
    decoder.decode();
  } catch {
    return 'windows-1252';
  }
  return nonAscii ? 'utf-8' : 'windows-1252';
}
