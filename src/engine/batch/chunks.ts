/**
 * @module
 * Grouping rows into chunks: one IPC message and one write per chunk instead of per row, which is
 * what makes handing rows to worker processes cheap enough.
 */

/** Rows per chunk by default: big enough to amortise a message, small enough to balance load. */
export const CHUNK_SIZE = 256;

/** Groups items into arrays of `size` (the last one may be shorter). */
export async function* chunked<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
