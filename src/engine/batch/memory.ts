/**
 * @module
 * Keeping a screening process's memory near what it needs. Results live for a few milliseconds
 * (screened, sent, written), long enough for V8 to promote them to the old generation, which it
 * then collects only when that has grown large. A full collection when the process has grown by
 * a margin since the last one keeps it near its floor (the index itself, which no collection can
 * free). The margin matters: a fixed budget below the floor would force a full collection, 100 to
 * 200 ms on four lists, every time it is checked. It needs `global.gc`, which workers get through
 * `--expose-gc`.
 */

/** Heap growth above the floor after which a full collection is asked for. */
export const GROWTH_MARGIN = 32 * 1024 * 1024;

/** Least time between two forced collections. */
const MIN_INTERVAL_MS = 500;

let floor = 0;
let last = -Infinity;

/**
 * Runs a full garbage collection if the heap grew past its floor by the margin. The heap, not
 * the resident size: V8 keeps freed pages committed for reuse, so RSS does not fall after a
 * collection and a floor measured on it would ratchet up.
 */
export function keepToBudget(margin = GROWTH_MARGIN): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  const used = process.memoryUsage().heapUsed;
  if (floor && used < floor + margin) return;
  const now = performance.now();
  if (now - last < MIN_INTERVAL_MS) return;
  last = now;
  gc();
  // What is left after a full collection is what the process needs: the next one waits for
  // growth above it.
  floor = process.memoryUsage().heapUsed;
}
