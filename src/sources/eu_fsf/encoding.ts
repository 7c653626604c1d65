/**
 * @module
 * Encoding of an EU v1.0 file. The published copies are Latin-1 (Windows-1252: the sample has
 * `0x97` dashes), but a copy re-saved as UTF-8 must not be read as Latin-1 and garbled, so a cheap
 * first pass checks whether the whole file is valid UTF-8.
 */
import { createReadStream } from 'node:fs';
import type { TextEncoding } from '../_text.ts';

/** `utf-8` when every byte sequence of the file is valid UTF-8, else `latin1`. */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}
