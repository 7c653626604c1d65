/**
 * @module
 * Time slicing for long builds in a process that also answers requests. An index build iterates
 * the store entity by entity; with SQLite each step is a microtask, and microtasks never let the
 * event loop run, so a build of a few seconds held every request (and `/healthz`) for all of it.
 * A build that awaits {@link TimeSlicer.pause} after each entity gives the event loop a turn
 * every few milliseconds instead.
 */

/** Default slice: short enough that a request waits at most this long behind the build. */
export const DEFAULT_SLICE_MS = 4;

/**
 * Hands the event loop back (through `setImmediate`, so I/O callbacks run) every `sliceMs`.
 * Times with the global `performance` (node:perf_hooks's, without loading the rest of that
 * module, as importing it did in every CLI command: issue 17).
 */
export class TimeSlicer {
  private readonly sliceMs: number;
  private readonly beforeYield: (() => void) | undefined;
  private started = performance.now();
  /** How many times the build gave the event loop a turn (for tests and benchmarks). */
  yields = 0;

  /** `beforeYield` runs at the end of each slice, before the event loop is given its turn. */
  constructor(sliceMs = DEFAULT_SLICE_MS, beforeYield?: () => void) {
    this.sliceMs = sliceMs;
    this.beforeYield = beforeYield;
  }

  /**
   * Undefined while the slice lasts (the caller carries on synchronously: no promise per step),
   * else a promise that resolves on the event loop's next check phase.
   */
  pause(): Promise<void> | undefined {
    if (performance.now() - this.started < this.sliceMs) return undefined;
    this.yields++;
    this.beforeYield?.();
    return new Promise((resolve) =>
      setImmediate(() => {
        this.started = performance.now();
        resolve();
      }),
    );
  }
}

/**
 * A young-generation collection, when this process may ask for one (`--expose-gc`, as a
 * server's workers run), for a build that makes long-lived objects to run after each slice:
 * decoding and preparing a new index allocates ~40 MB that all survives, so each scavenge V8
 * runs by itself copies a full 16 MB semi-space (a server worker's size) in one pause, between
 * two requests. Collected after every slice, each copies one slice's allocation (issue 17).
 * Undefined without `gc`.
 */
export function youngCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
  return gc && (() => gc({ type: 'minor' }));
}
