/**
 * @module
 * Keeping a screening process's memory near its budget. Results live for a few milliseconds
 * (screened, sent, written), long enough for V8 to promote them to the old generation, which it
 * then collects only when it has grown large: a worker with a 40 MB live heap would sit at well
 * over 300 MB. A full collection when the process passes its budget keeps it there, at a small
 * cost (a few milliseconds, at most a few times a second). It needs `global.gc`, which workers
 * get through `--expose-gc`.
 */

/** Resident set size above which a full collection is asked for. */
export const RSS_BUDGET = 224 * 1024 * 1024;

/** Least time between two forced collections, so a large live heap does not cause one per chunk. */
const MIN_INTERVAL_MS = 250;

let last = -Infinity;

/** Runs a full garbage collection if the process is over budget and has not just had one. */
export function keepToBudget(budget = RSS_BUDGET): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || process.memoryUsage.rss() < budget) return;
  const now = performance.now();
  if (now - last < MIN_INTERVAL_MS) return;
  last = now;
  gc();
}
