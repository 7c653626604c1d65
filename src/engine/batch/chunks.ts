/**
 * @module
 * Grouping rows into chunks: one IPC message and one write per chunk instead of per row, which is
 * what makes handing rows to worker processes cheap enough.
 */

/** Rows per chunk by default: big enough to amortise a message, small enough to balance load. */
export const CHUNK_SIZE = 256;

/** Yields `first`, then everything `rest` yields. */
export async function* prepend<T>(first: T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

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
